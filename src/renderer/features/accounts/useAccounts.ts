import { useCallback, useEffect, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import { call } from '../../api/client';

export interface AccountsState {
  list: Account[];
  loading: boolean;
  error?: string;
  activeId: string;
  setActive(id: string): Promise<void>;
  refresh(): Promise<void>;
}

export function useAccounts(): AccountsState {
  const [list, setList] = useState<Account[]>([]);
  const [activeId, setActiveId] = useState('');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  const apply = useCallback((loaded: Promise<Loaded>) => {
    loaded.then(
      ({ accounts, activeId: active }) => {
        setList(accounts);
        setActiveId(active);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        setError(err instanceof Error ? err.message : String(err));
        setLoading(false);
      },
    );
    return loaded.then(() => undefined, () => undefined);
  }, []);

  const refresh = useCallback(() => apply(loadAccounts()), [apply]);

  const setActive = useCallback(async (id: string) => {
    const settings = await call('settings.set', { activeAccountId: id });
    setActiveId(settings.activeAccountId);
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
