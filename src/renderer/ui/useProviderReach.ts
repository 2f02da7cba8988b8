import { isArchiveKind } from '../../shared/domain/providers';
import { useCallback, useEffect, useState } from 'react';
import type { AccountsState } from '../api/accountsState';
import { call } from '../api/client';
import { errorOf } from '../api/errors';
import { reachStateOf, type ReachState } from './providerStatus';

export type Reach =
  | { state: 'none' }
  | { state: 'checking'; label: string; accountId: string }
  | { state: ReachState; label: string; accountId: string; message: string };

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
    const { label, id: accountId } = checkable;
    call('archive.connection', { accountId }).then(
      (report) => {
        if (cancelled) return;
        setResult({ key, reach: { state: reachStateOf(report), label, accountId, message: report.message } });
      },
      (err: unknown) => {
        if (cancelled) return;
        // The check itself failed (back end unreachable, account gone): read its code the same way.
        const error = errorOf(err);
        setResult({ key, reach: { state: reachStateOf({ ok: false, code: error.code }), label, accountId, message: error.message } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, checkable]);

  const recheck = useCallback(() => setRound((r) => r + 1), []);
  if (!checkable) return { reach: { state: 'none' }, recheck };
  // A result for another account (or an older round) is not this one's: still checking.
  return { reach: result?.key === key ? result.reach : { state: 'checking', label: checkable.label, accountId: checkable.id }, recheck };
}
