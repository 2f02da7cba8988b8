import type { Tasking, TaskingSegment } from '../../../../shared/domain/tasking';
import { formatAngle, formatDay, formatKm2, formatUtc } from '../../../ui/format';
import { statusTone, type StatusTone } from '../../../ui/statusTone';

/**
 * How taskings and segments read in the Taskings view: the words of the list rows, the progress bar,
 * screen-reader summaries and refresh notices. Pure so they are tested without a DOM.
 */

type Event = Tasking['events'][number];

/** Statuses after which nothing more happens to a tasking: nothing to cancel, nothing to poll for. */
export const isFinalStatus = (status: string): boolean => /complete|cancel/i.test(status);

/**
 * Validated share as a whole percentage for the bar: floored, so "100 %" means every ordered km² is
 * validated, never 99.6 % rounded up. Null when the provider reported no progress.
 */
export function progressPercent(progress: number | null): number | null {
  if (progress === null || !Number.isFinite(progress)) return null;
  const share = Math.min(1, Math.max(0, progress));
  return share >= 1 ? 100 : Math.floor(share * 100);
}

/** The bar's short text, e.g. "42 % of 132 km²". */
export function progressShort(t: Pick<Tasking, 'progress' | 'orderedAreaKm2' | 'validatedAreaKm2'>): string {
  const pct = progressPercent(t.progress);
  const of = t.orderedAreaKm2 === null ? '' : ` of ${formatKm2(t.orderedAreaKm2)}`;
  if (pct !== null) return `${t.progress !== null && t.progress > 0 && t.progress < 0.01 ? '<1' : pct} %${of}`;
  if (t.validatedAreaKm2 !== null) return `${formatKm2(t.validatedAreaKm2)} validated`;
  return t.orderedAreaKm2 === null ? 'not reported' : `? of ${formatKm2(t.orderedAreaKm2)}`;
}

/** The progress bar's accessible name, e.g. "Validated 42 % of 132 km²". */
export function progressLabel(t: Pick<Tasking, 'progress' | 'orderedAreaKm2' | 'validatedAreaKm2'>): string {
  const pct = progressPercent(t.progress);
  const of = t.orderedAreaKm2 === null ? '' : ` of ${formatKm2(t.orderedAreaKm2)}`;
  if (pct !== null) return `Validated ${pct} %${of}`;
  if (t.validatedAreaKm2 !== null) return `Validated ${formatKm2(t.validatedAreaKm2)}${of}`;
  return t.orderedAreaKm2 === null ? 'Validated area not reported yet' : `Validated area not reported yet (ordered ${formatKm2(t.orderedAreaKm2)})`;
}

/**
 * The acquisition period: one day with its times for a OneDay window ("2026-05-02 10:27–10:57 UTC"),
 * otherwise "2026-05-01 → 2026-05-31".
 */
export function periodText(period: Tasking['period']): string {
  const { start, end } = period;
  if (!start && !end) return 'period not given';
  if (!start || !end) return start ? `from ${formatDay(start)}` : `until ${formatDay(end)}`;
  const a = formatUtc(start);
  const b = formatUtc(end);
  if (a.slice(0, 10) === b.slice(0, 10)) return a.slice(11, 16) === b.slice(11, 16) ? a : `${a.slice(0, 16)}–${b.slice(11)}`;
  return `${formatDay(start)} → ${formatDay(end)}`;
}

export const proposedText = (n: number): string => `${n} proposed`;

export const proposedSentence = (n: number): string =>
  n === 1 ? '1 proposed segment waits for your decision' : `${n} proposed segments wait for your decision`;

/** The latest status event (events are stored oldest first, but the dates decide). */
export function lastStatusChange(events: readonly Event[]): Event | undefined {
  return events.reduce<Event | undefined>((a, e) => (!a || e.at >= a.at ? e : a), undefined);
}

