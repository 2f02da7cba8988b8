import type { MultiPolygon, Polygon } from 'geojson';
import type { CallOptions } from './types';

/**
 * The workspace capability of a provider client (docs/ARCHITECTURE.md §6): the products the provider
 * delivered into the user's own workspace, their quicklooks, and what it takes to download their files.
 * Provider-neutral; a provider without a workspace simply does not offer it.
 */

export interface ProviderDeliveredFile {
  /** Stable within the product: the link's resourceId, else its position. */
  fileId: string;
  href: string;
  /** The name the link suggests (its path or title), without any folder; null when it suggests none. */
  name: string | null;
  /** The media type the link announces (e.g. image/tiff). */
  type: string | null;
  size: number | null;
}

export interface ProviderDelivery {
  id: string;
  title: string;
  constellation: string | null;
  platform: string | null;
  processingLevel: string | null;
  productType: string | null;
  acquisitionDate: string | null;
  publicationDate: string | null;
  cloudCover: number | null;
  incidenceAngle: number | null;
  resolution: number | null;
  customerReference: string | null;
  footprint: Polygon | MultiPolygon;
  files: ProviderDeliveredFile[];
  hasQuicklook: boolean;
  /** Every property the provider sent, plus the feature's `_links` (the quicklook is found there again). */
  properties: Record<string, unknown>;
}

export interface WorkspaceListing {
  products: ProviderDelivery[];
  /** False when the listing stopped at the page cap: products beyond it were not read. */
  complete: boolean;
  /** The provider's pages as received, for audit. */
  raw: unknown[];
}

export interface DownloadAccess {
  url: string;
  /** The headers that authorise the GET (never logged, never stored). */
  headers: Record<string, string>;
}

export interface WorkspaceProvider {
  /** Every product in the user's workspace, page by page up to a cap. */
  delivered(opts?: CallOptions): Promise<WorkspaceListing>;
  /** The quicklook of a product, from the `_links` kept in its properties. */
  quicklook(properties: Record<string, unknown>, opts?: CallOptions): Promise<{ bytes: Uint8Array; contentType: string }>;
  /**
   * How to GET a download link: only links to the account's own hosts get its credentials. `renew`
   * forgets the cached token first (after a 401).
   */
  downloadAccess(href: string, opts?: CallOptions & { renew?: boolean }): Promise<DownloadAccess>;
}
