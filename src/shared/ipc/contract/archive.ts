import { z } from 'zod';
import {
  ConnectionReportSchema,
  ContractSchema,
  OrderDraftSchema,
  OrderSchema,
  PriceQuoteSchema,
  ProductCatalogueSchema,
  ListedSearchPageSchema,
  ProductTypeSchema,
  ScenePropertiesSchema,
  SearchParamsSchema,
  SearchSummarySchema,
} from '../../domain/archive';
import { ByAccount, CachedSchema, channelsOf, Empty, Id } from './define';

// Archive procurement. Reads fall back to what is stored when the provider is unreachable and say so
// through `offline`; actions that need the provider fail with PROVIDER_UNREACHABLE instead.
export const archiveContract = channelsOf('archive')({
  'archive.connection': { request: ByAccount, response: ConnectionReportSchema },
  'archive.contracts': { request: ByAccount, response: CachedSchema(z.array(ContractSchema)) },
  'archive.productTypes': {
    request: z.object({ accountId: Id, contractId: Id }).strict(),
    response: CachedSchema(z.array(ProductTypeSchema)),
  },
  'archive.catalogue': {
    request: z.object({ accountId: Id, contractId: Id, productTypeId: Id, aoiId: Id }).strict(),
    response: CachedSchema(ProductCatalogueSchema),
  },
  // `appendTo` fetches a further page (params.page) of a stored search and answers the whole search.
  // Searches answer their scenes without the provider's properties (thousands of scenes, two thirds of
  // the bytes); the detail panel asks for the selected scene's with archive.sceneProperties.
  'archive.search': { request: SearchParamsSchema.extend({ appendTo: Id.optional() }).strict(), response: ListedSearchPageSchema },
  'archive.history': { request: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(), response: z.array(SearchSummarySchema) },
  'archive.searchPage': { request: z.object({ searchId: Id }).strict(), response: ListedSearchPageSchema },
  /** Every provider property of one scene of a stored search (read from SQLite, so it works offline). */
  'archive.sceneProperties': { request: z.object({ searchId: Id, sceneId: Id }).strict(), response: ScenePropertiesSchema },
  /** The quicklook as a data: URL (fetched by main with the account's credentials, cached in SQLite). */
  'archive.quicklook': {
    request: z.object({ searchId: Id, sceneId: Id }).strict(),
    response: z.object({ dataUrl: z.string(), cached: z.boolean() }),
  },
  'archive.price': { request: OrderDraftSchema.strict(), response: PriceQuoteSchema },
  // `confirmed: true` is the explicit confirmation of the dialog showing price, contract and credit.
  'archive.order': {
    request: z.object({ draft: OrderDraftSchema.strict(), priceQuoteId: Id, confirmed: z.literal(true) }).strict(),
    response: OrderSchema,
  },
  /** Requests currently waiting on a provider (429 Retry-After, 503 backoff), for visible progress. */
  'archive.activity': {
    request: Empty,
    response: z.array(z.object({ accountId: z.string(), reason: z.enum(['rate-limited', 'unavailable']), until: z.string(), attempt: z.number() })),
  },
});
