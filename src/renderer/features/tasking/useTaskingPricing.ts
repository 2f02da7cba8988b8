import { useCallback, useMemo, useState } from 'react';
import type { TaskingDraft, TaskingPrice } from '../../../shared/domain/tasking';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import type { OfflineState } from '../../api/useOffline';

const keyOf = (draft: TaskingDraft | null) => (draft ? JSON.stringify(draft) : '');

/**
 * The price of the current tasking draft, kept with the draft it answered: any change afterwards makes
 * it stale and the Order button unavailable until priced again, so nothing is ordered at a price shown
 * for something else (main checks the same with the stored price).
 */
export function useTaskingPricing(draft: TaskingDraft | null, track: <T>(w: Promise<T>) => Promise<T>, offline: OfflineState) {
  const [priced, setPriced] = useState<{ key: string; price: TaskingPrice } | null>(null);
  const [error, setError] = useState<{ key: string; error: ShownError } | null>(null);
  const [running, setRunning] = useState(false);
  const key = keyOf(draft);
  const { observeError } = offline;

  const price = useCallback(async () => {
    if (!draft) return;
    setRunning(true);
    setError(null);
    try {
      setPriced({ key: keyOf(draft), price: await track(call('tasking.price', draft)) });
    } catch (err) {
      setError({ key: keyOf(draft), error: errorOf(err) });
      observeError(err);
    } finally {
      setRunning(false);
    }
  }, [draft, track, observeError]);
  const reset = useCallback(() => {
    setPriced(null);
    setError(null);
  }, []);
  const failed = useCallback((d: TaskingDraft, shown: ShownError) => setError({ key: keyOf(d), error: shown }), []);

  return useMemo(
    () => ({
      price: priced?.price ?? null,
      stale: !!priced && priced.key !== key,
      error: error?.error ?? null,
      /** The refusal of the draft on screen, to mark the field it names. */
      refusal: error && error.key === key ? error.error : null,
      running,
      run: price,
      reset,
      failed,
    }),
    [priced, key, error, running, price, reset, failed],
  );
}
export type TaskingPricing = ReturnType<typeof useTaskingPricing>;
