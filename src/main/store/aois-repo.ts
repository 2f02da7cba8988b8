import type { Database } from 'better-sqlite3';
import type { Aoi, AoiBox, AoiSummary } from '../../shared/domain/aoi';

interface Row {
  id: string;
  name: string;
  geometry: string;
  area_km2: number;
  vertex_count: number;
  created_at: string;
  updated_at: string;
}

interface SummaryRow {
  id: string;
  name: string;
  areaKm2: number;
  vertexCount: number;
  createdAt: string;
  updatedAt: string;
  west: number | null;
  south: number | null;
  east: number | null;
  north: number | null;
}

/** An AOI ready to store: its geometry already serialised and its box computed (both off the commit's path). */
export interface AoiRecord {
  aoi: Omit<Aoi, 'geometry'>;
  geometryJson: string;
  box: AoiBox | null;
}

const toAoi = (r: Row): Aoi => ({
  id: r.id,
  name: r.name,
  geometry: JSON.parse(r.geometry) as Aoi['geometry'],
  areaKm2: r.area_km2,
  vertexCount: r.vertex_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toSummary = ({ west, south, east, north, ...rest }: SummaryRow): AoiSummary => ({
  ...rest,
  box: west === null || south === null || east === null || north === null ? null : [west, south, east, north],
});

// Every read leaves out hidden rows (an import not yet committed, an undone import kept for redo).
const SHOWN = 'NOT EXISTS (SELECT 1 FROM aoi_hidden h WHERE h.aoi_id = a.id)';
const SUMMARY_COLUMNS = `a.id, a.name, a.area_km2 AS areaKm2, a.vertex_count AS vertexCount, a.created_at AS createdAt,
  a.updated_at AS updatedAt, e.west, e.south, e.east, e.north`;
const ORDER = 'ORDER BY a.name COLLATE NOCASE, a.created_at';
/** LIKE's own wildcards in a user's filter are matched literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createAoisRepo(db: Database) {
  const list = db.prepare<[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM aois a LEFT JOIN aoi_extents e ON e.aoi_id = a.id WHERE ${SHOWN} ${ORDER}`);
  const page = db.prepare<{ pattern: string; limit: number; offset: number }, SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM aois a LEFT JOIN aoi_extents e ON e.aoi_id = a.id
     WHERE ${SHOWN} AND a.name LIKE @pattern ESCAPE '\\' ${ORDER} LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<{ pattern: string }, { n: number }>(`SELECT count(*) AS n FROM aois a WHERE ${SHOWN} AND a.name LIKE @pattern ESCAPE '\\'`);
  const one = db.prepare<[string], Row>(`SELECT a.* FROM aois a WHERE a.id = ? AND ${SHOWN}`);
  const shown = db.prepare<[string], { id: string }>(`SELECT a.id FROM aois a WHERE a.id = ? AND ${SHOWN}`);
  const geometries = db.prepare<{ limit: number; offset: number }, { name: string; geometry: string }>(
    `SELECT a.name, a.geometry FROM aois a WHERE ${SHOWN} ${ORDER} LIMIT @limit OFFSET @offset`,
  );
  // Boxes are compared three times, shifted by a turn: a view or an AOI may extend beyond ±180.
  // Extents only: the AOI rows, geometry and all, are not read to choose. `size` is the box in square
  // degrees, how large the AOI looks on a lon/lat or Mercator map (km² would favour the tropics).
  const inBox = db.prepare<{ west: number; south: number; east: number; north: number; exclude: string }, { id: string; size: number }>(
    `SELECT e.aoi_id AS id, (e.east - e.west) * (e.north - e.south) AS size FROM aoi_extents_rtree r JOIN aoi_extents e ON e.n = r.n
     WHERE r.south <= @north AND r.north >= @south AND e.aoi_id <> @exclude
       AND NOT EXISTS (SELECT 1 FROM aoi_hidden h WHERE h.aoi_id = e.aoi_id)
       AND ((r.west <= @east AND r.east >= @west) OR (r.west <= @east + 360 AND r.east >= @west + 360) OR (r.west <= @east - 360 AND r.east >= @west - 360))`,
  );
  const shapes = db.prepare<[string], { id: string; name: string; updatedAt: string; geometry: string }>(
    'SELECT id, name, updated_at AS updatedAt, geometry FROM aois WHERE id IN (SELECT value FROM json_each(?))',
  );
  const insert = db.prepare(
    `INSERT INTO aois (id, name, geometry, area_km2, vertex_count, created_at, updated_at)
     VALUES (@id, @name, @geometry, @areaKm2, @vertexCount, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE aois SET name = @name, geometry = @geometry, area_km2 = @areaKm2, vertex_count = @vertexCount,
       updated_at = @updatedAt WHERE id = @id`,
  );
  // Boxes: aoi_extents by AOI id, its R*Tree by the extent's rowid; deletes walk aois -> extents -> R*Tree.
  const boxOf = db.prepare<[string], { n: number }>('SELECT n FROM aoi_extents WHERE aoi_id = ?');
  const addBox = db.prepare('INSERT INTO aoi_extents (aoi_id, west, south, east, north) VALUES (?, ?, ?, ?, ?)');
  const setBox = db.prepare('UPDATE aoi_extents SET west = ?, south = ?, east = ?, north = ? WHERE n = ?');
  const indexBox = db.prepare('INSERT OR REPLACE INTO aoi_extents_rtree (n, west, east, south, north) VALUES (?, ?, ?, ?, ?)');
  const dropBoxIndex = db.prepare<[string]>('DELETE FROM aoi_extents_rtree WHERE n = (SELECT n FROM aoi_extents WHERE aoi_id = ?)');
  const dropBox = db.prepare<[string]>('DELETE FROM aoi_extents WHERE aoi_id = ?');
  const remove = db.prepare<[string]>('DELETE FROM aois WHERE id = ?');
  const unmark = db.prepare<[string]>('DELETE FROM aoi_hidden WHERE aoi_id = ?');
  const hide = db.prepare<[string, string]>('INSERT INTO aoi_hidden (aoi_id, batch) VALUES (?, ?)');
  const batchIds = db.prepare<[string], { id: string }>('SELECT aoi_id AS id FROM aoi_hidden WHERE batch = ?');
  const unhide = db.prepare<[string]>('DELETE FROM aoi_hidden WHERE batch = ?');
  // A hidden batch deleted for good, set by set (an undone import can be tens of thousands of rows).
  const dropHidden = [
    'DELETE FROM aoi_extents_rtree WHERE n IN (SELECT e.n FROM aoi_extents e JOIN aoi_hidden h ON h.aoi_id = e.aoi_id WHERE h.batch = @batch OR @all)',
    'DELETE FROM aoi_extents WHERE aoi_id IN (SELECT aoi_id FROM aoi_hidden WHERE batch = @batch OR @all)',
    'DELETE FROM aois WHERE id IN (SELECT aoi_id FROM aoi_hidden WHERE batch = @batch OR @all)',
    'DELETE FROM aoi_hidden WHERE batch = @batch OR @all',
  ].map((sql) => db.prepare<{ batch: string; all: number }>(sql));

  const putBox = (id: string, box: AoiBox | null) => {
    const existing = boxOf.get(id);
    if (!box) {
      if (existing) {
        dropBoxIndex.run(id);
        dropBox.run(id);
      }
      return;
    }
    const [west, south, east, north] = box;
    const n = existing ? (setBox.run(west, south, east, north, existing.n), existing.n) : addBox.run(id, west, south, east, north).lastInsertRowid;
    indexBox.run(n, west, east, south, north);
  };
  const removeOne = (id: string): boolean => {
    dropBoxIndex.run(id);
    dropBox.run(id);
    unmark.run(id);
    return remove.run(id).changes > 0;
  };
  const dropAll = db.transaction((batch: string, all: boolean) => dropHidden.reduce((changes, stmt) => stmt.run({ batch, all: all ? 1 : 0 }).changes, 0));

  const store = (r: AoiRecord) => {
    insert.run({ ...r.aoi, geometry: r.geometryJson });
    putBox(r.aoi.id, r.box);
  };
  const insertAll = db.transaction((records: AoiRecord[]) => records.forEach(store));
  const stageAll = db.transaction((records: AoiRecord[], batch: string) => {
    for (const r of records) {
      store(r);
      hide.run(r.aoi.id, batch);
    }
  });
  const hideAll = db.transaction((ids: string[], batch: string) => ids.filter((id) => shown.get(id)).map((id) => (hide.run(id, batch), id)));
  const removeAll = db.transaction((ids: string[]) => ids.forEach(removeOne));
  const updateOne = db.transaction((r: AoiRecord) => {
    update.run({ ...r.aoi, geometry: r.geometryJson });
    putBox(r.aoi.id, r.box);
  });
  const reveal = db.transaction((batch: string) => {
    const ids = batchIds.all(batch).map((r) => r.id);
    unhide.run(batch);
    return ids;
  });

  return {
    list: (): AoiSummary[] => list.all().map(toSummary),
    /** One page of the list in its order, optionally only names containing `text` (any case). */
    page: (q: { text?: string; offset: number; limit: number }): { total: number; items: AoiSummary[] } => {
      const pattern = likePattern(q.text?.trim() ?? '');
      return { total: count.get({ pattern })?.n ?? 0, items: page.all({ pattern, limit: q.limit, offset: q.offset }).map(toSummary) };
    },
    /** Names and stored geometry text, a page at a time in list order (exports). */
    geometryPage: (offset: number, limit: number) => geometries.all({ limit, offset }),
    /** Ids and box sizes (square degrees) of the shown AOIs whose box meets this one (east may exceed 180), `exclude` left out. */
    idsInBox: (box: AoiBox, exclude = ''): { id: string; size: number }[] => {
      const [west, south, east, north] = box;
      return inBox.all({ west, south, east, north, exclude });
    },
    /** Stored geometry text of these AOIs, in no particular order. */
    shapes: (ids: string[]) => shapes.all(JSON.stringify(ids)),
    get: (id: string): Aoi | undefined => {
      const row = one.get(id);
      return row ? toAoi(row) : undefined;
    },
    insert: (r: AoiRecord): void => insertAll([r]),
    insertAll: (records: AoiRecord[]): void => insertAll(records),
    update: (r: AoiRecord): void => updateOne(r),
    remove: (id: string): boolean => db.transaction(removeOne)(id),
    removeAll: (ids: string[]): void => removeAll(ids),
    /** Stores AOIs hidden under `batch` (one chunk of an import): `reveal(batch)` shows them all at once. */
    stage: (records: AoiRecord[], batch: string): void => stageAll(records, batch),
    /** Shows a hidden batch again; answers its ids. */
    reveal: (batch: string): string[] => reveal(batch),
    /** Hides shown AOIs under `batch` (undoing an import keeps them for a redo); answers those it hid. */
    hide: (ids: string[], batch: string): string[] => hideAll(ids, batch),
    /** Deletes a hidden batch for good. */
    dropHidden: (batch: string): void => void dropAll(batch, false),
    /** Deletes every hidden row: at start, what was hidden belonged to a window since closed. */
    dropAllHidden: (): number => dropAll('', true),
  };
}
export type AoisRepo = ReturnType<typeof createAoisRepo>;
