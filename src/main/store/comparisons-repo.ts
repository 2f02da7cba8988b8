import type { Database } from 'better-sqlite3';
import { ComparisonRowSchema, type Comparison, type ComparisonRow } from '../../shared/domain/comparison';

/** Price comparisons (migration 011): one per run with its rows in the order shown. */
export function createComparisonsRepo(db: Database) {
  const insert = db.prepare('INSERT INTO comparisons (id, aoi_id, aoi_area_km2, created_at) VALUES (?, ?, ?, ?)');
  const insertRow = db.prepare('INSERT INTO comparison_rows (comparison_id, position, json) VALUES (?, ?, ?)');
  const lastOf = db.prepare<[string], { id: string; aoi_id: string; aoi_area_km2: number; created_at: string }>(
    'SELECT id, aoi_id, aoi_area_km2, created_at FROM comparisons WHERE aoi_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  );
  const rowsOf = db.prepare<[string], { json: string }>('SELECT json FROM comparison_rows WHERE comparison_id = ? ORDER BY position');

  const save = db.transaction((c: Comparison) => {
    insert.run(c.id, c.aoiId, c.aoiAreaKm2, c.createdAt);
    c.rows.forEach((row, i) => insertRow.run(c.id, i, JSON.stringify(row)));
  });

  return {
    save: (c: Comparison): void => save(c),
    /** The AOI's last comparison; a row an older version wrote that no longer fits is dropped, not trusted. */
    latest(aoiId: string): Comparison | null {
      const head = lastOf.get(aoiId);
      if (!head) return null;
      const rows = rowsOf.all(head.id).flatMap((r): ComparisonRow[] => {
        const parsed = ComparisonRowSchema.safeParse(JSON.parse(r.json));
        return parsed.success ? [parsed.data] : [];
      });
      return { id: head.id, aoiId: head.aoi_id, aoiAreaKm2: head.aoi_area_km2, createdAt: head.created_at, rows };
    },
  };
}
export type ComparisonsRepo = ReturnType<typeof createComparisonsRepo>;
