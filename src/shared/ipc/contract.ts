import { z } from 'zod';
import { AccountInputSchema, AccountSchema, SecretPatchSchema } from '../domain/account';
import { AoiNameSchema, AoiSavedSchema, AoiSchema, AoiSummarySchema } from '../domain/aoi';
import { ProjectionInfoSchema } from '../domain/projection';
import {
  ConnectionReportSchema,
  ContractSchema,
  OrderDraftSchema,
  OrderSchema,
  PriceQuoteSchema,
  ProductCatalogueSchema,
  ProductTypeSchema,
  QuotationSchema,
  SearchPageSchema,
  SearchParamsSchema,
  SearchSummarySchema,
} from '../domain/archive';
import type { Channel } from './channels';

const Empty = z.object({}).strict();
const ById = z.object({ id: z.string().min(1) }).strict();
const Id = z.string().min(1).max(500);
const ByAccount = z.object({ accountId: Id }).strict();
/** A read that may come from the local store: `offline` says the provider could not be reached. */
const Cached = <T extends z.ZodType>(value: T) =>
  z.object({ value, offline: z.boolean(), fetchedAt: z.string().nullable(), offlineReason: z.string().nullable() });

export const KeychainStatusSchema = z.object({ available: z.boolean(), message: z.string() });

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  dataDir: z.string(),
  keychain: KeychainStatusSchema,
  /** Where the embedded provider sandbox listens, or null when it is not running. */
  sandboxOrigin: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Settings are a closed list: an unknown key is a validation error, not a silent new row. */
