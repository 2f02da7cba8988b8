import { z } from 'zod';
import { ErrorCodeSchema } from '../errors';
import { ARCHIVE_PROVIDER_KINDS } from './providers';

/**
 * Archive procurement as the product sees it, whatever the provider: providers map their JSON to
 * these shapes at the edge (src/main/providers) and keep the raw payload beside them for audit.
 */

export const ContractSchema = z.object({
  contractId: z.string(),
  name: z.string(),
  /** Null when the provider does not say (GeoAPI legacy contracts carry no credit). */
  creditRemaining: z.number().nullable(),
  currency: z.string(),
  /** OneAtlas: `legacy` orders SPOT/Pléiades, `neo` orders Pléiades Neo. Null for GeoAPI. */
  backendSource: z.enum(['legacy', 'neo']).nullable(),
  /** Delivery workspace id (OneAtlas), null where the provider has none. */
  workspace: z.string().nullable(),
});
export type Contract = z.infer<typeof ContractSchema>;

export const ProductTypeSchema = z.object({
  productTypeId: z.string(),
  label: z.string(),
  source: z.enum(['archive', 'tasking']),
  /** SPOT, PLEIADES, PLEIADESNEO… as the provider names the mission. */
  mission: z.string(),
  /** Native resolution in metres, when known. */
  resolutionM: z.number().nullable(),
  /** Orders are priced on at least this area (km²). */
  minimumOrderAreaApplied: z.number().nullable(),
  /** Pléiades Neo archive is quoted (quotation → accept) instead of priced. */
  quotationRequired: z.boolean(),
});
export type ProductType = z.infer<typeof ProductTypeSchema>;

export const OptionValueSchema = z.object({ value: z.string(), label: z.string() });
export const ProductOptionSchema = z.object({
  name: z.string(),
  label: z.string(),
  /** `list` offers `values`; `double`/`integer` accept a number within min..max; `string` free text. */
  type: z.enum(['list', 'double', 'integer', 'string', 'boolean']),
  values: z.array(OptionValueSchema),
  defaultValue: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mandatory: z.enum(['true', 'false', 'constraint']),
  /** `filter` is "key:value"; the option applies when it matches (reject false) or does not (reject true). */
  constraint: z.object({ filter: z.string(), reject: z.boolean() }).nullable(),
});
export type ProductOption = z.infer<typeof ProductOptionSchema>;

export const ProductCatalogueSchema = z.object({
  options: z.array(ProductOptionSchema),
  deliveryTypes: z.array(OptionValueSchema),
  primaryMarkets: z.array(OptionValueSchema),
  /** Secondary markets per primary market value. */
  secondaryMarkets: z.record(z.string(), z.array(OptionValueSchema)),
  /** Countries for the end user (OneAtlas `/properties`); empty where the provider has none. */
  countries: z.array(OptionValueSchema),
});
export type ProductCatalogue = z.infer<typeof ProductCatalogueSchema>;

const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) });

export const SceneSchema = z.object({
  /** The id to order with: OneAtlas catalogue item id, GeoAPI legacy search id. */
  id: z.string(),
  /** Datastrip / archive identifier (what GeoAPI orders name in `datastripIds`). */
  sourceId: z.string(),
  constellation: z.string(),
  satellite: z.string(),
  acquisitionDate: z.string(),
  cloudCover: z.number().nullable(),
  incidenceAngle: z.number().nullable(),
  resolutionM: z.number().nullable(),
  /** EPSG:4326. */
  footprint: PolygonSchema,
  /** Share (0..1) of the search AOI this footprint covers; computed by main, not the provider. */
  aoiCoverage: z.number().nullable(),
  hasQuicklook: z.boolean(),
  /** Every property the provider returned, for the detail panel. */
  properties: z.record(z.string(), z.unknown()),
});
export type Scene = z.infer<typeof SceneSchema>;

export const SearchSortSchema = z.enum(['date-desc', 'date-asc', 'cloud-asc']);
export const SearchParamsSchema = z.object({
  accountId: z.string().min(1),
  contractId: z.string().nullable(),
  aoiId: z.string().min(1),
  /** ISO dates (inclusive day bounds). */
  from: z.string().min(1),
  to: z.string().min(1),
  maxCloudCover: z.number().min(0).max(100),
  maxIncidenceAngle: z.number().min(0).max(90),
  /** Empty = every constellation the provider offers. */
  constellations: z.array(z.string()),
  sort: SearchSortSchema,
  pageSize: z.number().int().min(1).max(500),
  page: z.number().int().min(1),
});
export type SearchParams = z.infer<typeof SearchParamsSchema>;

export const SearchSummarySchema = z.object({
  searchId: z.string(),
  accountId: z.string(),
  accountLabel: z.string(),
  aoiName: z.string(),
  params: SearchParamsSchema,
  totalResults: z.number().int().nullable(),
  resultCount: z.number().int(),
  createdAt: z.string(),
});
export type SearchSummary = z.infer<typeof SearchSummarySchema>;

