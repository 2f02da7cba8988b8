import type { Migration } from './index';

/**
 * Basemaps the user added: online tile services (their template and origin, which the CSP allows)
 * and local MBTiles/PMTiles files (their path). The built-in offline basemap is not stored.
 */
export const m006Basemaps: Migration = {
  version: 6,
  name: 'basemaps',
  up(db) {
    db.exec(`
      CREATE TABLE basemaps (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('xyz', 'wmts', 'mbtiles', 'pmtiles')),
        template TEXT,
        path TEXT,
        attribution TEXT NOT NULL DEFAULT '',
        origin TEXT,
        min_zoom INTEGER NOT NULL DEFAULT 0,
        max_zoom INTEGER NOT NULL DEFAULT 19,
        created_at TEXT NOT NULL
      );
    `);
  },
};
