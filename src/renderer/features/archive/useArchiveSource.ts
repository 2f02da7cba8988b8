import { useCallback, useMemo, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import { isArchiveKind } from '../../../shared/domain/providers';
import type { Contract, ProductType } from '../../../shared/domain/archive';
import type { AccountsState } from '../../api/accountsState';
import { useChannel } from '../../api/useChannel';
import { useWorkspace } from '../../api/workspaceStore';
import { pickOffered } from '../../ui/pickOffered';
import type { OfflineState } from '../../api/useOffline';

/** Archive procurement exists for OneAtlas and GeoAPI legacy; Origen only programs new acquisitions. */
export const isArchiveAccount = (a: Account): boolean => isArchiveKind(a.provider);


/**
 * Account -> contract -> archive product type, each loaded from main (stored copies when offline).
 * The account is the app's active account (the top bar's), so the two pickers never disagree.
 */
export function useArchiveSource(accounts: AccountsState, offline: OfflineState, track: <T>(w: Promise<T>) => Promise<T>) {
  const eligible = useMemo(() => accounts.list.filter(isArchiveAccount), [accounts.list]);
  // The last contract and product chosen live in the workspace, so a restart (or going offline) opens
  // where the user was, and each named workspace keeps its own.
  const { state: workspaceState, patch } = useWorkspace();
  const [chosenContract, chooseContract] = useState(workspaceState.contractId);
  const [chosenProduct, chooseProduct] = useState(workspaceState.productTypeId);
  const accountId = pickOffered(eligible, (a) => a.id, accounts.activeId);
  const { setActive } = accounts;
  const setAccountId = useCallback((id: string) => void setActive(id), [setActive]);
  const setContractId = useCallback((id: string) => {
    chooseContract(id);
    patch({ contractId: id });
  }, [patch]);
  const setProductTypeId = useCallback((id: string) => {
    chooseProduct(id);
    patch({ productTypeId: id });
  }, [patch]);
  const account = eligible.find((a) => a.id === accountId);

  const { observe, observeError } = offline;
  const hooks = useMemo(() => ({ track, onValue: observe, onError: observeError }), [track, observe, observeError]);
  const contracts = useChannel('archive.contracts', accountId ? { accountId } : null, hooks);
  const contractList: Contract[] = contracts.value?.value ?? [];
  const contractId = pickOffered(contractList, (c) => c.contractId, chosenContract);
  const contract = contractList.find((c) => c.contractId === contractId);

  const types = useChannel('archive.productTypes', accountId && contractId ? { accountId, contractId } : null, hooks);
  const productTypes: ProductType[] = useMemo(() => (types.value?.value ?? []).filter((t) => t.source === 'archive'), [types.value]);
  const productTypeId = pickOffered(productTypes, (t) => t.productTypeId, chosenProduct);
  const productType = productTypes.find((t) => t.productTypeId === productTypeId);

  const { reload: reloadContracts } = contracts;
  const { reload: reloadTypes } = types;
  const reload = useCallback(() => {
    reloadContracts();
    reloadTypes();
  }, [reloadContracts, reloadTypes]);

  return {
    eligible,
    accountId,
    account,
    setAccountId,
    contracts,
    contractList,
    contractId,
    contract,
    setContractId,
    types,
    productTypes,
    productTypeId,
    productType,
    setProductTypeId,
    reload,
  };
}
export type ArchiveSource = ReturnType<typeof useArchiveSource>;
