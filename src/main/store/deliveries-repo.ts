import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { DeliveredProductSchema, DownloadStatusSchema, type DeliveredProduct, type Download, type DownloadStatus } from '../../shared/domain/deliveries';

/**
 * "My data" tables (migration 010): each account's delivered products as last listed, with their files'
 * download links, and every download with what it takes to resume it. The download folder lives in the
 * settings table under its own key (`deliveries.folder`), beside the user's other preferences.
 */

/** A product as stored: what the provider said, without what main works out at read time (its source). */
export type StoredProduct = Omit<DeliveredProduct, 'source' | 'accountId'>;
const StoredProductSchema = DeliveredProductSchema.omit({ source: true, accountId: true });

const StoredFileSchema = z.object({ fileId: z.string(), href: z.string(), name: z.string().nullable(), type: z.string().nullable(), size: z.number().nullable() });
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** A download row: the public shape without live figures, plus the link and the validator of the bytes held. */
export interface StoredDownload extends Omit<Download, 'rate' | 'etaSeconds'> {
  url: string;
  etag: string | null;
}

interface DownloadRow {
  id: string;
  account_id: string;
  product_id: string;
  file_id: string;
  url: string;
  file_name: string;
  folder: string;
  path: string;
  status: string;
  bytes_done: number;
  bytes_total: number | null;
  etag: string | null;
  checksum_algorithm: string | null;
  checksum_expected: string | null;
  checksum_verified: number;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

const toRow = (d: StoredDownload): DownloadRow => ({
  id: d.id,
  account_id: d.accountId,
  product_id: d.productId,
  file_id: d.fileId,
  url: d.url,
  file_name: d.fileName,
  folder: d.folder,
  path: d.path,
  status: d.status,
  bytes_done: d.bytesDone,
  bytes_total: d.bytesTotal,
  etag: d.etag,
  checksum_algorithm: d.checksum?.algorithm ?? null,
  checksum_expected: d.checksum?.expected ?? null,
  checksum_verified: d.checksum?.verified ? 1 : 0,
  error_code: d.error?.code ?? null,
  error_message: d.error?.message ?? null,
  created_at: d.createdAt,
  updated_at: d.updatedAt,
  finished_at: d.finishedAt,
});

const toDownload = (r: DownloadRow): StoredDownload => {
  const status = DownloadStatusSchema.safeParse(r.status);
  return {
    id: r.id,
    accountId: r.account_id,
    productId: r.product_id,
    fileId: r.file_id,
    url: r.url,
    fileName: r.file_name,
    folder: r.folder,
    path: r.path,
    // A status this version does not know is shown as paused: the user can resume or cancel it.
    status: status.success ? status.data : 'paused',
    bytesDone: r.bytes_done,
    bytesTotal: r.bytes_total,
    etag: r.etag,
    checksum: r.checksum_algorithm && r.checksum_expected ? { algorithm: r.checksum_algorithm, expected: r.checksum_expected, verified: r.checksum_verified === 1 } : null,
    error: r.error_code && r.error_message ? { code: r.error_code, message: r.error_message } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  };
};

const FOLDER_KEY = 'deliveries.folder';

export function createDeliveriesRepo(db: Database) {
  const upsertProduct = db.prepare(
    `INSERT INTO delivered_products (account_id, product_id, json, files, raw, customer_reference, publication_date, fetched_at)
     VALUES (@account, @id, @json, @files, @raw, @reference, @published, @fetchedAt)
     ON CONFLICT (account_id, product_id) DO UPDATE SET json = excluded.json, files = excluded.files, raw = excluded.raw,
       customer_reference = excluded.customer_reference, publication_date = excluded.publication_date, fetched_at = excluded.fetched_at`,
  );
  const dropOthers = db.prepare<[string, string]>('DELETE FROM delivered_products WHERE account_id = ? AND product_id NOT IN (SELECT value FROM json_each(?))');
  const productsOf = db.prepare<[string], { json: string; fetched_at: string }>(
    'SELECT json, fetched_at FROM delivered_products WHERE account_id = ? ORDER BY publication_date DESC, product_id',
  );
  const oneProduct = db.prepare<[string, string], { json: string; files: string }>('SELECT json, files FROM delivered_products WHERE account_id = ? AND product_id = ?');

  const saveProducts = db.transaction((account: string, list: { product: StoredProduct; files: StoredFile[]; raw: unknown }[], fetchedAt: string, complete: boolean) => {
    for (const { product, files, raw } of list) {
      upsertProduct.run({
        account,
        id: product.id,
        json: JSON.stringify(product),
        files: JSON.stringify(files),
        raw: JSON.stringify(raw ?? null),
        reference: product.customerReference,
        published: product.publicationDate,
        fetchedAt,
      });
    }
    // A complete listing is the workspace as it is now: products removed there go here too.
    if (complete) dropOthers.run(account, JSON.stringify(list.map((p) => p.product.id)));
  });

  const parseProduct = (json: string): StoredProduct | undefined => {
    const parsed = StoredProductSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  };

  const insertDownload = db.prepare<[DownloadRow]>(
    `INSERT INTO downloads (id, account_id, product_id, file_id, url, file_name, folder, path, status, bytes_done, bytes_total, etag,
       checksum_algorithm, checksum_expected, checksum_verified, error_code, error_message, created_at, updated_at, finished_at)
     VALUES (@id, @account_id, @product_id, @file_id, @url, @file_name, @folder, @path, @status, @bytes_done, @bytes_total, @etag,
       @checksum_algorithm, @checksum_expected, @checksum_verified, @error_code, @error_message, @created_at, @updated_at, @finished_at)`,
  );
  const updateDownload = db.prepare<[DownloadRow]>(
    `UPDATE downloads SET url = @url, file_name = @file_name, path = @path, status = @status, bytes_done = @bytes_done,
       bytes_total = @bytes_total, etag = @etag, checksum_algorithm = @checksum_algorithm, checksum_expected = @checksum_expected,
       checksum_verified = @checksum_verified, error_code = @error_code, error_message = @error_message, updated_at = @updated_at,
       finished_at = @finished_at
     WHERE id = @id`,
  );
  const oneDownload = db.prepare<[string], DownloadRow>('SELECT * FROM downloads WHERE id = ?');
  const allDownloads = db.prepare<[], DownloadRow>('SELECT * FROM downloads ORDER BY created_at DESC, rowid DESC');
  const byStatus = db.prepare<[string], DownloadRow>('SELECT * FROM downloads WHERE status IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid');
  const folderGet = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
  const folderSet = db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  return {
    /** Writes a listing; `complete` removes the account's products the listing no longer has. */
    saveProducts: (accountId: string, list: { product: StoredProduct; files: StoredFile[]; raw: unknown }[], fetchedAt: string, complete: boolean): void =>
      saveProducts(accountId, list, fetchedAt, complete),
    /** The account's stored products, newest publication first, and when each was read; undefined when none ever were. */
    products(accountId: string): { value: StoredProduct[]; dates: string[] } | undefined {
      const rows = productsOf.all(accountId);
      if (rows.length === 0) return undefined;
      return { value: rows.flatMap((r) => parseProduct(r.json) ?? []), dates: rows.map((r) => r.fetched_at) };
    },
    product(accountId: string, productId: string): { product: StoredProduct; files: StoredFile[] } | undefined {
      const row = oneProduct.get(accountId, productId);
      const product = row && parseProduct(row.json);
      const files = row && z.array(StoredFileSchema).safeParse(JSON.parse(row.files));
      return product && files?.success ? { product, files: files.data } : undefined;
    },

    insertDownload: (d: StoredDownload): void => void insertDownload.run(toRow(d)),
    saveDownload: (d: StoredDownload): void => void updateDownload.run(toRow(d)),
    download(id: string): StoredDownload | undefined {
      const row = oneDownload.get(id);
      return row && toDownload(row);
    },
    /** Every download, newest first. */
    downloads: (): StoredDownload[] => allDownloads.all().map(toDownload),
    /** Downloads in these statuses, oldest first (the queue's order). */
    downloadsIn: (statuses: readonly DownloadStatus[]): StoredDownload[] => byStatus.all(JSON.stringify(statuses)).map(toDownload),

    folder: (): string | null => {
      const raw = folderGet.get(FOLDER_KEY);
      const value: unknown = raw === undefined ? null : JSON.parse(raw);
      return typeof value === 'string' && value !== '' ? value : null;
    },
    setFolder: (folder: string): void => void folderSet.run(FOLDER_KEY, JSON.stringify(folder)),
  };
}
export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
