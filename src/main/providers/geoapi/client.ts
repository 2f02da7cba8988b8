import type { HttpClient, TokenCache } from '../../http';
import type { ArchiveProvider, ProviderAccount } from '../types';
import { catalogue } from './catalogue';
import { geoApiContext } from './context';
import { contracts, productTypes } from './contracts';
import { order, ordersByReference, price } from './ordering';
import { quicklook, search } from './search';

/** Airbus GeoAPI (legacy) as an ArchiveProvider. It has no quotations: Pléiades Neo is OneAtlas-only. */
export function createGeoApiProvider(account: ProviderAccount, http: HttpClient, cache: TokenCache): ArchiveProvider {
  const ctx = geoApiContext(account, http, cache);
  return {
    kind: 'geoapi',
    async testConnection(opts) {
      await ctx.session.token(opts);
    },
    contracts: (opts) => contracts(ctx, opts),
    productTypes: (contractId, opts) => productTypes(ctx, contractId, opts),
    catalogue: (contractId, productTypeId, aoi, opts) => catalogue(ctx, contractId, productTypeId, aoi, opts),
    search: (query, opts) => search(ctx, query, opts),
    quicklook: (scene, opts) => quicklook(ctx, scene, opts),
    price: (req, opts) => price(ctx, req, opts),
    order: (req, opts) => order(ctx, req, opts),
    ordersByReference: (ref) => ordersByReference(ctx, ref),
  };
}
