import { z } from 'zod';

/**
 * "My data": products the provider delivered into the account's workspace (OneAtlas archive guide step 6,
 * One Tasking guide step 9), and the downloads of their files to a folder the user chose.
 */

/** Where a delivered product came from, matched by customer reference against stored orders and taskings. */
export const DeliverySourceSchema = z.object({
  kind: z.enum(['order', 'tasking']),
  /** The stored order's id or the tasking's id (OneAtlas `icr.id`). */
  id: z.string(),
  /** The order's or tasking's contract (a tasking is listed under its contract in the Tasking section). */
  contractId: z.string(),
  /** What the list shows, e.g. "Order SO-123 · Pléiades ortho" or "Tasking ICR_FC_1 · OneDay". */
  label: z.string(),
});
export type DeliverySource = z.infer<typeof DeliverySourceSchema>;

/** One downloadable file of a product, from the feature's download links. */
export const DeliveredFileSchema = z.object({
  /** Stable within the product (the link's resourceId or its index). */
  fileId: z.string(),
  /** The file name the download gets on disk (from the link or the product title). */
  name: z.string(),
  /** Size in bytes where the provider says it (link or first response), else null. */
  size: z.number().int().nonnegative().nullable(),
});
export type DeliveredFile = z.infer<typeof DeliveredFileSchema>;

export const DeliveredProductSchema = z.object({
  /** The provider's catalogue item id in the user's workspace. */
  id: z.string(),
  accountId: z.string(),
  title: z.string(),
  constellation: z.string().nullable(),
  platform: z.string().nullable(),
  processingLevel: z.string().nullable(),
  productType: z.string().nullable(),
  acquisitionDate: z.string().nullable(),
  /** When it landed in the workspace. */
  publicationDate: z.string().nullable(),
  cloudCover: z.number().nullable(),
  incidenceAngle: z.number().nullable(),
  resolution: z.number().nullable(),
  customerReference: z.string().nullable(),
  source: DeliverySourceSchema.nullable(),
  /** GeoJSON Polygon or MultiPolygon in EPSG:4326. */
  footprint: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
  files: z.array(DeliveredFileSchema),
  /** Every provider property, for the properties table. */
  properties: z.record(z.string(), z.unknown()),
});
export type DeliveredProduct = z.infer<typeof DeliveredProductSchema>;

export const DOWNLOAD_STATUSES = ['queued', 'running', 'paused', 'verifying', 'done', 'failed', 'cancelled'] as const;
export const DownloadStatusSchema = z.enum(DOWNLOAD_STATUSES);
export type DownloadStatus = z.infer<typeof DownloadStatusSchema>;

export const DownloadSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  productId: z.string(),
  fileId: z.string(),
  /** Final file name in `folder` (a unique name is chosen when one exists already). */
  fileName: z.string(),
  folder: z.string(),
  /** Absolute path of the final file; until `done` the bytes live in `<path>.part`. */
  path: z.string(),
  status: DownloadStatusSchema,
  bytesDone: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative().nullable(),
  /** Bytes per second over the last few seconds while running, else null. */
  rate: z.number().nonnegative().nullable(),
  /** Seconds left at `rate`, else null. */
  etaSeconds: z.number().nonnegative().nullable(),
  /** The checksum the provider gave (e.g. `sha-256`), and whether the finished file matched it. */
  checksum: z.object({ algorithm: z.string(), expected: z.string(), verified: z.boolean() }).nullable(),
  /** Why it failed or paused by itself (network cut, size or checksum mismatch, folder not writable). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Download = z.infer<typeof DownloadSchema>;

/** What this host can do with files: browser mode has no native folder picker or file manager. */
export const DownloadPlaceSchema = z.object({
  folder: z.string(),
  canPickFolder: z.boolean(),
  canReveal: z.boolean(),
  canOpen: z.boolean(),
});
export type DownloadPlace = z.infer<typeof DownloadPlaceSchema>;
