import type { MultiPolygon, Polygon } from 'geojson';
import type { Contract, OptionChoice, ProductCatalogue, ProductType, Scene, SearchSortSchema } from '../../shared/domain/archive';
import type { z } from 'zod';
import type { ArchiveProviderKind } from '../../shared/domain/providers';
import type { TaskingProvider } from './tasking';
import type { WorkspaceProvider } from './workspace';

type AoiGeometry = Polygon | MultiPolygon;

/**
 * The one interface every archive provider implements (docs/ARCHITECTURE.md §6). Services compose providers with
 * the store; providers never touch the store, never see another account, and map provider JSON to
 * shared/domain types at the edge, keeping the raw payload beside it for audit.
 */

/** What a provider client is built from: the account's endpoints and identity, and its secrets. */
export interface ProviderAccount {
  id: string;
  endpoints: Record<string, string>;
  identity: Record<string, string>;
  secrets: Record<string, string>;
}

import type { WaitNotice } from '../http';
export type { WaitNotice } from '../http';

export interface CallOptions {
  onWait?: (notice: WaitNotice) => void;
  signal?: AbortSignal;
}

export interface WithRaw<T> {
  value: T;
  raw: unknown;
}

export interface ArchiveQuery {
  contractId: string | null;
  /** EPSG:4326 */
  aoi: AoiGeometry;
  from: string;
  to: string;
  maxCloudCover: number;
  maxIncidenceAngle: number;
  constellations: string[];
  sort: z.infer<typeof SearchSortSchema>;
  pageSize: number;
  page: number;
}

/** A scene before main adds what only it knows (the AOI coverage). */
export type ProviderScene = Omit<Scene, 'aoiCoverage'>;

export interface ArchiveOrderRequest {
  contractId: string;
  productTypeId: string;
  /** EPSG:4326 */
  aoi: AoiGeometry;
  scenes: { id: string; sourceId: string }[];
  options: OptionChoice[];
  deliveryType: string;
  /** OneAtlas network delivery goes to this workspace. */
  workspace: string | null;
  primaryMarket: string;
  secondaryMarket: string | null;
  country: string | null;
  customerReference: string;
  /** OneAtlas: who is e-mailed about the order (the OpenAPI requires the list). */
  notificationEmails: string[];
}

export interface ProviderPrice {
  currency: string;
  lines: { productTypeId: string; areaKm2: number; amount: number }[];
  discountPercentage: number;
  discountValue: number;
  totalAmount: number;
}

export interface ProviderQuotation {
  quotationId: string;
  currency: string;
  discountPercentage: number;
  discountValue: number;
  totalAmount: number;
}

export interface ProviderOrder {
  salesOrderId: string | null;
  quotationId: string | null;
  status: string;
  currency: string | null;
  totalAmount: number | null;
}

/** One order as the provider's order search reports it now. */
export interface ProviderOrderState extends ProviderOrder {
  customerReference: string;
  /** When the provider last changed it, if it says. */
  updatedAt: string | null;
}

export interface ArchiveProvider {
  readonly kind: ArchiveProviderKind;
  /** Fetches a token; throws ProviderError with the provider's message when refused. */
  testConnection(opts?: CallOptions): Promise<void>;
  contracts(opts?: CallOptions): Promise<WithRaw<Contract[]>>;
  productTypes(contractId: string, opts?: CallOptions): Promise<WithRaw<ProductType[]>>;
  catalogue(contractId: string, productTypeId: string, aoi: AoiGeometry, opts?: CallOptions): Promise<WithRaw<ProductCatalogue>>;
  search(query: ArchiveQuery, opts?: CallOptions): Promise<WithRaw<{ totalResults: number | null; scenes: ProviderScene[] }>>;
  quicklook(scene: ProviderScene, opts?: CallOptions): Promise<{ bytes: Uint8Array; contentType: string }>;
  price(req: ArchiveOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderPrice>>;
  /** Submits once. Ambiguous failures throw ProviderError with `ambiguous: true`; never retried inside. */
  order(req: ArchiveOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderOrder>>;
  /** Orders carrying this customer reference (reconciliation after an ambiguous failure). */
  ordersByReference(customerReference: string, opts?: CallOptions): Promise<ProviderOrderState[]>;
  /** Pléiades Neo quotation flow; absent where the provider has none (GeoAPI legacy). */
  quotations?: {
    request(req: ArchiveOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderQuotation>>;
    accept(contractId: string, quotationId: string, opts?: CallOptions): Promise<WithRaw<ProviderOrder>>;
    refuse(contractId: string, quotationId: string, reasonId: number, opts?: CallOptions): Promise<void>;
    exportPdf(quotationId: string, opts?: CallOptions): Promise<Uint8Array>;
  };
  /** One Tasking (feasibility, attempts, tasking orders, taskings, segments); absent where not offered. */
  tasking?: TaskingProvider;
  /** Products delivered into the user's workspace and their downloads; absent where not offered. */
  workspace?: WorkspaceProvider;
}
