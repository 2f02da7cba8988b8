import { randomUUID } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi, AoiBox, AoiShape, RepairNote } from '../../../shared/domain/aoi';
import { geodesicAreaKm2, vertexCount } from '../../../shared/geo/area';
import type { Repair } from '../../../shared/geo/issues';
import { checkAoiGeometry } from '../../../shared/geo/validate';
import { DeskFailure } from '../../errors';
import type { AoiRecord, AoisRepo } from '../../store/aois-repo';
import { displayShape, storedBox } from './display-shape';
import { createImportStaging } from './import-staging';

export interface Saved {
  aoi: Aoi;
  repairs: RepairNote[];
}

/**
 * AOIs are validated here whatever the renderer already checked: main is the trust boundary. What is
 * safe to repair is repaired and reported; anything else is refused with the paths of the problems.
 */
export function createAoisService(deps: { repo: AoisRepo; now?: () => Date }) {
  const { repo } = deps;
  // Rows still hidden at start belong to an import or an undo of a window since closed.
  repo.dropAllHidden();
  const staging = createImportStaging((batch) => repo.dropHidden(batch));
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  const checked = (geometry: unknown, path = 'geometry'): { geometry: Polygon | MultiPolygon; repairs: Repair[] } => {
    const result = checkAoiGeometry(geometry, { path });
    if (!result.ok) {
      const first = result.problems[0];
      throw new DeskFailure('INVALID_GEOMETRY', first ? `${first.message} (at ${first.path})` : 'Invalid geometry.', { problems: result.problems });
    }
    return result;
  };

  const build = (base: Pick<Aoi, 'id' | 'name' | 'createdAt'>, geometry: Polygon | MultiPolygon): Aoi => ({
    ...base,
    geometry: geometry as Aoi['geometry'],
    areaKm2: geodesicAreaKm2(geometry),
    vertexCount: vertexCount(geometry),
    updatedAt: now(),
  });

  const mustGet = (id: string): Aoi => {
    const found = repo.get(id);
    if (!found) throw new DeskFailure('NOT_FOUND', 'That AOI no longer exists.');
    return found;
  };

  /** Serialised and boxed here, so storing (and an import's commit) does no more than write. */
  const record = ({ geometry, ...aoi }: Aoi): AoiRecord => {
    const box = storedBox(geometry as Polygon | MultiPolygon);
    return { aoi, geometryJson: JSON.stringify(geometry), box: box.every(Number.isFinite) ? box : null };
  };

  const notes = (repairs: Repair[]) => repairs.map(({ code, message, path }) => ({ code, message, path }));

  /** Checks every item (paths counted from `offset`) before anything is stored. */
  const checkAll = (items: { name: string; geometry: unknown }[], offset: number) => {
    const repairs: Saved['repairs'] = [];
    const aois = items.map((item, i) => {
      const result = checked(item.geometry, `aois[${offset + i}].geometry`);
      repairs.push(...notes(result.repairs));
      return build({ id: randomUUID(), name: item.name, createdAt: now() }, result.geometry);
    });
    return { aois, repairs };
  };

  return {
    list: () => repo.list(),
    page: (q: { text?: string; offset: number; limit: number }) => repo.page(q),

    /**
     * The AOIs whose box meets the view's (the `limit` that look largest on the map, as the view can
     * show only so many), thinned to the view's scale; `total` says how many there are in all.
     */
    inView(q: { box: AoiBox; tolerance: number; limit: number; exclude?: string }): { total: number; items: AoiShape[] } {
      const hits = repo.idsInBox(q.box, q.exclude);
      const chosen = hits.length <= q.limit ? hits : hits.sort((a, b) => b.size - a.size).slice(0, q.limit);
      const items = repo.shapes(chosen.map((h) => h.id)).map(({ geometry, ...rest }) => ({
        ...rest,
        geometry: displayShape(JSON.parse(geometry) as Polygon | MultiPolygon, q.tolerance) as AoiShape['geometry'],
      }));
      return { total: hits.length, items };
    },

    /** Names and geometry in list order, a page at a time: an export of every AOI never travels at once. */
    exportPage: (offset: number, limit: number) => ({
      items: repo.geometryPage(offset, limit).map((r) => ({ name: r.name, geometry: JSON.parse(r.geometry) as Aoi['geometry'] })),
    }),
    get: mustGet,
    /** The AOI, or undefined when it was removed (for references that may be stale). */
    find: (id: string): Aoi | undefined => repo.get(id),

    create(name: string, geometry: unknown): Saved {
      const { geometry: clean, repairs } = checked(geometry);
      const aoi = build({ id: randomUUID(), name, createdAt: now() }, clean);
      repo.insert(record(aoi));
      return { aoi, repairs: notes(repairs) };
    },

    update(id: string, patch: { name?: string; geometry?: unknown }): Saved {
      const existing = mustGet(id);
      const next = patch.geometry === undefined ? { geometry: existing.geometry as Polygon | MultiPolygon, repairs: [] } : checked(patch.geometry);
      const aoi = build({ id, name: patch.name ?? existing.name, createdAt: existing.createdAt }, next.geometry);
      repo.update(record(aoi));
      return { aoi, repairs: notes(next.repairs) };
    },

    duplicate(id: string): Aoi {
      const source = mustGet(id);
      const names = new Set(repo.page({ text: source.name, offset: 0, limit: 5_000 }).items.map((a) => a.name));
      let name = `${source.name} (copy)`;
      for (let n = 2; names.has(name); n++) name = `${source.name} (copy ${n})`;
      const aoi = build({ id: randomUUID(), name, createdAt: now() }, source.geometry as Polygon | MultiPolygon);
      repo.insert(record(aoi));
      return aoi;
    },

    /** Returns what was removed, so the UI can offer to undo it with `restore`. */
    remove(id: string): Aoi {
      const existing = mustGet(id);
      repo.remove(id);
      return existing;
    },

    restore(aoi: Aoi): Aoi {
      if (repo.get(aoi.id)) throw new DeskFailure('CONFLICT', 'An AOI with that id already exists.');
      const restored = build({ id: aoi.id, name: aoi.name, createdAt: aoi.createdAt }, checked(aoi.geometry).geometry);
      repo.insert(record(restored));
      return restored;
    },

    /** All or nothing: one invalid AOI refuses the whole import and stores none. */
    importMany(items: { name: string; geometry: unknown }[]): { aois: Aoi[]; repairs: Saved['repairs'] } {
      const { aois, repairs } = checkAll(items, 0);
      repo.insertAll(aois.map(record));
      return { aois, repairs };
    },

    /**
     * One chunk of a large import: checked now and written at once, hidden until the commit (so the
     * commit does not write 50 MB in one go); a refusal discards the whole import.
     */
    stageImport(importId: string | undefined, offset: number, items: { name: string; geometry: unknown }[]) {
      let checkedChunk: ReturnType<typeof checkAll>;
      try {
        checkedChunk = checkAll(items, offset);
      } catch (err) {
        if (importId) staging.discard(importId);
        throw err;
      }
      const records = checkedChunk.aois.map(record);
      return staging.add(importId, offset, records.length, checkedChunk.repairs, (batch) => repo.stage(records, batch));
    },
    /** Shows every staged AOI at once: clearing their hidden marks, one short transaction. */
    commitImport(importId: string): { ids: string[]; repairs: Saved['repairs'] } {
      const { batch, repairs } = staging.take(importId);
      return { ids: repo.reveal(batch), repairs };
    },
    discardImport: (importId: string): boolean => staging.discard(importId),
    /** Removes many AOIs at once (undoing an import): hidden, so `restoreMany(trashId)` shows them again. */
    removeMany(ids: string[]): { trashId: string; count: number } {
      const { trashId, batch } = staging.keep();
      return { trashId, count: repo.hide(ids, batch).length };
    },
    restoreMany(trashId: string): { count: number } {
      return { count: repo.reveal(staging.takeKept(trashId)).length };
    },
  };
}
export type AoisService = ReturnType<typeof createAoisService>;
