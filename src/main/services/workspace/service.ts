import { randomUUID } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import {
  LAST_SESSION,
  WORKSPACE_FILE_FORMAT,
  WorkspaceFileSchema,
  WorkspaceStateSchema,
  type Workspace,
  type WorkspaceFile,
  type WorkspaceState,
  type WorkspaceSummary,
} from '../../../shared/domain/workspace';
import { toFeatureCollection } from '../../../shared/geo/geojson-export';
import { DeskFailure } from '../../errors';
import { WorkspaceNameTakenError, type WorkspacesRepo } from '../../store/workspaces-repo';

/** What the workspace room needs of the AOI room (wired in desk.ts). */
export interface AoiPort {
  find(id: string): Aoi | undefined;
  /** Adds AOIs all or nothing; answers them in the same order. */
  add(items: { name: string; geometry: unknown }[]): Aoi[];
}

/**
 * Workspaces: the current one is written as the user works and restored at start; others are saved
 * under a name, opened, renamed, removed (undoably) and carried between machines as files.
 */
export function createWorkspaceService(deps: { repo: WorkspacesRepo; aois: AoiPort; searchExists(id: string): boolean; now?: () => Date }) {
  const { repo } = deps;
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  const mustGet = (id: string): Workspace => {
    const found = repo.get(id);
    if (!found) throw new DeskFailure('NOT_FOUND', 'That workspace no longer exists.');
    return found;
  };
  const named = <T>(name: string, work: () => T): T => {
    try {
      return work();
    } catch (err) {
      if (err instanceof WorkspaceNameTakenError) throw new DeskFailure('CONFLICT', `A workspace is already called “${name}”.`, { field: 'name' });
      throw err;
    }
  };
  const fresh = (name: string, state: WorkspaceState, current: boolean): Workspace => {
    const at = now();
    return { id: randomUUID(), name, current, state, createdAt: at, updatedAt: at };
  };
  /** A name not yet taken: "Alps", then "Alps (2)", "Alps (3)" … */
  const freeName = (wanted: string): string => {
    const taken = new Set(repo.list().map((w) => w.name.toLowerCase()));
    if (!taken.has(wanted.toLowerCase())) return wanted;
    for (let n = 2; ; n++) if (!taken.has(`${wanted} (${n})`.toLowerCase())) return `${wanted} (${n})`;
  };

  const current = (): Workspace => {
    const found = repo.current();
    if (found) return found;
    const made = fresh(freeName(LAST_SESSION), WorkspaceStateSchema.parse({}), true);
    repo.insert(made);
    return made;
  };

  return {
    current,
    save(state: WorkspaceState): { updatedAt: string } {
      const at = now();
      repo.saveState(current().id, state, at);
      return { updatedAt: at };
    },
    list: (): WorkspaceSummary[] => {
      current();
      return repo.list();
    },
    saveAs(name: string): Workspace {
      const made = fresh(name, current().state, true);
      named(name, () => repo.insert(made));
      return made;
    },
    open(id: string): Workspace {
      mustGet(id);
      repo.makeCurrent(id);
      return mustGet(id);
    },
    rename(id: string, name: string): WorkspaceSummary {
      mustGet(id);
      named(name, () => repo.rename(id, name, now()));
      const { state: _state, ...summary } = mustGet(id);
      return summary;
    },
    remove(id: string): Workspace {
      const found = mustGet(id);
      if (found.current) throw new DeskFailure('CONFLICT', 'This is the workspace you are in: open another one before deleting it.');
      repo.remove(id);
      return found;
    },
    restore(workspace: Workspace): WorkspaceSummary {
      if (repo.get(workspace.id)) throw new DeskFailure('CONFLICT', 'That workspace is already there.');
      const back = { ...workspace, current: false, name: freeName(workspace.name) };
      repo.insert(back);
      const { state: _state, ...summary } = back;
      return summary;
    },
    export(id: string): { fileName: string; text: string } {
      const found = mustGet(id);
      const aoi = found.state.aoiId ? deps.aois.find(found.state.aoiId) : undefined;
      const collection = toFeatureCollection(aoi ? [{ name: aoi.name, geometry: aoi.geometry as Polygon | MultiPolygon }] : []);
      const file: WorkspaceFile = {
        format: WORKSPACE_FILE_FORMAT,
        version: 1,
        name: found.name,
        exportedAt: now(),
        state: found.state,
        aois: { type: 'FeatureCollection', features: collection.features.map((f) => ({ ...f, id: aoi?.id })) },
      };
      const safe = found.name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim() || 'workspace';
      return { fileName: `${safe}.desk-workspace.json`, text: JSON.stringify(file, null, 2) };
    },
    import(text: string): { workspace: WorkspaceSummary; aoisAdded: number } {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new DeskFailure('INVALID_REQUEST', 'This file is not JSON, so it is not an Imagery Desk workspace. Nothing was changed.');
      }
      const file = WorkspaceFileSchema.safeParse(parsed);
      if (!file.success) {
        const issue = file.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.map(String).join('.')}: ${issue.message})` : '';
        throw new DeskFailure('INVALID_REQUEST', `This file is not an Imagery Desk workspace${where}. Nothing was changed.`);
      }
      const { state, aois } = file.data;
      const features = aois.features as { id?: unknown; properties?: { name?: unknown }; geometry?: unknown }[];
      // The AOIs arrive with new ids: the state's references follow them; a search not stored here is dropped.
      const added = deps.aois.add(features.map((f, i) => ({ name: typeof f.properties?.name === 'string' ? f.properties.name : `Imported AOI ${i + 1}`, geometry: f.geometry })));
      const oldIds = features.map((f) => (typeof f.id === 'string' ? f.id : undefined));
      const mappedAoi = oldIds.indexOf(state.aoiId) >= 0 ? added[oldIds.indexOf(state.aoiId)]?.id : added[0]?.id;
      const restored: WorkspaceState = {
        ...state,
        aoiId: mappedAoi ?? '',
        search: state.search && deps.searchExists(state.search.searchId) ? state.search : null,
      };
      const made = fresh(freeName(file.data.name), restored, false);
      repo.insert(made);
      const { state: _state, ...summary } = made;
      return { workspace: summary, aoisAdded: added.length };
    },
  };
}
export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
