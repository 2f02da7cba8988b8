import { useCallback, useEffect, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { AccountsState } from '../../api/accountsState';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';

/** The accounts and the active one (the top bar's), loaded at start and after every change. */
export function useAccounts(): AccountsState {
  const [list, setList] = useState<Account[]>([]);
  const [activeId, setActiveId] = useState('');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ShownError>();

  const apply = useCallback((loaded: Promise<Loaded>) => {
    loaded.then(
      ({ accounts, activeId: active }) => {
        setList(accounts);
        setActiveId(active);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        setError(errorOf(err));
        setLoading(false);
      },
    );
    // Callers await the refresh, never its failure: that is shown through `error`.
    return loaded.then(() => undefined, () => undefined);
  }, []);

  const refresh = useCallback(() => apply(loadAccounts()), [apply]);

  // The choice shows at once (a click right after it must act on the new account), then is stored;
  // if storing fails the previous choice comes back with the error.
  const setActive = useCallback(async (id: string) => {
    let previous = '';
    setActiveId((current) => ((previous = current), id));
    try {
      const settings = await call('settings.set', { activeAccountId: id });
      setActiveId(settings.activeAccountId);
    } catch (err) {
      setActiveId(previous);
      setError(errorOf(err));
    }
  }, []);

  useEffect(() => {
    void apply(loadAccounts());
  }, [apply]);

  return { list, loading, error, activeId, setActive, refresh };
}

interface Loaded {
  accounts: Account[];
  activeId: string;
}

async function loadAccounts(): Promise<Loaded> {
  const [accounts, settings] = await Promise.all([call('accounts.list', {}), call('settings.get', {})]);
  const activeId = accounts.some((a) => a.id === settings.activeAccountId) ? settings.activeAccountId : (accounts[0]?.id ?? '');
  return { accounts, activeId };
}
