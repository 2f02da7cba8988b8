import type { WaitNotice } from '../../http';

export interface ActivityEntry {
  accountId: string;
  reason: WaitNotice['reason'];
  /** ISO time of the next attempt. */
  until: string;
  attempt: number;
}

/**
 * Requests currently waiting on a provider (429 Retry-After, 503 backoff). IPC is request/response,
 * so the renderer polls this while a call is in flight to show "retrying in N s".
 */
export function createActivity(now: () => number = Date.now) {
  const waits = new Map<string, ActivityEntry & { untilMs: number }>();
  return {
    /** The `onWait` of one call: each notice replaces the previous one of the same call. */
    track(accountId: string): { onWait(notice: WaitNotice): void; done(): void } {
      const key = `${accountId}#${Math.random().toString(36).slice(2)}`;
      return {
        onWait: (notice) => {
          const untilMs = now() + notice.seconds * 1000;
          waits.set(key, { accountId, reason: notice.reason, until: new Date(untilMs).toISOString(), untilMs, attempt: notice.attempt });
        },
        done: () => void waits.delete(key),
      };
    },
    list(): ActivityEntry[] {
      const t = now();
      return [...waits.values()].filter((w) => w.untilMs > t).map(({ untilMs: _untilMs, ...entry }) => entry);
    },
  };
}
export type Activity = ReturnType<typeof createActivity>;
