import type { Database } from 'better-sqlite3';
import type { Aoi, AoiSummary } from '../../shared/domain/aoi';

interface Row {
  id: string;
  name: string;
  geometry: string;
  area_km2: number;
  vertex_count: number;
  created_at: string;
  updated_at: string;
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

const toRow = (a: Aoi): Row => ({
  id: a.id,
  name: a.name,
  geometry: JSON.stringify(a.geometry),
  area_km2: a.areaKm2,
  vertex_count: a.vertexCount,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

export function createAoisRepo(db: Database) {
  const list = db.prepare<[], AoiSummary>(
    `SELECT id, name, area_km2 AS areaKm2, vertex_count AS vertexCount, created_at AS createdAt, updated_at AS updatedAt
     FROM aois ORDER BY name COLLATE NOCASE, created_at`,
  );
  const one = db.prepare<[string], Row>('SELECT * FROM aois WHERE id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM aois ORDER BY name COLLATE NOCASE, created_at');
  const insert = db.prepare(
    `INSERT INTO aois (id, name, geometry, area_km2, vertex_count, created_at, updated_at)
     VALUES (@id, @name, @geometry, @area_km2, @vertex_count, @created_at, @updated_at)`,
  );
  const update = db.prepare(
    `UPDATE aois SET name = @name, geometry = @geometry, area_km2 = @area_km2, vertex_count = @vertex_count,
       updated_at = @updated_at WHERE id = @id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM aois WHERE id = ?');
  // An import is all or nothing: either every AOI of the file is stored, or none is.
  const insertAll = db.transaction((aois: Aoi[]) => aois.forEach((a) => insert.run(toRow(a))));
  const removeAll = db.transaction((ids: string[]) => ids.forEach((id) => remove.run(id)));

  return {
    list: (): AoiSummary[] => list.all(),
    all: (): Aoi[] => all.all().map(toAoi),
    get: (id: string): Aoi | undefined => {
      const row = one.get(id);
      return row ? toAoi(row) : undefined;
    },
    insert: (a: Aoi): void => void insert.run(toRow(a)),
    insertAll: (aois: Aoi[]): void => insertAll(aois),
    update: (a: Aoi): void => void update.run(toRow(a)),
    remove: (id: string): boolean => remove.run(id).changes > 0,
    removeAll: (ids: string[]): void => removeAll(ids),
  };
}
export type AoisRepo = ReturnType<typeof createAoisRepo>;
