import type { Database } from 'better-sqlite3';
import { BasemapKindSchema, type BasemapSource } from '../../shared/domain/basemaps';

interface Row {
  id: string;
  name: string;
  kind: string;
  template: string | null;
  path: string | null;
  attribution: string;
  origin: string | null;
  min_zoom: number;
  max_zoom: number;
  created_at: string;
}

const toSource = (r: Row): BasemapSource => ({
  id: r.id,
  name: r.name,
  kind: BasemapKindSchema.parse(r.kind),
  template: r.template,
  path: r.path,
  attribution: r.attribution,
  origin: r.origin,
  minZoom: r.min_zoom,
  maxZoom: r.max_zoom,
  createdAt: r.created_at,
});

export function createBasemapsRepo(db: Database) {
  const all = db.prepare<[], Row>('SELECT * FROM basemaps ORDER BY created_at, name');
  const one = db.prepare<[string], Row>('SELECT * FROM basemaps WHERE id = ?');
  const origins = db.prepare<[], { origin: string }>('SELECT DISTINCT origin FROM basemaps WHERE origin IS NOT NULL ORDER BY origin');
  const insert = db.prepare(
    `INSERT INTO basemaps (id, name, kind, template, path, attribution, origin, min_zoom, max_zoom, created_at)
     VALUES (@id, @name, @kind, @template, @path, @attribution, @origin, @minZoom, @maxZoom, @createdAt)`,
  );
  const remove = db.prepare<[string]>('DELETE FROM basemaps WHERE id = ?');
  return {
    list: (): BasemapSource[] => all.all().map(toSource),
    get: (id: string): BasemapSource | undefined => {
      const row = one.get(id);
      return row && toSource(row);
    },
    /** The origins of the stored online sources: what the CSP allows for images. */
    origins: (): string[] => origins.all().map((r) => r.origin),
    add: (source: BasemapSource): void => void insert.run(source),
    remove: (id: string): boolean => remove.run(id).changes > 0,
  };
}
export type BasemapsRepo = ReturnType<typeof createBasemapsRepo>;
