import type { Aoi } from '../../../shared/domain/aoi';
import { z } from 'zod';
import { ContractSchema, ProductCatalogueSchema, ProductTypeSchema, type ConnectionReport, type Contract, type ProductCatalogue, type ProductType } from '../../../shared/domain/archive';
import type { MultiPolygon, Polygon } from 'geojson';
import { DeskFailure } from '../../errors';
import { cachedRead, type CacheStore, type Cached } from '../shared/cached-read';
import { withProvider, type ProviderAccess } from '../shared/provider-access';

/**
 * The account's commercial set-up: contracts, archive product types and a product's production
 * options. Each read keeps its last good answer so the forms can be filled offline.
 */
export function createCatalogueService(deps: { access: ProviderAccess; cache: CacheStore; aoi(id: string): Aoi }) {
  const contracts = (accountId: string): Promise<Cached<Contract[]>> =>
    cachedRead(deps.cache, accountId, 'contracts', () => withProvider(deps.access, accountId, async ({ provider, call }) => (await provider.contracts(call)).value), z.array(ContractSchema));

  return {
    contracts,
    async connection(accountId: string): Promise<ConnectionReport> {
      try {
        const list = await withProvider(deps.access, accountId, async ({ provider, call }) => {
          await provider.testConnection(call);
          return (await provider.contracts(call)).value;
        });
        return { ok: true, message: `Connected: ${list.length} contract${list.length === 1 ? '' : 's'}.`, code: null, contracts: list };
      } catch (err) {
        if (!(err instanceof DeskFailure) || err.code === 'NOT_FOUND') throw err;
        return { ok: false, message: `${err.code}: ${err.message}`, code: err.code, contracts: [] };
      }
    },
    productTypes: async (accountId: string, contractId: string): Promise<Cached<ProductType[]>> => {
      const all = await cachedRead(deps.cache, accountId, `productTypes:${contractId}`, () =>
        withProvider(deps.access, accountId, async ({ provider, call }) => (await provider.productTypes(contractId, call)).value),
        z.array(ProductTypeSchema),
      );
      return { ...all, value: all.value.filter((p) => p.source === 'archive') };
    },
    catalogue: (accountId: string, contractId: string, productTypeId: string, aoiId: string): Promise<Cached<ProductCatalogue>> => {
      const aoi = deps.aoi(aoiId);
      // Options (the projections offered) depend on where the AOI is: keyed by its version too.
      return cachedRead(deps.cache, accountId, `catalogue:${contractId}:${productTypeId}:${aoi.id}:${aoi.updatedAt}`, () =>
        withProvider(deps.access, accountId, async ({ provider, call }) =>
          (await provider.catalogue(contractId, productTypeId, aoi.geometry as Polygon | MultiPolygon, call)).value,
        ),
        ProductCatalogueSchema,
      );
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
