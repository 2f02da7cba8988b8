import { isArchiveKind } from '../../shared/domain/providers';
import { useCallback, useEffect, useState } from 'react';
import type { AccountsState } from '../api/accountsState';
import { call } from '../api/client';
import { messageOf } from '../api/errors';

export type Reach =
  | { state: 'none' }
  | { state: 'checking'; label: string }
  | { state: 'online'; label: string; message: string }
  | { state: 'offline'; label: string; message: string }
  | { state: 'refused'; label: string; message: string };

/**
 * Whether the active account's provider answers, checked at start and whenever the active account
 * changes (and on demand): the app says it is offline up front, not only when an action fails.
 */
export function useProviderReach(accounts: AccountsState): { reach: Reach; recheck(): void } {
  const account = accounts.list.find((a) => a.id === accounts.activeId);
  const checkable = account && isArchiveKind(account.provider) ? account : undefined;
  const [result, setResult] = useState<{ key: string; reach: Reach } | null>(null);
  const [round, setRound] = useState(0);
  const key = checkable ? `${checkable.id}|${checkable.updatedAt}|${round}` : '';

  useEffect(() => {
    if (!checkable) return;
    let cancelled = false;
    const label = checkable.label;
    call('archive.connection', { accountId: checkable.id }).then(
      (report) => {
        if (cancelled) return;
        const state = report.ok ? 'online' : /^PROVIDER_UNREACHABLE|^PROVIDER_RATE_LIMITED/.test(report.message) ? 'offline' : 'refused';
        setResult({ key, reach: { state, label, message: report.message } });
      },
      (err: unknown) => !cancelled && setResult({ key, reach: { state: 'refused', label, message: messageOf(err) } }),
    );
    return () => {
      cancelled = true;
    };
  }, [key, checkable]);

  const recheck = useCallback(() => setRound((r) => r + 1), []);
  if (!checkable) return { reach: { state: 'none' }, recheck };
  // A result for another account (or an older round) is not this one's: still checking.
  return { reach: result?.key === key ? result.reach : { state: 'checking', label: checkable.label }, recheck };
}
