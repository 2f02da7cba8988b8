import type { Migration } from './index';

/**
 * "My data": the products an account's workspace held when last listed (so the list stays browsable
 * offline), and the downloads of their files. A product keeps its domain shape as JSON, its files with
 * their download links (never a credential) and the provider's feature for audit. A download row is the
 * whole state needed to resume it after a restart: the link, the validator (ETag) of the bytes already in
 * `<path>.part`, the checksum the provider vouched for. Progress is written at most once a second, so
 * `bytes_done` of a row left 'running' may lag: the .part file's size is what counts.
 */
export const m010Deliveries: Migration = {
  version: 10,
  name: 'delivered products and downloads',
  up(db) {
    db.exec(`
      CREATE TABLE delivered_products (
        account_id       TEXT NOT NULL,
        product_id       TEXT NOT NULL,
        json             TEXT NOT NULL,   -- DeliveredProduct without accountId and source
        files            TEXT NOT NULL,   -- [{ fileId, href, name, type, size }]
        raw              TEXT NOT NULL,   -- the provider's feature
        customer_reference TEXT,
        publication_date TEXT,
        fetched_at       TEXT NOT NULL,
        PRIMARY KEY (account_id, product_id)
      ) STRICT;
      CREATE INDEX delivered_products_published ON delivered_products (account_id, publication_date);

      CREATE TABLE downloads (
        id                 TEXT PRIMARY KEY,
        account_id         TEXT NOT NULL,
        product_id         TEXT NOT NULL,
        file_id            TEXT NOT NULL,
        url                TEXT NOT NULL,
        file_name          TEXT NOT NULL,
        folder             TEXT NOT NULL,
        path               TEXT NOT NULL,
        status             TEXT NOT NULL,
        bytes_done         INTEGER NOT NULL DEFAULT 0,
        bytes_total        INTEGER,
        etag               TEXT,
        checksum_algorithm TEXT,
        checksum_expected  TEXT,
        checksum_verified  INTEGER NOT NULL DEFAULT 0,
        error_code         TEXT,
        error_message      TEXT,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        finished_at        TEXT
      ) STRICT;
      CREATE INDEX downloads_created ON downloads (created_at);
      CREATE INDEX downloads_file ON downloads (account_id, product_id, file_id);
    `);
  },
};
