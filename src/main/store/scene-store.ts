import type { Database } from 'better-sqlite3';
import type { ListedScene, Scene } from '../../shared/domain/archive';
import { BoxContents, boxesIn, encodeBox } from './scene-box-contents';
import { batchedInsert } from './batched-insert';
import { BOX_SLOTS, boxOfRowid, boxRow, nextBoxAfter, packIntoGroups, RTREE_TIME_UNIT_MS, type BoxRow } from './scene-boxes';
import { toSceneRow, type CachedSceneItem, type SceneRow } from './scene-rows';

/** [west, south, east, north] in degrees; west > east means the box crosses the antimeridian. */
export type BBox = readonly [number, number, number, number];

/** A cached-query hit before it is turned into an object: only the `limit` newest ever are. */
interface Hit {
  acquiredAt: number;
  rowid: number;
  box: BoxContents;
  slot: number;
}
const newestFirst = (a: Hit, b: Hit): number => b.acquiredAt - a.acquiredAt || b.rowid - a.rowid;

/**
 * The cached scenes themselves (migration 012): identity and properties in `scenes`, what lists
 * and queries read in box rows (scene-box-contents.ts) indexed by the `scene_boxes` R*Tree. Searches
 * and their result lists are the searches repo's; it calls in here.
 */
export function createSceneStore(db: Database) {
  // One statement for the page rather than one per scene (the per-statement cost is most of a lookup).
  // CROSS JOIN keeps the ids outside: left to itself the planner scans every scene of the provider.
  const knownScenes = db.prepare<[string, string], { scene_id: string; id: number }>(
    'SELECT s.scene_id, s.id FROM json_each(?) j CROSS JOIN scenes s ON s.provider = ? AND s.scene_id = j.value',
  );
  const lastRowid = db.prepare<[], number | null>('SELECT max(id) FROM scenes').pluck();
  const insertScenes = batchedInsert(db, 'scenes (id, provider, scene_id, properties)', 4);
  const updateProperties = db.prepare<[string, number]>('UPDATE scenes SET properties = ? WHERE id = ?');
  // OR REPLACE: a box id is only reused after its scenes were all removed, and then its old box is stale.
  const insertBox = db.prepare<BoxRow>('INSERT OR REPLACE INTO scene_boxes VALUES (?, ?, ?, ?, ?, ?, ?)');
  const putContents = db.prepare<[number, Buffer]>(
    'INSERT INTO scene_box_contents (box, data) VALUES (?, ?) ON CONFLICT (box) DO UPDATE SET data = excluded.data',
  );
  const boxContents = db.prepare<[number], Buffer>('SELECT data FROM scene_box_contents WHERE box = ?').pluck();
  // Boxes come back as one blob (scene-box-contents.ts): a Buffer per row cost more than the rest.
  // group_concat takes a blob through text byte for byte; CAST gives the bytes back as a blob.
  const someBoxes = db
    .prepare<[string], Buffer | null>(
      `SELECT CAST(group_concat(c.data, '') AS BLOB) FROM json_each(?) j CROSS JOIN scene_box_contents c ON c.box = j.value`,
    )
    .pluck();
  // A known scene that moved (a corrected footprint or date) widens its box; a box never shrinks.
  const widenBox = db.prepare<[Record<string, number>]>(
    `UPDATE scene_boxes SET min_lon = min(min_lon, @w), max_lon = max(max_lon, @e), min_lat = min(min_lat, @s),
       max_lat = max(max_lat, @n), t_min = min(t_min, @tMin), t_max = max(t_max, @tMax)
     WHERE id = @box AND (min_lon > @w OR max_lon < @e OR min_lat > @s OR max_lat < @n OR t_min > @tMin OR t_max < @tMax)`,
  );
  // CROSS JOIN pins the rtree as the outer loop: the planner must never start from the contents.
  const meeting = `FROM scene_boxes b CROSS JOIN scene_box_contents c ON c.box = b.id
    WHERE b.min_lon <= @e AND b.max_lon >= @w AND b.min_lat <= @n AND b.max_lat >= @s AND b.t_min <= @tTo AND b.t_max >= @tFrom`;
  // All boxes at once while there are at most @cap of them; more (a continent over decades) are
  // streamed so that memory stays in proportion to the hits asked for.
  const boxesMeeting = db.prepare<[Record<string, number>], [number, Buffer | null]>(
    `SELECT count(*), CAST(group_concat(data, '') AS BLOB) FROM (SELECT c.data ${meeting} LIMIT @cap)`,
  ).raw();
  const eachBoxMeeting = db.prepare<[Record<string, number>], Buffer>(`SELECT c.data ${meeting}`).pluck();

  const hitsIn = (w: number, s: number, e: number, n: number, from: number, to: number, limit: number): Hit[] => {
    const args = { w, s, e, n, tFrom: from / RTREE_TIME_UNIT_MS, tTo: to / RTREE_TIME_UNIT_MS };
    const hits: Hit[] = [];
    const collect = (box: BoxContents): void => {
      for (let slot = 0; slot < box.size; slot++) {
        if (box.meets(slot, w, s, e, n, from, to)) hits.push({ acquiredAt: box.acquiredAt(slot), rowid: box.rowid(slot), box, slot });
      }
    };
    const cap = Math.max(64, Math.ceil(limit / 4));
    const [count, data] = boxesMeeting.get({ ...args, cap }) as [number, Buffer | null];
    if (count < cap) {
      if (data) boxesIn(data).forEach(collect);
      return hits;
    }
    for (const blob of eachBoxMeeting.iterate(args)) {
      collect(new BoxContents(blob));
      if (hits.length > 2 * limit) hits.sort(newestFirst).length = limit;
    }
    return hits;
  };

  const insertNew = (rows: readonly SceneRow[]): Map<SceneRow, number> => {
    const rowids = new Map<SceneRow, number>();
    const sceneRows: unknown[][] = [];
    let box = nextBoxAfter(lastRowid.get() ?? null);
    for (const group of packIntoGroups(rows)) {
      insertBox.run(...boxRow(box, group));
      putContents.run(box, encodeBox(box, group));
      group.forEach((row, slot) => {
        const rowid = box * BOX_SLOTS + slot;
        sceneRows.push([rowid, row.provider, row.scene_id, row.properties]);
        rowids.set(row, rowid);
      });
      box++;
    }
    insertScenes(sceneRows);
    return rowids;
  };

  /** Known scenes take their latest read (providers reprocess cloud cover, fix footprints) in place. */
  const updateKnown = (known: Map<number, SceneRow>): void => {
    const byBox = new Map<number, Map<number, SceneRow>>();
    for (const [rowid, row] of known) {
      updateProperties.run(row.properties, rowid);
      const box = boxOfRowid(rowid);
      byBox.set(box, (byBox.get(box) ?? new Map<number, SceneRow>()).set(rowid - box * BOX_SLOTS, row));
    }
    for (const [box, changed] of byBox) {
      const stored = boxContents.get(box);
      if (!stored) throw new Error(`scene box ${box} is missing`);
      putContents.run(box, encodeBox(box, new BoxContents(stored).slots().map((slot, i) => changed.get(i) ?? slot)));
      const [, w, e, s, n, tMin, tMax] = boxRow(box, [...changed.values()]);
      widenBox.run({ box, w, e, s, n, tMin, tMax });
    }
  };

  return {
    /** Stores the scenes (new ones in new boxes, known ones updated); answers each one's rowid. Call inside a transaction. */
    store(provider: string, scenes: readonly Scene[]): number[] {
      const rows = scenes.map((scene) => toSceneRow(provider, scene));
      const knownIds = new Map(knownScenes.all(JSON.stringify(rows.map((r) => r.scene_id)), provider).map((k) => [k.scene_id, k.id]));
      // By id: a page that repeats a scene keeps its last read, and each of its results points at it.
      const latest = new Map(rows.map((row) => [row.scene_id, row]));
      const known = new Map<number, SceneRow>();
      const fresh: SceneRow[] = [];
      for (const [id, row] of latest) {
        const rowid = knownIds.get(id);
        if (rowid === undefined) fresh.push(row);
        else known.set(rowid, row);
      }
      updateKnown(known);
      const placed = fresh.length > 0 ? insertNew(fresh) : new Map<SceneRow, number>();
      return rows.map((row) => knownIds.get(row.scene_id) ?? (placed.get(latest.get(row.scene_id) as SceneRow) as number));
    },
    /** The scenes with these rowids as lists show them, in the order given (each with its coverage). */
    listed(results: readonly { rowid: number; aoiCoverage: number | null }[]): ListedScene[] {
      const data = someBoxes.get(JSON.stringify([...new Set(results.map((r) => boxOfRowid(r.rowid)))]));
      const boxes = new Map((data ? boxesIn(data) : []).map((box) => [box.box, box]));
      return results.map(({ rowid, aoiCoverage }) => {
        const box = boxes.get(boxOfRowid(rowid));
        if (!box) throw new Error(`scene box ${boxOfRowid(rowid)} is missing`);
        return box.listedScene(rowid % BOX_SLOTS, aoiCoverage);
      });
    },
    /**
     * Every cached scene whose footprint bounds meet the box and whose acquisition is within
     * [fromMs, toMs], newest first (then the most recently stored), at most `limit`. Bounds, not exact
     * footprints: the map draws the real shapes.
     */
    queryCached(bbox: BBox, fromMs: number, toMs: number, limit: number): CachedSceneItem[] {
      const [w, s, e, n] = bbox;
      let hits: Hit[];
      if (w <= e) hits = hitsIn(w, s, e, n, fromMs, toMs, limit);
      else {
        // Across the antimeridian: two boxes; a widened footprint (see footprintBounds) can meet both.
        const seen = new Set<number>();
        hits = [...hitsIn(w, s, 180, n, fromMs, toMs, limit), ...hitsIn(-180, s, e, n, fromMs, toMs, limit)].filter((h) => !seen.has(h.rowid) && seen.add(h.rowid));
      }
      return hits.sort(newestFirst).slice(0, limit).map((h) => h.box.cachedItem(h.slot));
    },
  };
}
export type SceneStore = ReturnType<typeof createSceneStore>;
