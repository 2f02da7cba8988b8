import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Tasking } from '../../../../shared/domain/tasking';
import { call } from '../../../api/client';
import { errorOf, isOffline, type ShownError } from '../../../api/errors';
import type { OfflineState } from '../../../api/useOffline';
import { statusChanges } from './taskingText';
import { useKeptChannel } from './useKeptChannel';

/** How often the view asks for news while it is shown and the provider is reachable. */
export const AUTO_REFRESH_MS = 2 * 60_000;

/**
 * The contract's taskings and the one followed (its detail and segments), each a cached read (stored
 * copies offline, with their "as of"), plus Refresh: on demand and every two minutes while the view is
 * shown, online and the window visible. A refresh that moves a status says so through `notify`.
 */
export function useTaskings(args: {
  accountId: string;
  contractId: string;
  /** The tasking followed (the workspace's); read only once the contract's list holds it. */
  taskingId: string;
  active: boolean;
  offline: OfflineState;
  track: <T>(w: Promise<T>) => Promise<T>;
  notify(text: string): void;
}) {
  const { accountId, contractId, taskingId, active, offline, track, notify } = args;
  const { observe, observeError, clear } = offline;
  const hooks = useMemo(() => ({ track, onValue: observe, onError: observeError }), [track, observe, observeError]);
  const scope = useMemo(() => (accountId && contractId ? { accountId, contractId } : null), [accountId, contractId]);
  // When the list last answered, by this window's clock (the replies' fetchedAt are main's, and a stored
  // copy's is old by design: neither says how long ago this view last heard).
  const lastRead = useRef(0);
  const listHooks = useMemo(
    () => ({
      ...hooks,
      onValue: (reply: Parameters<typeof observe>[0]) => {
        lastRead.current = Date.now();
        observe(reply);
      },
    }),
    [hooks, observe],
  );
  const list = useKeptChannel('tasking.list', scope, listHooks);
  const taskings: Tasking[] = useMemo(() => list.value?.value ?? [], [list.value]);
  const listed = taskings.some((t) => t.id === taskingId);
  const selectedId = scope && taskingId && listed ? taskingId : null;
  const byTasking = useMemo(() => (scope && selectedId ? { ...scope, taskingId: selectedId } : null), [scope, selectedId]);
  const detail = useKeptChannel('tasking.detail', byTasking, hooks);
  const segments = useKeptChannel('tasking.segments', byTasking, hooks);

  // A tasking just ordered (New tasking sets the workspace's id) is not in a list read before: read again, once.
  const { reload: reloadList } = list;
  const askedFor = useRef('');
  useEffect(() => {
    if (!list.value || !taskingId || listed || askedFor.current === taskingId) return;
    askedFor.current = taskingId;
    reloadList();
  }, [list.value, taskingId, listed, reloadList]);

  const { reload: reloadDetail } = detail;
  const { reload: reloadSegments } = segments;
  const reloadAll = useCallback(() => {
    reloadList();
    reloadDetail();
    reloadSegments();
  }, [reloadList, reloadDetail, reloadSegments]);

  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<ShownError | null>(null);
  const busy = useRef(false);
  const before = useRef(taskings);
  useEffect(() => {
    before.current = taskings;
  }, [taskings]);

  const refresh = useCallback(
    async (why: 'user' | 'auto' = 'user') => {
      if (!scope || busy.current) return;
      busy.current = true;
      setRefreshing(true);
      setRefreshError(null);
      // Asked for by the user: try the provider even when it was unreachable a moment ago.
      if (why === 'user') clear();
      try {
        const after = await track(call('tasking.refresh', scope));
        const changes = statusChanges(before.current, after);
        if (changes.length) notify(changes.length > 3 ? `${changes.length} taskings changed status: ${changes.slice(0, 3).join(' · ')} …` : changes.join(' · '));
      } catch (err) {
        const e = errorOf(err);
        observeError(err);
        if (!isOffline(e)) setRefreshError(e);
      } finally {
        busy.current = false;
        setRefreshing(false);
        reloadAll();
      }
    },
    [scope, track, notify, clear, observeError, reloadAll],
  );

  // The gentle interval: only while shown and online; a hidden window skips its ticks.
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  }, [refresh]);
  const isOfflineNow = offline.offline !== null;
  useEffect(() => {
    if (!active || isOfflineNow || !scope) return;
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshRef.current('auto');
    }, AUTO_REFRESH_MS);
    return () => clearInterval(id);
  }, [active, isOfflineNow, scope]);

  // Shown again after a while (another tab or section), or back online: what is on screen may be old.
  const wasOffline = useRef(isOfflineNow);
  useEffect(() => {
    const cameBack = wasOffline.current && !isOfflineNow;
    wasOffline.current = isOfflineNow;
    if (!active || isOfflineNow) return;
    if (cameBack || (lastRead.current > 0 && Date.now() - lastRead.current > AUTO_REFRESH_MS)) void refreshRef.current('auto');
  }, [active, isOfflineNow]);

  return { list, taskings, selectedId, detail, segments, refresh, refreshing, refreshError, reloadAll };
}
export type TaskingsData = ReturnType<typeof useTaskings>;
