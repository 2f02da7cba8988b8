import type { Database } from 'better-sqlite3';
import type { Scene } from '../../../shared/domain/archive';
import { encodeBox } from '../scene-box-contents';
import { BOX_SLOTS, boxRow, packIntoGroups } from '../scene-boxes';
import type { Migration } from './index';

/**
 * The offline scene store rebuilt for a heavy user's cache (issue #14 item 2; bench/scene-store):
 * - `scene_boxes`, an R*Tree of boxes, replaces the per-scene `scenes_rtree` and its triggers: each
 *   box covers up to 16 scenes stored together (scene-boxes.ts);
 * - `scene_box_contents` keeps, one row per box, what lists, the map and queries read of its scenes,
 *   footprints as float64 blobs instead of GeoJSON text (scene-box-contents.ts);
 * - `scenes` keeps each scene's identity and provider properties (most of its bytes), read only for
 *   the detail panel and orders. A scene's rowid is its box × 16 + its slot.
 * Writers add boxes explicitly; the searches repo (scene-store.ts) is the only code that writes scenes.
 * Existing scenes are carried over with new rowids (their box's), so search results are rewritten
 * to point at them; every search, page, position, coverage and property stays as it was.
 */

interface OldScene {
  id: number;
  provider: string;
  scene_id: string;
  source_id: string;
  constellation: string;
  satellite: string;
  acquired_at: number;
  cloud_cover: number | null;
  incidence_angle: number | null;
  resolution_m: number | null;
  has_quicklook: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  footprint: string;
  properties: string;
}

/** About one search page: old rowids were given out page by page, so a chunk is one place over years. */
const CHUNK = 500;

function carryScenesOver(db: Database): void {
  const read = db.prepare<[number, number], OldScene>('SELECT * FROM scenes_004 WHERE id > ? ORDER BY id LIMIT ?');
  const insertScene = db.prepare('INSERT INTO scenes (id, provider, scene_id, properties) VALUES (?, ?, ?, ?)');
  const insertBox = db.prepare('INSERT INTO scene_boxes VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertContents = db.prepare('INSERT INTO scene_box_contents (box, data) VALUES (?, ?)');
  const remember = db.prepare('INSERT INTO temp.scene_rowids_012 (old, new) VALUES (?, ?)');
  let box = 1;
  for (let after = 0, chunk = read.all(after, CHUNK); chunk.length > 0; chunk = read.all(after, CHUNK)) {
    after = (chunk.at(-1) as OldScene).id;
    const scenes = chunk.map((s) => ({
      ...s,
      has_quicklook: s.has_quicklook === 1,
      footprint: JSON.parse(s.footprint) as Scene['footprint'],
    }));
    for (const group of packIntoGroups(scenes)) {
      insertBox.run(...boxRow(box, group));
      insertContents.run(box, encodeBox(box, group));
      group.forEach((s, slot) => {
        const id = box * BOX_SLOTS + slot;
        insertScene.run(id, s.provider, s.scene_id, s.properties);
        remember.run(s.id, id);
      });
      box++;
    }
  }
}

export const m012SceneStore: Migration = {
  version: 12,
  name: 'scene store: scenes packed in boxes of 16 (an R*Tree of boxes, one contents row a box), properties apart',
  up(db) {
    // Old tables are renamed, not dropped first: with foreign keys on (they are, inside the migration's
    // transaction) a parent table cannot be dropped while search_results still points at it.
    db.exec(`
      DROP TRIGGER scenes_rtree_insert;
      DROP TRIGGER scenes_rtree_update;
      DROP TRIGGER scenes_rtree_delete;
      DROP TABLE scenes_rtree;
      ALTER TABLE search_results RENAME TO search_results_004;
      ALTER TABLE scenes RENAME TO scenes_004;

      -- One row per provider scene: who it is and every provider property (JSON). Its rowid is
      -- box × 16 + slot; what lists show of it is in its box's contents.
      CREATE TABLE scenes (
        id         INTEGER PRIMARY KEY,
        provider   TEXT NOT NULL,
        scene_id   TEXT NOT NULL,
        properties TEXT NOT NULL,
        UNIQUE (provider, scene_id)
      ) STRICT;

      -- Boxes of up to 16 scenes with rowids box × 16 … box × 16 + 15, in place and time (10-day units,
      -- see migration 004). A box only ever grows to cover its scenes; queries check each scene.
      CREATE VIRTUAL TABLE scene_boxes USING rtree (id, min_lon, max_lon, min_lat, max_lat, t_min, t_max);

      -- One row per box: its scenes' exact bounds, dates, list fields and footprints, as one blob
      -- (scene-box-contents.ts).
      CREATE TABLE scene_box_contents (
        box  INTEGER PRIMARY KEY,   -- scene_boxes.id
        data BLOB NOT NULL
      ) STRICT;

      CREATE TABLE search_results (
        search_id    TEXT NOT NULL REFERENCES searches (id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        scene_rowid  INTEGER NOT NULL REFERENCES scenes (id),
        aoi_coverage REAL,
        PRIMARY KEY (search_id, position),
        UNIQUE (search_id, scene_rowid)
      ) STRICT, WITHOUT ROWID;

      CREATE TEMP TABLE scene_rowids_012 (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
    `);
    carryScenesOver(db);
    db.exec(`
      INSERT INTO search_results (search_id, position, scene_rowid, aoi_coverage)
        SELECT r.search_id, r.position, m.new, r.aoi_coverage
        FROM search_results_004 r JOIN temp.scene_rowids_012 m ON m.old = r.scene_rowid;
      DROP TABLE search_results_004;
      DROP TABLE scenes_004;
      DROP TABLE temp.scene_rowids_012;
    `);
  },
};
