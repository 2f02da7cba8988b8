/**
 * When to try again after a 429 or 503. The server's `Retry-After` wins when it gives one (delta seconds
 * or an HTTP date); otherwise capped exponential backoff with jitter, so many clients rate-limited at the
 * same moment do not come back in lockstep.
 */

/** Seconds to wait from `nowMs`, or null when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  // HTTP-date (IMF-fixdate and the obsolete forms Date.parse understands); a past date means "now".
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 30_000 };

/**
 * "Equal jitter": half the exponential step is guaranteed, half is random, so waits grow with every
 * attempt (1-based) but never align across clients, and never exceed the cap.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(step / 2 + (step / 2) * r);
}
