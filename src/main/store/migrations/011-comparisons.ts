import type { Migration } from './index';

/**
 * Price comparisons: one row per run (the AOI and its area as priced, when) and its rows in the order
 * shown, each kept as JSON (read back through the shared zod schema), so the last comparison of an AOI
 * is shown offline with the time each price was asked. No foreign key to the AOI: a comparison is
 * history and outlives the AOI, as orders do.
 */
export const m011Comparisons: Migration = {
  version: 11,
  name: 'price comparisons and their rows',
  up(db) {
    db.exec(`
      CREATE TABLE comparisons (
        id           TEXT PRIMARY KEY,
        aoi_id       TEXT NOT NULL,
        aoi_area_km2 REAL NOT NULL,
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comparisons_aoi ON comparisons (aoi_id, created_at);

      CREATE TABLE comparison_rows (
        comparison_id TEXT NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        json          TEXT NOT NULL,   -- ComparisonRow
        PRIMARY KEY (comparison_id, position)
      ) STRICT;
    `);
  },
};
