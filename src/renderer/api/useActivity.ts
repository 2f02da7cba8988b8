import { useEffect, useState } from 'react';
import { call } from './client';

export interface Waiting {
  reason: 'rate-limited' | 'unavailable';
  secondsLeft: number;
  attempt: number;
}

const POLL_MS = 500;

/**
 * While a call is in flight, asks main every ~500 ms whether it is waiting on the provider (429
 * Retry-After or 503 backoff) so the wait is visible instead of looking like a hang. IPC has no
 * push, hence the poll; it stops as soon as nothing is in flight.
 */
export function useActivity(busy: boolean, accountId: string): Waiting | null {
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  useEffect(() => {
    if (!busy) return;
    let stopped = false;
    const poll = () => {
      call('archive.activity', {}).then(
        (entries) => {
          if (stopped) return;
          const mine = entries.filter((e) => !accountId || e.accountId === accountId);
          const next = mine.sort((a, b) => b.until.localeCompare(a.until))[0];
          setWaiting(next ? { reason: next.reason, attempt: next.attempt, secondsLeft: Math.max(0, Math.ceil((Date.parse(next.until) - Date.now()) / 1000)) } : null);
        },
        () => undefined,
      );
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [busy, accountId]);
  // A wait seen during the last call means nothing once no call is in flight.
  return busy ? waiting : null;
}
