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

  const refresh = useCallback(async () => {
    try {
      const [accounts, settings] = await Promise.all([call('accounts.list', {}), call('settings.get', {})]);
      setList(accounts);
      setActiveId(accounts.some((a) => a.id === settings.activeAccountId) ? settings.activeAccountId : (accounts[0]?.id ?? ''));
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  }, []);

  const setActive = useCallback(async (id: string) => {
    const settings = await call('settings.set', { activeAccountId: id });
    setActiveId(settings.activeAccountId);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { list, loading, error, activeId, setActive, refresh };
}
