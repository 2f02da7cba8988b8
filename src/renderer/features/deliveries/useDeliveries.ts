import { useCallback, useMemo, useState } from 'react';
import type { DeliveredProduct } from '../../../shared/domain/deliveries';
import type { Cached } from '../../../shared/ipc/contract';
import { useChannel } from '../../api/useChannel';
import { useInFlight } from '../../api/useInFlight';
import type { OfflineState } from '../../api/useOffline';

/**
 * An account's delivered products: main searches the workspace (every page) and answers the stored copy
 * when the provider cannot be reached, with its "as of". The last good answer stays shown while a
 * refresh fails, so a refused refresh never blanks the list; the failure is said beside it.
 */
export function useDeliveries(accountId: string | null, offline: OfflineState) {
  const { busy, track } = useInFlight();
  const { observe, observeError } = offline;
  const [kept, setKept] = useState<{ accountId: string; reply: Cached<DeliveredProduct[]> } | null>(null);
  const onValue = useCallback(
    (reply: Cached<DeliveredProduct[]>) => {
      observe(reply);
      if (accountId) setKept({ accountId, reply });
    },
    [observe, accountId],
  );
  const hooks = useMemo(() => ({ track, onValue, onError: observeError }), [track, onValue, observeError]);
  const loaded = useChannel('deliveries.list', accountId ? { accountId } : null, hooks);
  const reply = loaded.value ?? (kept && kept.accountId === accountId ? kept.reply : undefined);
  const products = useMemo(() => reply?.value ?? [], [reply]);
  const { clear } = offline;
  const { reload } = loaded;
  // Asked for by the user: try the provider even when it was unreachable a moment ago.
  const refresh = useCallback(() => {
    clear();
    reload();
  }, [clear, reload]);
  return { products, reply, error: loaded.error, loading: loaded.loading && !reply, refreshing: busy, refresh };
}
