import { useCallback, useMemo, useState } from 'react';
import type { Contract } from '../../../shared/domain/archive';
import { hasCapability } from '../../../shared/domain/providers';
import type { TaskingProductType } from '../../../shared/domain/tasking';
import type { AccountsState } from '../../api/accountsState';
import type { OfflineState } from '../../api/useOffline';
import { useChannel } from '../../api/useChannel';
import { useWorkspace } from '../../api/workspaceStore';
import { pickOffered } from '../../ui/pickOffered';


/**
 * Account -> contract -> tasking offer. The account is the app's active one when it can task (the top
 * bar's), the contract is shared with the Archive section (one account, one contract in use), and the
 * offer chosen lives in the workspace.
 */
export function useTaskingSource(accounts: AccountsState, offline: OfflineState, track: <T>(w: Promise<T>) => Promise<T>) {
  // OneAtlas accounts task (One Tasking); Origen accounts program (the Programming feature's panel).
  const eligible = useMemo(() => accounts.list.filter((a) => hasCapability(a.provider, 'tasking') || hasCapability(a.provider, 'programming')), [accounts.list]);
  const { state: saved, patch } = useWorkspace();
  const [chosenContract, chooseContract] = useState(saved.contractId);
  const [chosenProduct, chooseProduct] = useState(saved.taskingProductTypeId);
  const accountId = pickOffered(eligible, (a) => a.id, accounts.activeId);
  const account = eligible.find((a) => a.id === accountId);
  const programs = !!account && hasCapability(account.provider, 'programming');
  const tasks = !!account && hasCapability(account.provider, 'tasking');
  const { setActive } = accounts;
  const setAccountId = useCallback((id: string) => void setActive(id), [setActive]);
  const setContractId = useCallback((id: string) => {
    chooseContract(id);
    patch({ contractId: id });
  }, [patch]);
  const setProductTypeId = useCallback((id: string) => {
    chooseProduct(id);
    patch({ taskingProductTypeId: id });
  }, [patch]);

  const { observe, observeError } = offline;
  const hooks = useMemo(() => ({ track, onValue: observe, onError: observeError }), [track, observe, observeError]);
  const contracts = useChannel('archive.contracts', tasks ? { accountId } : null, hooks);
  const contractList: Contract[] = contracts.value?.value ?? [];
  const contractId = pickOffered(contractList, (c) => c.contractId, chosenContract);
  const contract = contractList.find((c) => c.contractId === contractId);

  const offers = useChannel('tasking.productTypes', tasks && contractId ? { accountId, contractId } : null, hooks);
  const offerList: TaskingProductType[] = useMemo(() => offers.value?.value ?? [], [offers.value]);
  const productTypeId = pickOffered(offerList, (t) => t.productTypeId, chosenProduct);
  const offer = offerList.find((t) => t.productTypeId === productTypeId);

  return { eligible, accountId, account, programs, setAccountId, contracts, contractList, contractId, contract, setContractId, offers, offerList, productTypeId, offer, setProductTypeId };
}
export type TaskingSource = ReturnType<typeof useTaskingSource>;
