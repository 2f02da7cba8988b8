import { isPriceStale, type ComparisonRow } from '../../../shared/domain/comparison';
import { formatKm2, formatSince, formatUtc } from '../../ui/format';

/** How the comparison's cells and buttons read: pure, so the sentences are tested rather than eyeballed. */

/** The most offers one run prices (the contract's `comparison.run` limit). */
export const MAX_OFFERS = 24;

/** Why "Compare" waits, or null when it can run. */
export function compareBlocker(args: { hasAoi: boolean; ticked: number; running: boolean }): string | null {
  if (!args.hasAoi) return 'Choose an active AOI first (AOIs section).';
  if (args.ticked === 0) return 'Tick at least one offer to compare.';
  if (args.ticked > MAX_OFFERS) return `Compare at most ${MAX_OFFERS} offers at once: untick ${args.ticked - MAX_OFFERS}.`;
  if (args.running) return 'A comparison is running.';
  return null;
}

export const compareLabel = (ticked: number): string => `Compare ${ticked} offer${ticked === 1 ? '' : 's'}`;
export const pricingLabel = (count: number): string => `Pricing ${count} offer${count === 1 ? '' : 's'}…`;

/** An acquisition in the user's local time ("3 Dec 2026, 17:00"); the UTC form goes in the title. */
export function localDateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "100 km²" when the product's minimum lifted the billed area, "No" when the AOI's own area was billed. */
export const minimumText = (row: Pick<ComparisonRow, 'minimumAppliedKm2' | 'areaBilledKm2'>): string =>
  row.minimumAppliedKm2 !== null ? formatKm2(row.minimumAppliedKm2) : row.areaBilledKm2 === null ? '—' : 'No';

export const areaText = (km2: number | null): string => (km2 === null ? '—' : formatKm2(km2));

export interface PricedAt {
  /** "just now", "3 h ago", "2 d ago". */
  relative: string;
  /** The exact time, for the title and for readers. */
  exact: string;
  stale: boolean;
}
export const pricedAt = (iso: string, now: number): PricedAt => ({ relative: formatSince(iso, now), exact: formatUtc(iso), stale: isPriceStale(iso, now) });

/** "Order… Pleiades 0.5-m (Archive, Sandbox — OneAtlas)": the row's order button, told apart by readers. */
export const orderButtonName = (row: Pick<ComparisonRow, 'label'>): string => `Order… ${row.label.product} (${row.label.type}, ${row.label.accountName})`;

/** "2 prices are more than a day old": said above the table, beside "Price again". */
export function staleNote(rows: readonly Pick<ComparisonRow, 'pricedAt'>[], now: number): string | null {
  const n = rows.filter((r) => isPriceStale(r.pricedAt, now)).length;
  if (n === 0) return null;
  const which = n === rows.length ? (n === 1 ? 'This price is' : 'These prices are') : n === 1 ? 'One of these prices is' : `${n} of these prices are`;
  return `${which} more than a day old: price ${n === 1 ? 'it' : 'them'} again before relying on ${n === 1 ? 'it' : 'them'}.`;
}
