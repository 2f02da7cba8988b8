import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../api/workspaceStore';
import type { ArchiveSearch } from './useArchiveSearch';

export type StepId = 'source' | 'search' | 'results' | 'basket' | 'price';
export type OpenSteps = Record<StepId, boolean>;

const STEP_IDS: readonly StepId[] = ['source', 'search', 'results', 'basket', 'price'];
export const DEFAULT_OPEN: OpenSteps = { source: true, search: true, results: false, basket: false, price: false };

/** The open steps as the workspace keeps them ("search,results"); anything unknown falls back to the default. */
export function parseOpenSteps(text: string): OpenSteps {
  const names = text.split(',').filter((n): n is StepId => (STEP_IDS as readonly string[]).includes(n));
  if (names.length === 0) return DEFAULT_OPEN;
  return Object.fromEntries(STEP_IDS.map((id) => [id, names.includes(id)])) as OpenSteps;
}
export const formatOpenSteps = (open: OpenSteps): string => STEP_IDS.filter((id) => open[id]).join(',');

/**
 * The archive's part of the workspace: which steps are open, the last search (reopened from the local
 * store, so it works offline) and the selected scene whose quicklook is draped. Nothing is recorded
 * until the restore is over, so the empty panel drawn meanwhile never overwrites what was saved.
 */
export function useArchiveRestore(args: {
  search: ArchiveSearch;
  selectedId: string | null;
  select(id: string | null): void;
  open: OpenSteps;
}): { restoredSearchId: string | null } {
  const { state, patch } = useWorkspace();
  // The search to restore is read once, at mount: later writes of the workspace must not re-trigger it.
  const [saved] = useState(state.search);
  const [restoring, setRestoring] = useState(saved !== null);
  const { search, selectedId, select, open } = args;
  const { reopen } = search;

  // Once per mount: a later change of `reopen` or `select` (the map arriving) must not reopen the
  // saved search over one the user has run since.
  const started = useRef(false);
  const selectRef = useRef(select);
  useEffect(() => {
    selectRef.current = select;
  }, [select]);
  useEffect(() => {
    const target = saved;
    if (!target || started.current) return;
    started.current = true;
    void reopen(target.searchId).then((found) => {
      if (found && target.selectedSceneId) selectRef.current(target.selectedSceneId);
      setRestoring(false);
    });
  }, [saved, reopen]);

  const searchId = search.results?.search.searchId ?? null;
  useEffect(() => {
    if (restoring) return;
    patch({ search: searchId ? { searchId, selectedSceneId: selectedId, quicklookSceneIds: selectedId ? [selectedId] : [] } : null });
  }, [restoring, searchId, selectedId, patch]);

  useEffect(() => {
    patch({ step: formatOpenSteps(open) });
  }, [open, patch]);

  return { restoredSearchId: saved?.searchId ?? null };
}
