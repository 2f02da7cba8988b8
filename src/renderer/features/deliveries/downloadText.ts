import type { Download, DownloadStatus } from '../../../shared/domain/deliveries';

/**
 * How downloads read: sizes, rates, time left, status in words, and the overall sum. Pure, so the
 * wording is tested without a DOM and every row, bar and label says the same thing.
 */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** The unit a byte count reads best in (1024-based, as file managers show sizes). */
function unitOf(bytes: number): number {
  let unit = 0;
  while (unit < UNITS.length - 1 && bytes >= 1024 ** (unit + 1)) unit++;
  return unit;
}

const inUnit = (bytes: number, unit: number): string => (unit === 0 ? String(Math.round(bytes)) : (bytes / 1024 ** unit).toFixed(1));

/** "4.0 MB", "850 B". */
export const formatBytes = (bytes: number): string => {
  const unit = unitOf(bytes);
  return `${inUnit(bytes, unit)} ${UNITS[unit]}`;
};

/** "850 KB/s". */
export const formatRate = (bytesPerSecond: number): string => `${formatBytes(bytesPerSecond).replace(/\.0 (?=[KMGT]B)/, ' ')}/s`;

/** "5 s", "2 min 10 s", "1 h 05 min": whole seconds, never "0 s" while bytes are left. */
export function formatDuration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** "1.2 of 4.0 MB": both figures in the total's unit, so they compare at a glance. */
export function bytesText(done: number, total: number | null): string {
  if (total === null) return `${formatBytes(done)} so far`;
  const unit = unitOf(total);
  return `${inUnit(done, unit)} of ${inUnit(total, unit)} ${UNITS[unit]}`;
}

/** "1.2 of 4.0 MB · 850 KB/s · 5 s left"; the rate and time only while bytes are flowing. */
export function progressText(d: Pick<Download, 'bytesDone' | 'bytesTotal' | 'rate' | 'etaSeconds' | 'status'>): string {
  if (d.status === 'done') return formatBytes(d.bytesDone);
  const parts = [bytesText(d.bytesDone, d.bytesTotal)];
  if (d.status === 'running' && d.rate !== null && d.rate > 0) parts.push(formatRate(d.rate));
  if (d.status === 'running' && d.etaSeconds !== null) parts.push(`${formatDuration(d.etaSeconds)} left`);
  return parts.join(' · ');
}

/** Whole percent done, null when the size is unknown. */
export function percentDone(d: Pick<Download, 'bytesDone' | 'bytesTotal'>): number | null {
  if (d.bytesTotal === null || d.bytesTotal === 0) return d.bytesTotal === 0 ? 100 : null;
  return Math.min(100, Math.floor((d.bytesDone / d.bytesTotal) * 100));
}

/** The status in words, with the reason when it paused by itself or failed. */
export function statusText(d: Pick<Download, 'status' | 'error' | 'checksum' | 'bytesTotal'>): string {
  switch (d.status) {
    case 'queued':
      return 'Queued';
    case 'running':
      return 'Downloading';
    case 'paused':
      return d.error ? `Paused — ${d.error.message}` : 'Paused';
    case 'verifying':
      return 'Verifying';
    case 'done':
      if (d.checksum?.verified) return 'Done ✓ checksum verified';
      return d.bytesTotal !== null ? 'Done ✓ size checked (no checksum given)' : 'Done';
    case 'failed':
      return `Failed — ${d.error?.message ?? 'the download stopped.'}`;
    case 'cancelled':
      return 'Cancelled';
  }
}

/** Statuses that still move: the panel polls while any download is in one of them. */
export const MOVING: ReadonlySet<DownloadStatus> = new Set(['queued', 'running', 'verifying']);
/** Statuses counted in the overall bar: under way, or paused with their bytes kept. */
const UNDER_WAY: ReadonlySet<DownloadStatus> = new Set(['queued', 'running', 'verifying', 'paused']);

