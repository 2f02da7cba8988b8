import { useCallback, useMemo, useState } from 'react';
import type { SearchParams } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { useChannel } from '../../api/useChannel';
import type { OfflineState } from '../../api/useOffline';
import { appendPage, fromPage, type LoadedResults } from './results';

type Running = 'search' | 'more' | 'reopen' | null;

/** Runs searches, loads further pages (appended, see results.ts) and reopens stored ones from history. */
export function useArchiveSearch(track: <T>(w: Promise<T>) => Promise<T>, offline: OfflineState) {
  const [results, setResults] = useState<LoadedResults | null>(null);
  const [running, setRunning] = useState<Running>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [moreError, setMoreError] = useState<ShownError | null>(null);
  const history = useChannel('archive.history', { limit: 100 });
  const { observeError } = offline;
  const { reload: reloadHistory } = history;

  const fail = useCallback(
    (err: unknown, set: (e: ShownError) => void) => {
      set(errorOf(err));
      observeError(err);
    },
    [observeError],
  );

  const run = useCallback(
    async (params: SearchParams): Promise<boolean> => {
      setRunning('search');
      setError(null);
      setMoreError(null);
      try {
        const page = await track(call('archive.search', params));
        setResults(fromPage(page));
        reloadHistory();
        return true;
      } catch (err) {
        fail(err, setError);
        return false;
      } finally {
        setRunning(null);
      }
    },
    [track, fail, reloadHistory],
  );

  const more = useCallback(async () => {
    if (!results) return;
    const searchId = results.search.searchId;
    const params = { ...results.params, page: results.params.page + 1 };
    setRunning('more');
    setMoreError(null);
    try {
      // appendTo: main adds the page to the stored search and answers the whole of it (results.ts).
      const page = await track(call('archive.search', { ...params, appendTo: searchId }));
      // A new search started meanwhile owns the list now; this late page belongs to the old one.
      setResults((r) => (r && r.search.searchId === searchId ? appendPage(r, page, params) : r));
    } catch (err) {
      fail(err, setMoreError);
    } finally {
      setRunning(null);
    }
  }, [results, track, fail]);

  /** Stored searches open from the local database, so this works offline. */
  const reopen = useCallback(
    async (searchId: string): Promise<boolean> => {
      setRunning('reopen');
      setError(null);
      setMoreError(null);
      try {
        setResults(fromPage(await call('archive.searchPage', { searchId }), true));
        return true;
      } catch (err) {
        fail(err, setError);
        return false;
      } finally {
        setRunning(null);
      }
    },
    [fail],
  );

  return useMemo(() => ({ results, running, error, moreError, history, run, more, reopen }), [results, running, error, moreError, history, run, more, reopen]);
}
export type ArchiveSearch = ReturnType<typeof useArchiveSearch>;
