import { useCallback, useMemo, useState } from 'react';
import { isAttemptProgType, type AttemptSet, type Feasibility, type TaskingProductType, type TaskingQuery } from '../../../shared/domain/tasking';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import type { OfflineState } from '../../api/useOffline';

export type Answer = { kind: 'feasibility'; value: Feasibility } | { kind: 'attempts'; value: AttemptSet };

/** Same request? (the answer shown must belong to the parameters on screen) */
const sameQuery = (a: TaskingQuery, b: TaskingQuery) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Feasibility (OnePlan/OneSeries) or attempts (OneDay/OneNow) for the query on screen. The answer is
 * kept with the query it answered: once the parameters change it is marked stale, never silently
 * reused for an order.
 */
export function useTaskingAsk(query: TaskingQuery | null, offer: TaskingProductType | undefined, track: <T>(w: Promise<T>) => Promise<T>, offline: OfflineState) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const { observeError, clear } = offline;

  const ask = useCallback(async () => {
    if (!query || !offer) return;
    setRunning(true);
    setError(null);
    try {
      const next: Answer = isAttemptProgType(offer.progType)
        ? { kind: 'attempts', value: await track(call('tasking.attempts', query)) }
        : { kind: 'feasibility', value: await track(call('tasking.feasibility', query)) };
      setAnswer(next);
      clear();
    } catch (err) {
      setError(errorOf(err));
      observeError(err);
    } finally {
      setRunning(false);
    }
  }, [query, offer, track, observeError, clear]);

  const stale = useMemo(() => !!answer && (!query || !sameQuery(answer.value.query, query)), [answer, query]);
  const reset = useCallback(() => {
    setAnswer(null);
    setError(null);
  }, []);
  return { answer, stale, running, error, ask, reset };
}
export type TaskingAsk = ReturnType<typeof useTaskingAsk>;
