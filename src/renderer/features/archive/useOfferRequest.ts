import { useEffect, useRef } from 'react';
import type { Basket } from './basketRules';
import type { ArchiveSearch } from './useArchiveSearch';
import type { ArchiveSource } from './useArchiveSource';

/**
 * "Order this offer" from elsewhere (the price comparison, via App): one scene of a stored search
 * under one account, contract and product type, over one AOI. `seq` tells a new ask from a re-render.
 */
export interface ArchiveOfferRequest {
  seq: number;
  aoiId: string;
  accountId: string;
  contractId: string;
  productTypeId: string;
  searchId: string;
  sceneId: string;
}

/** How many times the stored search is reopened before giving up (another reopen may land over ours). */
const REOPEN_TRIES = 2;

/**
 * Takes an offer request into the normal flow: its account, contract and product type are chosen, its
 * search reopened from the local store if another is shown, then the scene alone fills the basket and
 * the price step opens. Nothing is priced or ordered here: the price step does that as usual.
 */
export function useOfferRequest(args: {
  request: ArchiveOfferRequest | null | undefined;
  source: ArchiveSource;
  search: ArchiveSearch;
  setBasket(basket: Basket): void;
  onArrived(sceneId: string): void;
  notify(text: string): void;
}): void {
  const { request, source, search, setBasket, onArrived, notify } = args;
  const { setAccountId, setContractId, setProductTypeId } = source;
  const handled = useRef(0);
  const tries = useRef(0);
  // The ask being taken in: kept in a ref, as the effect below moves it along over several renders.
  const pending = useRef<ArchiveOfferRequest | null>(null);
  const { results, running, reopen } = search;

  useEffect(() => {
    if (request && request.seq !== handled.current) {
      handled.current = request.seq;
      tries.current = 0;
      pending.current = request;
      setAccountId(request.accountId);
      setContractId(request.contractId);
      setProductTypeId(request.productTypeId);
    }
    const ask = pending.current;
    if (!ask || running) return;
    const shown = results && (results.search.searchId === ask.searchId || results.searchOf[ask.sceneId] === ask.searchId);
    if (!shown) {
      if (tries.current >= REOPEN_TRIES) {
        pending.current = null;
        notify('The search of this offer could not be reopened from the local store; search again in the Archive section.');
        return;
      }
      tries.current += 1;
      void reopen(ask.searchId);
      return;
    }
    pending.current = null;
    const scene = results.scenes.find((s) => s.id === ask.sceneId);
    if (!scene) {
      notify('This scene is no longer in its stored search; search again in the Archive section.');
      return;
    }
    setBasket({ origin: { searchId: ask.searchId, aoiId: ask.aoiId, accountId: ask.accountId }, scenes: [scene] });
    onArrived(scene.id);
  }, [request, results, running, reopen, setAccountId, setContractId, setProductTypeId, setBasket, onArrived, notify]);
}
