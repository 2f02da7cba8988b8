import { useCallback, useState } from 'react';
import { errorOf, type ShownError } from './errors';

/** One user action at a time: `busy` while it runs, its failure kept as `error` for an ErrorNote. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