export const SearchPageSchema = z.object({
  search: SearchSummarySchema,
  /** The AOI the search ran with, as it was then. */
  aoiGeometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.array(z.unknown())) }),
  scenes: z.array(SceneSchema),
});
export type SearchPage = z.infer<typeof SearchPageSchema>;

/**
 * A scene as the results list and the map need it: everything but the provider's `properties`, which
 * are two thirds of a scene's bytes and shown only for the selected scene (archive.sceneProperties).
 */
export const ListedSceneSchema = SceneSchema.omit({ properties: true });
export type ListedScene = z.infer<typeof ListedSceneSchema>;

/** A stored search as the renderer receives it: the search, its AOI and its scenes without properties. */
export const ListedSearchPageSchema = SearchPageSchema.extend({ scenes: z.array(ListedSceneSchema) });
export type ListedSearchPage = z.infer<typeof ListedSearchPageSchema>;

/** Every property the provider returned for one scene, for the detail panel. */
export const ScenePropertiesSchema = z.object({ properties: SceneSchema.shape.properties });
export type SceneProperties = z.infer<typeof ScenePropertiesSchema>;

export const OptionChoiceSchema = z.object({ key: z.string(), value: z.string() });
export type OptionChoice = z.infer<typeof OptionChoiceSchema>;

/** Everything needed to price, quote or order the basket; the same request for all three. */
export const OrderDraftSchema = z.object({
  accountId: z.string().min(1),
  contractId: z.string().min(1),
  productTypeId: z.string().min(1),
  aoiId: z.string().min(1),
  sceneIds: z.array(z.string().min(1)).min(1).max(50),
  /** The search the scenes came from, to find their datastrip ids. */
  searchId: z.string().min(1),
  options: z.array(OptionChoiceSchema),
  deliveryType: z.string().min(1),
  primaryMarket: z.string().min(1),
  secondaryMarket: z.string().nullable(),
  country: z.string().nullable(),
  customerReference: z.string().trim().min(1).max(100),
  /** Who the provider e-mails about the order (OneAtlas requires at least one; GeoAPI takes none). */
  notificationEmails: z.array(z.string().trim().max(320)).max(20).default([]),
});
export type OrderDraft = z.infer<typeof OrderDraftSchema>;

export const PriceLineSchema = z.object({ productTypeId: z.string(), areaKm2: z.number(), amount: z.number() });
export const PriceQuoteSchema = z.object({
  id: z.string(),
  currency: z.string(),
  lines: z.array(PriceLineSchema),
  discountPercentage: z.number(),
  discountValue: z.number(),
  totalAmount: z.number(),
  /** The contract's credit when priced, for the comparison shown beside the total. */
  creditRemaining: z.number().nullable(),
  createdAt: z.string(),
});
export type PriceQuote = z.infer<typeof PriceQuoteSchema>;

/** The seven documented refusal reasons of a OneAtlas quotation (`rejectionReasonId`). */
export const QUOTATION_REJECTION_REASONS = [
  { id: 1, label: 'The quote has expired' },
  { id: 2, label: 'I chose another imagery provider' },
  { id: 3, label: 'It does not fit my budget' },
  { id: 4, label: 'The proposal does not answer my needs' },
  { id: 5, label: 'The licence does not answer my operational needs' },
  { id: 6, label: 'I need to modify my request' },
  { id: 7, label: 'Other' },
] as const;

export const QuotationSchema = z.object({
  quotationId: z.string(),
  accountId: z.string(),
  contractId: z.string(),
  customerReference: z.string(),
  status: z.enum(['sent', 'accepted', 'refused']),
  currency: z.string(),
  discountPercentage: z.number(),
  discountValue: z.number(),
  totalAmount: z.number(),
  rejectionReasonId: z.number().int().min(1).max(7).nullable(),
  /** True once the PDF is stored locally (viewable offline). */
  pdfStored: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Quotation = z.infer<typeof QuotationSchema>;

/** Local order status of a row written before the provider call; still there after a crash = reconcile it. */
export const ORDER_SUBMITTING = 'submitting';
/** Local order status: the provider definitely refused (nothing was created there). */
export const ORDER_FAILED = 'failed';

export const OrderEventSchema = z.object({ status: z.string(), at: z.string(), note: z.string().nullable() });
export const OrderSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  provider: z.enum(ARCHIVE_PROVIDER_KINDS),
  /** 'tasking': a One Tasking order (its taskings are followed in the tasking room). */
  kind: z.enum(['archive', 'tasking']),
  contractId: z.string(),
  customerReference: z.string(),
  salesOrderId: z.string().nullable(),
  quotationId: z.string().nullable(),
  status: z.string(),
  currency: z.string().nullable(),
  totalAmount: z.number().nullable(),
  sceneIds: z.array(z.string()),
  productTypeId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(OrderEventSchema),
});
export type Order = z.infer<typeof OrderSchema>;

export const ConnectionReportSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** Why it failed, in the shared vocabulary: a missing secret reads differently from a provider's refusal. */
  code: ErrorCodeSchema.nullable(),
  contracts: z.array(ContractSchema),
});
export type ConnectionReport = z.infer<typeof ConnectionReportSchema>;
