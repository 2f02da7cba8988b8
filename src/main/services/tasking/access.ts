import { z } from 'zod';
import type { Aoi } from '../../../shared/domain/aoi';
import { TaskingProductTypeSchema, type TaskingProductType } from '../../../shared/domain/tasking';
import { DeskFailure } from '../../errors';
import type { CallOptions } from '../../providers/types';
import type { TaskingProvider } from '../../providers/tasking';
import { cachedRead, type CacheStore, type Cached } from '../shared/cached-read';
import { withProvider, type ProviderAccess, type Reached } from '../shared/provider-access';

/** What the tasking room's modules share: provider access, the AOIs, the clock and the offers read. */
export interface TaskingDeps {
  access: ProviderAccess;
  /** provider_cache: the contract's tasking offers, for offline forms and local checks. */
  cache: CacheStore;
  aoi(id: string): Aoi;
  now(): Date;
}

/** Runs `work` with the account's tasking client; an account whose provider offers none is refused. */
export function withTasking<T>(deps: TaskingDeps, accountId: string, work: (t: TaskingProvider, call: CallOptions, r: Reached) => Promise<T>): Promise<T> {
  return withProvider(deps.access, accountId, (r) => {
    if (!r.provider.tasking) throw new DeskFailure('UNSUPPORTED', `“${r.account.label}” offers no tasking; pick a OneAtlas account.`);
    return work(r.provider.tasking, r.call, r);
  });
}

const productsKey = (contractId: string) => `taskingProductTypes:${contractId}`;
const Offers = z.array(TaskingProductTypeSchema);

export function createOffers(deps: TaskingDeps) {
  const read = (accountId: string, contractId: string): Promise<Cached<TaskingProductType[]>> =>
    cachedRead(deps.cache, accountId, productsKey(contractId), () => withTasking(deps, accountId, async (t, call) => (await t.productTypes(contractId, call)).value), Offers, deps.now);

  return {
    read,
    /**
     * The offer a request names, from the stored copy when there is one (so a request refused by a local
     * rule sends nothing at all), else read from the provider.
     */
    async find(accountId: string, contractId: string, productTypeId: string): Promise<{ product: TaskingProductType; offers: TaskingProductType[] }> {
      const stored = Offers.safeParse(deps.cache.get(accountId, productsKey(contractId))?.value);
      let offers = stored.success ? stored.data : undefined;
      if (!offers?.some((o) => o.productTypeId === productTypeId)) offers = (await read(accountId, contractId)).value;
      const product = offers.find((o) => o.productTypeId === productTypeId);
      if (!product) throw new DeskFailure('INVALID_REQUEST', `Contract ${contractId} offers no tasking product “${productTypeId}”.`, { field: 'productTypeId' });
      return { product, offers };
    },
  };
}
export type Offers = ReturnType<typeof createOffers>;
