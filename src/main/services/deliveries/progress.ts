/**
 * Transfer rate over a sliding window of a few seconds (a rate since the start would hide a stall; one
 * from the last chunk would jump about), and the time left at that rate. Pure: the caller gives the clock.
 */
export class RateMeter {
  private readonly samples: { at: number; bytes: number }[] = [];

  constructor(private readonly windowMs = 3_000) {}

  /** Records that `bytes` in total were done at `at` (ms). */
  add(at: number, bytes: number): void {
    const last = this.samples.at(-1);
    // Many chunks arrive within a millisecond: one sample per 50 ms is plenty and keeps the list short.
    if (last && at - last.at < 50) last.bytes = bytes;
    else this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > this.windowMs) this.samples.shift();
  }

  /** Bytes per second over the window, or null until there is a quarter of a second to measure. */
  rate(now: number): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last) return null;
    const span = Math.max(now, last.at) - first.at;
    if (span < 250) return null;
    return Math.max(0, (last.bytes - first.bytes) / (span / 1000));
  }

  reset(): void {
    this.samples.length = 0;
  }
}

/** Seconds until `total` at `rate`, or null when either is unknown (or nothing moves). */
export function etaSeconds(done: number, total: number | null, rate: number | null): number | null {
  if (total === null || rate === null || rate <= 0) return null;
  return Math.max(0, (total - done) / rate);
}

const MB = 1_048_576;
const oneDecimal = (bytes: number) => (bytes / MB).toFixed(1);

/** "2.1 MB": sizes in download messages, one decimal (MB of 1,048,576 bytes, as file managers count). */
export function megabytes(bytes: number): string {
  return `${oneDecimal(bytes)} MB`;
}

/** "2.1 of 4.0 MB", or "2.1 MB" when the total is unknown. */
export function progressWords(done: number, total: number | null): string {
  return total === null ? megabytes(done) : `${oneDecimal(done)} of ${oneDecimal(total)} MB`;
}
