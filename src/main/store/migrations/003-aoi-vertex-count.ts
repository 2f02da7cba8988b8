import type { Migration } from './index';

/** The AOI list shows vertex counts (providers cap them); kept as a column so listing needs no JSON. */
export const m003AoiVertexCount: Migration = {
  version: 3,
  name: 'aois.vertex_count',
  up(db) {
    db.exec('ALTER TABLE aois ADD COLUMN vertex_count INTEGER NOT NULL DEFAULT 0');
  },
};