/** A tasking row read aloud: id, type, status, period, progress and what waits for the user. */
export function taskingSummary(t: Tasking): string {
  const parts = [t.id, t.programmingType, t.status, periodText(t.period), progressLabel(t)];
  if (t.customerReference) parts.push(`reference ${t.customerReference}`);
  if (t.proposedSegmentsCount > 0) parts.push(proposedSentence(t.proposedSegmentsCount));
  return parts.join(', ');
}

/** What a refresh changed, one sentence per tasking whose status moved (with the date it was seen). */
export function statusChanges(before: readonly Tasking[], after: readonly Tasking[]): string[] {
  const was = new Map(before.map((t) => [t.id, t.status]));
  return after.flatMap((t) => {
    const old = was.get(t.id);
    if (old === undefined || old === t.status) return [];
    const at = lastStatusChange(t.events)?.at ?? t.updatedAt;
    return [`${t.id}: ${old} → ${t.status} (${formatUtc(at)})`];
  });
}

/** Segment colours: a proposed one waits for the user (warn), a validated one counts (ok). */
export function segmentTone(status: string): StatusTone {
  if (/^propos/i.test(status)) return 'warn';
  if (/^validat/i.test(status)) return 'ok';
  return statusTone(status);
}

export const isProposed = (s: Pick<TaskingSegment, 'status'>): boolean => /^proposed$/i.test(s.status);

/** Proposed first (they wait for a decision), then the most recent acquisitions. */
export function sortSegments(segments: readonly TaskingSegment[]): TaskingSegment[] {
  return [...segments].sort((a, b) => {
    const p = Number(isProposed(b)) - Number(isProposed(a));
    if (p !== 0) return p;
    return (b.acquisitionDate ?? '').localeCompare(a.acquisitionDate ?? '') || a.id.localeCompare(b.id);
  });
}

/** Clear-sky rate as the provider gives it (a percentage, 88.8973); null when not given. */
export const formatClearSky = (rate: number | null): string => (rate === null ? '—' : `${Math.round(Math.min(100, Math.max(0, rate)))} %`);

/** A segment read aloud and as the map's tooltip. */
export function segmentLabel(s: TaskingSegment): string {
  const parts = [s.id, s.status, formatUtc(s.acquisitionDate), `incidence ${formatAngle(s.incidenceAngle)}`, `clear sky ${formatClearSky(s.clearSkyRate)}`];
  if (s.refusalReason) parts.push(`refused because: ${s.refusalReason}`);
  return parts.join(', ');
}

/** The map tooltip: shorter than the spoken label. */
export const segmentTooltip = (s: TaskingSegment): string => `${s.id} · ${s.status} · ${formatUtc(s.acquisitionDate)} · ${formatAngle(s.incidenceAngle)}`;

/** "As of 13:42 UTC" (today) or with the date; a stored copy shown offline says so. */
export function asOfText(fetchedAt: string | null, offline: boolean, nowMs: number): string {
  if (!fetchedAt) return offline ? 'Stored copy, date unknown' : '';
  const when = formatUtc(fetchedAt);
  const today = when.slice(0, 10) === new Date(nowMs).toISOString().slice(0, 10);
  const shown = today && when !== fetchedAt ? when.slice(11) : when;
  return offline ? `Stored copy as of ${shown}` : `As of ${shown}`;
}

/**
 * A stable order for the list (the store's is "last read first", which would shuffle rows on every
 * refresh): the latest acquisition periods first, then by id.
 */
export function sortTaskings(taskings: readonly Tasking[]): Tasking[] {
  return [...taskings].sort((a, b) => (b.period.start ?? '').localeCompare(a.period.start ?? '') || b.id.localeCompare(a.id));
}

/** Areas, with a plain "0 km²" for nothing validated yet. */
export const formatArea = (km2: number | null): string => (km2 === null ? '—' : km2 === 0 ? '0 km²' : formatKm2(km2));

/** "In Progress since 2030-01-01 10:00 UTC" from the dated history; the status alone when none is stored. */
export function statusSince(t: Pick<Tasking, 'status' | 'events'>): string {
  const last = lastStatusChange(t.events);
  return last && last.status === t.status ? `${t.status} since ${formatUtc(last.at)}` : t.status;
}
