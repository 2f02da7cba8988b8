/**
 * The tasking parameters a request starts from when the user has not chosen: the tasking form opens
 * with them, and the price comparison asks with them. One place, so a compared price is the price the
 * form would have asked for.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const TASKING_DEFAULT_PARAMS = { acquisitionMode: 'MONO', maxCloudCover: 20, maxIncidenceAngle: 30 } as const;

/** Where OneDay/OneNow attempts are looked for: from the first whole hour at least an hour away, for two weeks. */
export function defaultAttemptWindow(now: number): { start: number; end: number } {
  const start = Math.ceil((now + HOUR) / HOUR) * HOUR;
  return { start, end: start + 14 * DAY };
}

/** The OnePlan/OneSeries period asked by default: from tomorrow 00:00 UTC, for 30 days. */
export function defaultPlanPeriod(now: number): { start: number; end: number } {
  const start = Math.floor(now / DAY) * DAY + DAY;
  return { start, end: start + 30 * DAY };
}
