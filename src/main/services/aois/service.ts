import { randomUUID } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi, RepairNote } from '../../../shared/domain/aoi';
import { geodesicAreaKm2, vertexCount } from '../../../shared/geo/area';
import type { Repair } from '../../../shared/geo/issues';
import { checkAoiGeometry } from '../../../shared/geo/validate';
import { DeskFailure } from '../../errors';
import type { AoisRepo } from '../../store/aois-repo';
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
  const staging = createImportStaging();
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
    all: () => repo.all(),
    get: mustGet,
    /** The AOI, or undefined when it was removed (for references that may be stale). */
    find: (id: string): Aoi | undefined => repo.get(id),

    create(name: string, geometry: unknown): Saved {
      const { geometry: clean, repairs } = checked(geometry);
      const aoi = build({ id: randomUUID(), name, createdAt: now() }, clean);
      repo.insert(aoi);
      return { aoi, repairs: notes(repairs) };
    },

    update(id: string, patch: { name?: string; geometry?: unknown }): Saved {
      const existing = mustGet(id);
      const next = patch.geometry === undefined ? { geometry: existing.geometry as Polygon | MultiPolygon, repairs: [] } : checked(patch.geometry);
      const aoi = build({ id, name: patch.name ?? existing.name, createdAt: existing.createdAt }, next.geometry);
      repo.update(aoi);
      return { aoi, repairs: notes(next.repairs) };
    },

    duplicate(id: string): Aoi {
      const source = mustGet(id);
      const names = new Set(repo.list().map((a) => a.name));
      let name = `${source.name} (copy)`;
      for (let n = 2; names.has(name); n++) name = `${source.name} (copy ${n})`;
      const aoi = build({ id: randomUUID(), name, createdAt: now() }, source.geometry as Polygon | MultiPolygon);
      repo.insert(aoi);
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
      repo.insert(restored);
      return restored;
    },

    /** All or nothing: one invalid AOI refuses the whole import and stores none. */
    importMany(items: { name: string; geometry: unknown }[]): { aois: Aoi[]; repairs: Saved['repairs'] } {
      const { aois, repairs } = checkAll(items, 0);
      repo.insertAll(aois);
      return { aois, repairs };
    },

    /** One chunk of a large import, checked now and stored only on commit; a refusal discards it all. */
    stageImport(importId: string | undefined, offset: number, items: { name: string; geometry: unknown }[]) {
      let checkedChunk: ReturnType<typeof checkAll>;
      try {
        checkedChunk = checkAll(items, offset);
      } catch (err) {
        if (importId) staging.discard(importId);
        throw err;
      }
      return staging.add(importId, offset, checkedChunk.aois, checkedChunk.repairs);
    },
    commitImport(importId: string): { ids: string[]; repairs: Saved['repairs'] } {
      const { aois, repairs } = staging.take(importId);
      repo.insertAll(aois);
      return { ids: aois.map((a) => a.id), repairs };
    },
    discardImport: (importId: string): boolean => staging.discard(importId),
    /** Removes many AOIs at once (undoing an import); `trashId` brings them back with restoreMany. */
    removeMany(ids: string[]): { trashId: string; count: number } {
      const removed = ids.map((id) => repo.get(id)).filter((a): a is Aoi => a !== undefined && a !== null);
      repo.removeAll(removed.map((a) => a.id));
      return { trashId: staging.keep(removed), count: removed.length };
    },
    restoreMany(trashId: string): { count: number } {
      const aois = staging.takeKept(trashId);
      repo.insertAll(aois);
      return { count: aois.length };
    },
  };
}
export type AoisService = ReturnType<typeof createAoisService>;
