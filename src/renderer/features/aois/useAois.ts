import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Aoi, AoiSummary, RepairNote } from '../../../shared/domain/aoi';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { History } from './history';

export type { RepairNote } from '../../../shared/domain/aoi';

export interface ImportItem {
  name: string;
  geometry: unknown;
}

export interface AoisState {
  /** Every stored AOI without its geometry, in list order (a 25,000-AOI import is a few megabytes). */
  list: AoiSummary[];
  /** The active AOI with its geometry (loaded on its own; briefly behind `activeId` after a change). */
  active?: Aoi;
  activeId: string;
  /** Changes after every reload: what shows AOIs from main (the map) reads again then. */
  version: number;
  error?: ShownError;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  setActive(id: string): Promise<void>;
  create(name: string, geometry: unknown): Promise<{ aoi: Aoi; repairs: RepairNote[] }>;
  rename(id: string, name: string): Promise<void>;
  reshape(id: string, geometry: unknown, label?: string): Promise<RepairNote[]>;
  duplicate(id: string): Promise<Aoi>;
  remove(id: string): Promise<Aoi>;
  /**
   * Stores a file's AOIs all at once: `upload` hands them over in chunks through `stage`; nothing is
   * visible until every chunk was accepted. One undoable step.
   */
  importMany(upload: (stage: (items: ImportItem[], offset: number) => Promise<void>) => Promise<void>): Promise<{ count: number; repairs: RepairNote[] }>;
  /** Shows an import staged by `stageImport`, as one undoable step. */
  commitImport(importId: string): Promise<{ count: number; repairs: RepairNote[] }>;
  undo(): Promise<string | undefined>;
  redo(): Promise<string | undefined>;
}

const geometryOf = (a: Aoi): unknown => a.geometry;

/** Summaries per reply: each a megabyte or so, parsed in a few milliseconds, never one long task. */
const PAGE = 2_000;

async function loadSummaries(): Promise<AoiSummary[]> {
  const list: AoiSummary[] = [];
  for (let total = Infinity; list.length < total; ) {
    const page = await call('aois.page', { offset: list.length, limit: PAGE });
    total = page.total;
    list.push(...page.items);
    if (page.items.length === 0) break;
  }
  return list;
}

/** The stored AOIs and the active one: the remembered choice while it still exists, else the first. */
async function loadAois(): Promise<{ list: AoiSummary[]; activeId: string }> {
  const [list, settings] = await Promise.all([loadSummaries(), call('settings.get', {})]);
  return { list, activeId: list.some((a) => a.id === settings.activeAoiId) ? settings.activeAoiId : (list[0]?.id ?? '') };
}

/**
 * Uploads a file's AOIs to main chunk by chunk, stored there hidden under one import; answers its id.
 * Nothing is visible until `commitImport`; a refused chunk discards what was staged.
 */
export async function stageImport(upload: (stage: (items: ImportItem[], offset: number) => Promise<void>) => Promise<void>): Promise<string> {
  let importId: string | undefined;
  try {
    await upload(async (items, offset) => {
      importId = (await call('aois.importStage', { importId, offset, aois: items })).importId;
    });
  } catch (err) {
    if (importId) void call('aois.importDiscard', { importId });
    throw err;
  }
  if (!importId) throw new Error('The file holds no AOI to import.');
  return importId;
}

/** Drops a staged import nobody will commit (the dialog closed, or the user changed a choice). */
export async function discardImport(importId: string): Promise<void> {
  await call('aois.importDiscard', { importId });
}

