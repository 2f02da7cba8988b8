import type { Database } from 'better-sqlite3';

export interface AoiSummary {
  id: string;
  name: string;
  areaKm2: number;
  updatedAt: string;
}

export function createAoisRepo(db: Database) {
  const list = db.prepare<[], AoiSummary>(
    'SELECT id, name, area_km2 AS areaKm2, updated_at AS updatedAt FROM aois ORDER BY name COLLATE NOCASE',
  );
  return { list: (): AoiSummary[] => list.all() };
}
export type AoisRepo = ReturnType<typeof createAoisRepo>;