export const SETTINGS_DEFAULTS = {
  activeAccountId: '' as string,
  /** The AOI that feeds search, options, price and tasking. */
  activeAoiId: '' as string,
  createSandboxAccounts: true as boolean,
  /** Set once the sandbox accounts were made, so removing them is not undone at the next launch. */
  sandboxAccountsCreated: false as boolean,
};
export const SettingsSchema = z.object({
  activeAccountId: z.string(),
  activeAoiId: z.string(),
  createSandboxAccounts: z.boolean(),
  sandboxAccountsCreated: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;


/** One request and one response schema per channel; main, preload and renderer types derive from it. */
export const CONTRACT = {
  'app.info': { request: Empty, response: AppInfoSchema },
  'settings.get': { request: Empty, response: SettingsSchema },
  'settings.set': { request: SettingsSchema.partial().strict(), response: SettingsSchema },
  'accounts.list': { request: Empty, response: z.array(AccountSchema) },
  'accounts.create': {
    request: z.object({ account: AccountInputSchema, secrets: SecretPatchSchema }).strict(),
    response: AccountSchema,
  },
  'accounts.update': {
    request: z
      .object({ id: z.string().min(1), account: AccountInputSchema.omit({ provider: true }), secrets: SecretPatchSchema })
      .strict(),
    response: AccountSchema,
  },
  'accounts.remove': { request: z.object({ id: z.string().min(1) }).strict(), response: z.object({ id: z.string() }) },
  'accounts.restoreSandbox': { request: Empty, response: z.array(AccountSchema) },
  'aois.list': { request: Empty, response: z.array(AoiSummarySchema) },
  'aois.all': { request: Empty, response: z.array(AoiSchema) },
  'aois.get': { request: ById, response: AoiSchema },
  // Geometry is validated (and repaired) by shared/geo in main, which names where a problem is.
  'aois.create': { request: z.object({ name: AoiNameSchema, geometry: z.unknown() }).strict(), response: AoiSavedSchema },
  'aois.update': {
    request: z.object({ id: z.string().min(1), name: AoiNameSchema.optional(), geometry: z.unknown().optional() }).strict(),
    response: AoiSavedSchema,
  },
  'aois.duplicate': { request: ById, response: AoiSchema },
  'aois.remove': { request: ById, response: AoiSchema },
  'aois.restore': { request: z.object({ aoi: AoiSchema }).strict(), response: AoiSchema },
  'aois.import': {
    request: z.object({ aois: z.array(z.object({ name: AoiNameSchema, geometry: z.unknown() }).strict()).min(1).max(10_000) }).strict(),
    response: z.object({ aois: z.array(AoiSchema), repairs: AoiSavedSchema.shape.repairs }),
  },
  // Large imports travel in chunks and are stored at once on commit (all or nothing).
  'aois.importStage': {
    request: z
      .object({
        importId: Id.optional(),
        offset: z.number().int().min(0),
        aois: z.array(z.object({ name: AoiNameSchema, geometry: z.unknown() }).strict()).min(1).max(2_000),
      })
      .strict(),
    response: z.object({ importId: z.string(), staged: z.number().int() }),
  },
  'aois.importCommit': {
    request: z.object({ importId: Id }).strict(),
    response: z.object({ ids: z.array(z.string()), repairs: AoiSavedSchema.shape.repairs }),
  },
  'aois.importDiscard': { request: z.object({ importId: Id }).strict(), response: z.object({ discarded: z.boolean() }) },
  'aois.removeMany': {
    request: z.object({ ids: z.array(Id).min(1).max(200_000) }).strict(),
    response: z.object({ trashId: z.string(), count: z.number().int() }),
  },
  'aois.restoreMany': { request: z.object({ trashId: Id }).strict(), response: z.object({ count: z.number().int() }) },
  'projections.lookup': {
    request: z.object({ codes: z.array(z.number().int().positive().max(999_999)).max(500) }).strict(),
    response: z.array(ProjectionInfoSchema),
  },
  // Archive procurement. Reads fall back to what is stored when the provider is unreachable and say so
  // through `offline`; actions that need the provider fail with PROVIDER_UNREACHABLE instead.
  'archive.connection': { request: ByAccount, response: ConnectionReportSchema },
  'archive.contracts': { request: ByAccount, response: Cached(z.array(ContractSchema)) },
  'archive.productTypes': {
    request: z.object({ accountId: Id, contractId: Id }).strict(),
    response: Cached(z.array(ProductTypeSchema)),
  },
  'archive.catalogue': {
    request: z.object({ accountId: Id, contractId: Id, productTypeId: Id, aoiId: Id }).strict(),
    response: Cached(ProductCatalogueSchema),
  },
  // `appendTo` fetches a further page (params.page) of a stored search and answers the whole search.
  'archive.search': { request: SearchParamsSchema.extend({ appendTo: Id.optional() }).strict(), response: SearchPageSchema },
  'archive.history': { request: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(), response: z.array(SearchSummarySchema) },
  'archive.searchPage': { request: z.object({ searchId: Id }).strict(), response: SearchPageSchema },
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
  'quotations.list': { request: Empty, response: z.array(QuotationSchema) },
  'quotations.request': { request: OrderDraftSchema.strict(), response: QuotationSchema },
  'quotations.accept': {
    request: z.object({ quotationId: Id, confirmed: z.literal(true) }).strict(),
    response: z.object({ quotation: QuotationSchema, order: OrderSchema }),
  },
  'quotations.refuse': {
    request: z.object({ quotationId: Id, rejectionReasonId: z.number().int().min(1).max(7) }).strict(),
    response: QuotationSchema,
  },
  /** The stored PDF (fetched and kept on first request), base64-encoded. */
  'quotations.pdf': { request: z.object({ quotationId: Id }).strict(), response: z.object({ fileName: z.string(), base64: z.string() }) },
  'orders.list': { request: Empty, response: z.array(OrderSchema) },
  'orders.refresh': { request: z.object({ accountId: Id.optional() }).strict(), response: z.array(OrderSchema) },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

// Compile-time check that CHANNELS and CONTRACT list the same names, in both directions.
type MissingFromContract = Exclude<Channel, keyof typeof CONTRACT>;
type MissingFromChannels = Exclude<keyof typeof CONTRACT, Channel>;
const _sameChannels: [MissingFromContract, MissingFromChannels] extends [never, never] ? true : never = true;
void _sameChannels;

export type Request<C extends Channel> = z.input<(typeof CONTRACT)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof CONTRACT)[C]['response']>;
