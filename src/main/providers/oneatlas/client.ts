import type { HttpClient, TokenCache } from '../../http';
import type { ArchiveProvider, ProviderAccount } from '../types';
import { catalogue } from './catalogue';
import { oneAtlasContext } from './context';
import { contracts, productTypes } from './contracts';
import { order, price } from './ordering';
import { ordersByReference } from './orders';
import { acceptQuotation, exportQuotationPdf, refuseQuotation, requestQuotation } from './quotations';
import { quicklook, search } from './search';
import { oneAtlasTasking } from './tasking';
import { oneAtlasWorkspace } from './workspace';

/** Airbus OneAtlas Data (current API) as an ArchiveProvider; each capability lives in its own module. */
export function createOneAtlasProvider(account: ProviderAccount, http: HttpClient, cache: TokenCache): ArchiveProvider {
  const ctx = oneAtlasContext(account, http, cache);
  return {
    kind: 'oneatlas',
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
    ordersByReference: (ref, opts) => ordersByReference(ctx, ref, opts),
    quotations: {
      request: (req, opts) => requestQuotation(ctx, req, opts),
      accept: (contractId, quotationId, opts) => acceptQuotation(ctx, contractId, quotationId, opts),
      refuse: (contractId, quotationId, reasonId, opts) => refuseQuotation(ctx, contractId, quotationId, reasonId, opts),
      exportPdf: (quotationId, opts) => exportQuotationPdf(ctx, quotationId, opts),
    },
    tasking: oneAtlasTasking(ctx),
    workspace: oneAtlasWorkspace(ctx, cache),
  };
}
