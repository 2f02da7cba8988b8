import type { Polygon, Position } from 'geojson';
import { bboxOfPolygons } from '../../../shared/geo/bbox';
import type { Migration } from './index';

/**
 * Tens of thousands of AOIs (a 50 MB import) without ever reading them all:
 * - `aoi_extents` holds each AOI's lon/lat box (east beyond 180 for one crossing the antimeridian),
 *   indexed by an R*Tree (rowid `n`), so the map asks for the AOIs in its view only and a list can zoom
 *   to any. The repository keeps the three tables in step (no triggers: one place says how);
 * - `aoi_hidden` marks rows that exist but are not shown: the chunks of an import not yet committed
 *   (written while they arrive, so the commit only clears the marks) and an undone import kept for a
 *   redo. Rows still hidden at start are leftovers of a closed window and are deleted then;
 * - an index in the listing order holding every summary column, so a page of the list is neither a
 *   sort of every row nor a read of their geometry.
 * The `aois` rows themselves are unchanged.
 */
export const m013AoiExtents: Migration = {
  version: 13,
  name: 'aoi extents (R*Tree), hidden rows, list order index',
  up(db) {
    db.exec(`
      CREATE TABLE aoi_extents (
        n      INTEGER PRIMARY KEY,
        aoi_id TEXT NOT NULL UNIQUE,
        west   REAL NOT NULL,
        south  REAL NOT NULL,
        east   REAL NOT NULL,
        north  REAL NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE aoi_extents_rtree USING rtree (n, west, east, south, north);

      CREATE TABLE aoi_hidden (
        aoi_id TEXT PRIMARY KEY,
        batch  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX aoi_hidden_by_batch ON aoi_hidden (batch);

      -- Covering: a page of summaries never reads the rows, whose geometry runs over many pages.
      CREATE INDEX aois_by_name ON aois (name COLLATE NOCASE, created_at, id, area_km2, vertex_count, updated_at);
    `);
    const insert = db.prepare('INSERT INTO aoi_extents (aoi_id, west, south, east, north) VALUES (?, ?, ?, ?, ?)');
    const index = db.prepare('INSERT INTO aoi_extents_rtree VALUES (?, ?, ?, ?, ?)');
    for (const row of db.prepare<[], { id: string; geometry: string }>('SELECT id, geometry FROM aois').all()) {
      const box = extentOf(row.geometry);
      if (!box) continue;
      const [west, south, east, north] = box;
      index.run(insert.run(row.id, west, south, east, north).lastInsertRowid, west, east, south, north);
    }
  },
};

/** [west, south, east, north] of a stored geometry; null when it has no position to bound. */
export function extentOf(geometryJson: string): [number, number, number, number] | null {
  try {
    const geometry = JSON.parse(geometryJson) as { type: string; coordinates: unknown };
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Polygon['coordinates'][];
    const box = bboxOfPolygons(polygons.filter((p): p is Position[][] => Array.isArray(p)));
    return [box.west, box.south, box.east, box.north].every(Number.isFinite) ? [box.west, box.south, box.east, box.north] : null;
  } catch {
    return null;
  }
}
