import type { Migration } from './index';

export const m001Initial: Migration = {
  version: 1,
  name: 'settings, accounts, aois',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL            -- JSON
      ) STRICT;

      CREATE TABLE accounts (
        id          TEXT PRIMARY KEY,
        provider    TEXT NOT NULL CHECK (provider IN ('oneatlas', 'geoapi', 'origen')),
        label       TEXT NOT NULL,
        endpoints   TEXT NOT NULL,     -- JSON object: endpoint key -> base URL
        identity    TEXT NOT NULL,     -- JSON object: non-secret identity (e.g. GeoAPI username)
        secret_keys TEXT NOT NULL,     -- JSON array: which secrets are in the keychain (never their values)
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE aois (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        geometry   TEXT NOT NULL,      -- GeoJSON Polygon/MultiPolygon, EPSG:4326 (RFC 7946)
        area_km2   REAL NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
