import { z } from 'zod';
import { DeliveredProductSchema, DownloadPlaceSchema, DownloadSchema } from '../../domain/deliveries';
import { CachedSchema, channelsOf, Empty, Id } from './define';

const ByProduct = z.object({ accountId: Id, productId: Id }).strict();
const ByDownload = z.object({ downloadId: Id }).strict();

// "My data": delivered products of an account's workspace and their downloads. The list falls back to
// the stored copy offline; downloads are driven by main and polled by the renderer (IPC is request/reply).
export const deliveriesContract = channelsOf('deliveries')({
  /** Searches the account's workspace (all pages), stores the products and answers them; stored copy offline. */
  'deliveries.list': { request: z.object({ accountId: Id }).strict(), response: CachedSchema(z.array(DeliveredProductSchema)) },
  /** The product's quicklook as a data: URL (fetched with the account's credentials, cached in SQLite). */
  'deliveries.quicklook': { request: ByProduct, response: z.object({ dataUrl: z.string(), cached: z.boolean() }) },
  /** The download folder and what this host can do with files. */
  'deliveries.place': { request: Empty, response: DownloadPlaceSchema },
  /** Sets the download folder: absolute, created when missing, writable; refused with a sentence otherwise. */
  'deliveries.setFolder': { request: z.object({ folder: z.string().trim().min(1).max(4096) }).strict(), response: DownloadPlaceSchema },
  /** The native folder picker (Electron); `UNSUPPORTED` in browser mode. Null when the user cancels. */
  'deliveries.pickFolder': { request: Empty, response: z.object({ place: DownloadPlaceSchema.nullable() }) },
  /** Starts (or resumes) downloading every file of a product, or one file, into the download folder. */
  'deliveries.download': { request: ByProduct.extend({ fileId: Id.optional() }).strict(), response: z.array(DownloadSchema) },
  /** Every download, newest first, with live progress (polled while any runs). */
  'deliveries.downloads': { request: Empty, response: z.array(DownloadSchema) },
  'deliveries.pause': { request: ByDownload, response: DownloadSchema },
  /** Continues from the bytes already on disk with an HTTP Range request (also after a restart). */
  'deliveries.resume': { request: ByDownload, response: DownloadSchema },
  /** Stops and deletes the partial file; a finished file is never deleted. */
  'deliveries.cancel': { request: ByDownload, response: DownloadSchema },
  /** Shows the finished file in the OS file manager; `UNSUPPORTED` in browser mode. */
  'deliveries.reveal': { request: ByDownload, response: z.object({ path: z.string() }) },
  /** Opens the finished file with the OS default application; `UNSUPPORTED` in browser mode. */
  'deliveries.open': { request: ByDownload, response: z.object({ path: z.string() }) },
});
