import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { contractKey } from './comparisonRows';

/**
 * Contract names of the given accounts (main answers them from its cache, or the stored copy offline),
 * so two contracts offering the same product are told apart. An account that cannot be read shows its
 * contract ids instead: names are a help, never a reason to fail.
 */
export function useContractNames(accountIds: readonly string[]): ReadonlyMap<string, string> {
  const key = [...new Set(accountIds)].sort().join(',');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    void Promise.allSettled(key.split(',').map(async (accountId) => ({ accountId, contracts: (await call('archive.contracts', { accountId })).value }))).then((settled) => {
      if (cancelled) return;
      const next = new Map<string, string>();
      for (const s of settled) if (s.status === 'fulfilled') for (const c of s.value.contracts) next.set(contractKey(s.value.accountId, c.contractId), c.name);
      setNames(next);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return useMemo(() => names, [names]);
}