/** The AOIs, the active one, and every change as one undoable step. */
export function useAois(): AoisState {
  const [list, setList] = useState<AoiSummary[]>([]);
  const [activeId, setActiveId] = useState('');
  const [active, setActiveAoi] = useState<Aoi>();
  const [error, setError] = useState<ShownError>();
  const [version, setVersion] = useState(0);
  const [history] = useState(() => new History());

  // After every change: a failed read is shown (the list on screen stays) rather than thrown at the edit.
  const reload = useCallback(async () => {
    await loadAois().then(
      (loaded) => {
        setList(loaded.list);
        setActiveId(loaded.activeId);
        setError(undefined);
      },
      (err: unknown) => setError(errorOf(err)),
    );
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    loadAois().then(
      (loaded) => {
        if (cancelled) return;
        setList(loaded.list);
        setActiveId(loaded.activeId);
        setVersion((v) => v + 1);
      },
      (err: unknown) => !cancelled && setError(errorOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  // The active AOI's geometry, read again after every change (an edit, an undo) and when another is chosen.
  useEffect(() => {
    // No active AOI needs no read: `active` below is only the loaded one while its id is the active id.
    if (!activeId) return;
    let cancelled = false;
    call('aois.get', { id: activeId }).then(
      (aoi) => !cancelled && setActiveAoi(aoi),
      () => !cancelled && setActiveAoi(undefined),
    );
    return () => {
      cancelled = true;
    };
  }, [activeId, version]);

  const setActive = useCallback(async (id: string) => {
    setActiveId(id);
    await call('settings.set', { activeAoiId: id });
  }, []);

  const record = useCallback(
    async (label: string, undo: () => Promise<unknown>, redo: () => Promise<unknown>) => {
      history.push({ label, undo: async () => void (await undo()), redo: async () => void (await redo()) });
      await reload();
    },
    [history, reload],
  );

  const create = useCallback(
    async (name: string, geometry: unknown) => {
      const saved = await call('aois.create', { name, geometry });
      await setActive(saved.aoi.id);
      await record(`create “${name}”`, () => call('aois.remove', { id: saved.aoi.id }), () => call('aois.restore', { aoi: saved.aoi }));
      return saved;
    },
    [record, setActive],
  );

  const update = useCallback(
    async (id: string, patch: { name?: string; geometry?: unknown }, label: string) => {
      const before = await call('aois.get', { id });
      const saved = await call('aois.update', { id, ...patch });
      const previous = { name: before.name, geometry: geometryOf(before) };
      const next = { name: saved.aoi.name, geometry: geometryOf(saved.aoi) };
      await record(label, () => call('aois.update', { id, ...previous }), () => call('aois.update', { id, ...next }));
      return saved.repairs;
    },
    [record],
  );

  const rename = useCallback(async (id: string, name: string) => void (await update(id, { name }, `rename to “${name}”`)), [update]);
  const reshape = useCallback((id: string, geometry: unknown, label = 'edit shape') => update(id, { geometry }, label), [update]);

  const duplicate = useCallback(
    async (id: string) => {
      const copy = await call('aois.duplicate', { id });
      await setActive(copy.id);
      await record(`duplicate as “${copy.name}”`, () => call('aois.remove', { id: copy.id }), () => call('aois.restore', { aoi: copy }));
      return copy;
    },
    [record, setActive],
  );

  const remove = useCallback(
    async (id: string) => {
      const removed = await call('aois.remove', { id });
      await record(`delete “${removed.name}”`, () => call('aois.restore', { aoi: removed }), () => call('aois.remove', { id }));
      return removed;
    },
    [record],
  );

  const commitImport = useCallback(
    async (importId: string) => {
      const result = await call('aois.importCommit', { importId });
      const first = result.ids[0];
      if (first) await setActive(first);
      let trashId = '';
      await record(
        `import ${result.ids.length} AOI${result.ids.length === 1 ? '' : 's'}`,
        async () => (trashId = (await call('aois.removeMany', { ids: result.ids })).trashId),
        () => call('aois.restoreMany', { trashId }),
      );
      return { count: result.ids.length, repairs: result.repairs };
    },
    [record, setActive],
  );

  const importMany = useCallback(
    async (upload: (stage: (items: ImportItem[], offset: number) => Promise<void>) => Promise<void>) => commitImport(await stageImport(upload)),
    [commitImport],
  );

  const undo = useCallback(async () => {
    const label = await history.undo();
    await reload();
    return label;
  }, [history, reload]);

  const redo = useCallback(async () => {
    const label = await history.redo();
    await reload();
    return label;
  }, [history, reload]);

  // `version` changes after every reload, so the history flags below are re-read then.
  return useMemo(
    () => ({
      list,
      active: active?.id === activeId ? active : undefined,
      activeId,
      version,
      error,
      canUndo: version >= 0 && history.canUndo,
      canRedo: history.canRedo,
      undoLabel: history.nextUndoLabel(),
      redoLabel: history.nextRedoLabel(),
      setActive,
      create,
      rename,
      reshape,
      duplicate,
      remove,
      importMany,
      commitImport,
      undo,
      redo,
    }),
    [list, active, activeId, error, version, history, setActive, create, rename, reshape, duplicate, remove, importMany, commitImport, undo, redo],
  );
}
