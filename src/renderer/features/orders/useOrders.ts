import { useCallback, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { errorOf, isOffline, type ShownError } from '../../api/errors';
import { useChannel } from '../../api/useChannel';
import type { OfflineInfo } from '../../api/useOffline';

/**
 * Orders and quotations as stored locally (always readable, offline too) and "Refresh", which asks
 * the providers for new statuses. A refresh that cannot reach them leaves the stored list on screen
 * and says since when it dates.
 */
export function useOrders(track: <T>(w: Promise<T>) => Promise<T>) {
  const orders = useChannel('orders.list', {});
  const quotations = useChannel('quotations.list', {});
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [offline, setOffline] = useState<OfflineInfo | null>(null);
  const { reload: reloadOrders } = orders;
  const { reload: reloadQuotations } = quotations;

  const reload = useCallback(() => {
    reloadOrders();
    reloadQuotations();
  }, [reloadOrders, reloadQuotations]);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    setError(null);
    try {
      await track(call('orders.refresh', {}));
      setOffline(null);
    } catch (err) {
      const e = errorOf(err);
      if (isOffline(e)) setOffline({ since: latest(orders.value?.map((o) => o.updatedAt) ?? []), reason: e.message });
      else setError(e);
    } finally {
      setRefreshing(false);
      reload();
    }
  }, [track, orders.value, reload]);

  return useMemo(() => ({ orders, quotations, refreshing, error, offline, refresh, reload }), [orders, quotations, refreshing, error, offline, refresh, reload]);
}

const latest = (isoTimes: string[]): string | null => isoTimes.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
