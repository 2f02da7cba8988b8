import { useCallback, useMemo, useState } from 'react';
import type { Cached } from '../../shared/ipc/contract';
import { errorOf, isOffline } from './errors';

export interface OfflineInfo {
  /** When the data shown was stored (ISO), null when unknown. */
  since: string | null;
  reason: string;
}

/** Any cached reply (its value does not matter here). */
type CachedReply = Omit<Cached<unknown>, 'value'>;

/**
 * Whether the provider is reachable, as the latest replies say: a cached read answered offline, or an
 * action failed because the provider could not be reached. A fresh online reply clears it.
 */
export function useOffline() {
  const [offline, setOffline] = useState<OfflineInfo | null>(null);
  const observe = useCallback((reply: CachedReply) => {
    setOffline(reply.offline ? { since: reply.fetchedAt, reason: reply.offlineReason ?? 'The provider could not be reached.' } : null);
  }, []);
  const observeError = useCallback((err: unknown) => {
    const e = errorOf(err);
    if (isOffline(e)) setOffline((o) => o ?? { since: null, reason: e.message });
  }, []);
  const clear = useCallback(() => setOffline(null), []);
  return useMemo(() => ({ offline, observe, observeError, clear }), [offline, observe, observeError, clear]);
}
export type OfflineState = ReturnType<typeof useOffline>;

/** Props that disable a provider action offline and say why (title for the pointer, aria for readers). */
export function needsProvider(offline: OfflineInfo | null, otherwise?: string): { disabled: boolean; title?: string; 'aria-description'?: string } {
  if (offline) {
    const why = `Needs the provider, which cannot be reached: ${offline.reason}`;
    return { disabled: true, title: why, 'aria-description': why };
  }
  if (otherwise) return { disabled: true, title: otherwise, 'aria-description': otherwise };
  return { disabled: false };
}
