import BetterSqlite3 from 'better-sqlite3';
import type { Scene } from '../src/shared/domain/archive';
import type { BBox } from '../src/main/store/searches-repo';

/**
 * The plain baseline the scene store is measured against (issue #14 item 2), built in the same run on
 * the same scenes: one table holding each scene as a JSON row and an R*Tree over place and time joined
 * on rowid, written with prepared statements in one transaction per 500-scene page, read back by
 * parsing every hit's JSON. It is what one writes first; the store must beat it, not merely match it.
 */

/** Same time unit as the store's rtree (10 days), so both prune by time equally well. */
const TIME_UNIT_MS = 864_000_000;

function boundsOf(scene: Scene): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of scene.footprint.coordinates[0] ?? []) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

export interface PlainSceneStore {
  /** One page of scenes in one transaction, as a search saves it. */
  savePage(scenes: Scene[]): void;
  /** Scenes whose bounds meet the box within the dates, newest first, parsed from their JSON rows. */
  query(bbox: BBox, fromMs: number, toMs: number, limit: number): Scene[];
  close(): void;
}

export function openPlainSceneStore(file: string): PlainSceneStore {
  const db = new BetterSqlite3(file);
  // The pragmas the app's own database uses (src/main/store/database.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('mmap_size = 1073741824');
  db.exec(`
    CREATE TABLE scenes (id INTEGER PRIMARY KEY, scene_id TEXT NOT NULL UNIQUE, acquired_at INTEGER NOT NULL, json TEXT NOT NULL);
    CREATE VIRTUAL TABLE scenes_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat, t_min, t_max);
  `);
  const insertScene = db.prepare<[string, number, string]>('INSERT INTO scenes (scene_id, acquired_at, json) VALUES (?, ?, ?)');
  const insertBox = db.prepare<[number | bigint, number, number, number, number, number, number]>('INSERT INTO scenes_rtree VALUES (?, ?, ?, ?, ?, ?, ?)');
  const select = db.prepare<[Record<string, number>], { json: string }>(
    `SELECT s.json FROM scenes_rtree r CROSS JOIN scenes s ON s.id = r.id
     WHERE r.min_lon <= @e AND r.max_lon >= @w AND r.min_lat <= @n AND r.max_lat >= @s
       AND r.t_min <= @tTo AND r.t_max >= @tFrom AND s.acquired_at BETWEEN @from AND @to
     ORDER BY s.acquired_at DESC, s.id DESC LIMIT @limit`,
  );
  const savePage = db.transaction((scenes: Scene[]) => {
    for (const scene of scenes) {
      const at = Date.parse(scene.acquisitionDate);
      const [w, s, e, n] = boundsOf(scene);
      const { lastInsertRowid } = insertScene.run(scene.id, at, JSON.stringify(scene));
      insertBox.run(lastInsertRowid, w, e, s, n, at / TIME_UNIT_MS, at / TIME_UNIT_MS);
    }
  });
  return {
    savePage,
    query: ([w, s, e, n], from, to, limit) =>
      select.all({ w, s, e, n, from, to, tFrom: from / TIME_UNIT_MS, tTo: to / TIME_UNIT_MS, limit }).map((r) => JSON.parse(r.json) as Scene),
    close: () => db.close(),
  };
}
