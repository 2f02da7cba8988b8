import type { DeliveredProduct } from '../../../shared/domain/deliveries';

/** How a delivered product reads in the list, its detail and on the map. */

// One formatter for every row: building one per call costs more than the rest of the row.
const LOCAL = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The acquisition in the user's local time ("2 May 2024, 12:41"), '—' when the provider gave none. */
export function localDateTime(iso: string | null): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : LOCAL.format(ms);
}

/** "PHR1A" or the constellation, else "Unknown platform". */
export const platformOf = (p: Pick<DeliveredProduct, 'platform' | 'constellation'>): string => p.platform || p.constellation || 'Unknown platform';

/** Where it came from: the matched order or tasking, or the plain fact that none matched. */
export function sourceText(p: Pick<DeliveredProduct, 'source' | 'customerReference'>): string {
  if (p.source) return p.source.label;
  return p.customerReference ? `No matching order in this desk (reference ${p.customerReference})` : 'No matching order in this desk';
}

/** The map tooltip: "PHR1A · 2 May 2024, 12:41 · ORTHO". */
export function footprintLabel(p: DeliveredProduct): string {
  return [platformOf(p), localDateTime(p.acquisitionDate), p.processingLevel].filter(Boolean).join(' · ');
}

/** The files' states in one phrase: "1 file: downloaded ✓" or "2 files: downloading 40 %, not downloaded". */
export function filesPhrase(states: readonly string[]): string {
  if (states.length === 0) return 'no file to download';
  return `${states.length} file${states.length === 1 ? '' : 's'}: ${states.join(', ')}`;
}