export interface Overall {
  count: number;
  bytesDone: number;
  /** Null when a file's size is not known yet. */
  bytesTotal: number | null;
  rate: number;
  etaSeconds: number | null;
  running: number;
  paused: number;
}

/** The sum of every download under way or paused; null when there is none. */
export function overallOf(downloads: readonly Download[]): Overall | null {
  const mine = downloads.filter((d) => UNDER_WAY.has(d.status));
  if (mine.length === 0) return null;
  let bytesDone = 0;
  let bytesTotal: number | null = 0;
  let rate = 0;
  for (const d of mine) {
    bytesDone += d.bytesDone;
    bytesTotal = bytesTotal === null || d.bytesTotal === null ? null : bytesTotal + d.bytesTotal;
    if (d.status === 'running' && d.rate) rate += d.rate;
  }
  const etaSeconds = bytesTotal !== null && rate > 0 ? Math.max(0, bytesTotal - bytesDone) / rate : null;
  const running = mine.filter((d) => d.status !== 'paused').length;
  return { count: mine.length, bytesDone, bytesTotal, rate, etaSeconds, running, paused: mine.length - running };
}

/** "2 files · 1.2 of 8.0 MB · 1 MB/s · 7 s left" (or "… · 1 paused"). */
export function overallText(o: Overall): string {
  const parts = [`${o.count} file${o.count === 1 ? '' : 's'}`, bytesText(o.bytesDone, o.bytesTotal)];
  if (o.rate > 0) parts.push(formatRate(o.rate));
  if (o.etaSeconds !== null) parts.push(`${formatDuration(o.etaSeconds)} left`);
  if (o.paused > 0) parts.push(`${o.paused} paused`);
  return parts.join(' · ');
}

/**
 * The download each file shows (downloads arrive newest first), keyed `productId/fileId`: its newest,
 * except that a cancelled retry never hides an earlier download that is still worth seeing.
 */
export function latestByFile(downloads: readonly Download[]): Map<string, Download> {
  const latest = new Map<string, Download>();
  const rank = (d: Download) => (d.status === 'cancelled' ? 0 : 1);
  for (const d of downloads) {
    const key = fileKey(d.productId, d.fileId);
    const seen = latest.get(key);
    if (!seen || rank(d) > rank(seen) || (rank(d) === rank(seen) && d.createdAt > seen.createdAt)) latest.set(key, d);
  }
  return latest;
}

export const fileKey = (productId: string, fileId: string): string => `${productId}/${fileId}`;

/** One file's state in a list row: "not downloaded", "42 %", "paused at 30 %", "done", "failed". */
export function fileStateText(d: Download | undefined): string {
  if (!d || d.status === 'cancelled') return 'not downloaded';
  const pct = percentDone(d);
  const at = pct === null ? formatBytes(d.bytesDone) : `${pct} %`;
  switch (d.status) {
    case 'queued':
      return 'queued';
    case 'running':
      return `downloading ${at}`;
    case 'paused':
      return `paused at ${at}`;
    case 'verifying':
      return 'verifying';
    case 'done':
      return d.checksum?.verified ? 'downloaded ✓' : 'downloaded';
    default:
      return 'failed';
  }
}

/**
 * Keeps the previous object of every download that did not change, so memoised rows skip their render:
 * during a long download one row (and the overall bar) re-renders per poll, not the whole panel's rows.
 */
export function reuseUnchanged(previous: readonly Download[], next: readonly Download[]): Download[] {
  const before = new Map(previous.map((d) => [d.id, d]));
  let same = previous.length === next.length;
  const merged = next.map((d, i) => {
    const old = before.get(d.id);
    const kept = old && old.updatedAt === d.updatedAt && old.status === d.status && old.bytesDone === d.bytesDone && old.rate === d.rate && old.etaSeconds === d.etaSeconds ? old : d;
    if (kept !== previous[i]) same = false;
    return kept;
  });
  return same ? (previous as Download[]) : merged;
}
