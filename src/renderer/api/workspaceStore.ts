import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { EMPTY_WORKSPACE, type Workspace, type WorkspaceState } from '../../shared/domain/workspace';
import { call } from './client';
import { messageOf } from './errors';

/** How long edits settle before they are written: a drag or a zoom animation is one write, not fifty. */
export const SAVE_DELAY_MS = 600;

export interface WorkspaceStore {
  /** False until the current workspace was read at start; restore nothing before that. */
  loaded: boolean;
  /** The workspace being written (its id changes when another one is opened). */
  id: string;
  name: string;
  state: WorkspaceState;
  /** Merges a patch into the state and schedules the write (debounced, off the frame). */
  patch(patch: Partial<WorkspaceState>): void;
  /**
   * Takes over another workspace. `remount` (after open or import): every section restores from its
   * state, as at start; without it (save as) only the name and id change, nothing is redrawn.
   */
  adopt(workspace: Workspace, opts?: { remount?: boolean }): void;
  /** Writes what is pending now; await it before main switches the current workspace. */
  flush(): Promise<void>;
  /** Changes with every remount: App keys the desk with it. */
  generation: number;
  /** The last write's failure, if it failed (the user keeps working; the next edit retries). */
  saveError: string | null;
}

export const WorkspaceContext = createContext<WorkspaceStore | null>(null);

/** For any section or the map: the workspace state to restore from, and `patch` to record changes. */
export function useWorkspace(): WorkspaceStore {
  const store = useContext(WorkspaceContext);
  if (!store) throw new Error('useWorkspace needs a WorkspaceContext provider (App provides it).');
  return store;
}

/**
 * The store behind the context, made once by App: reads the current workspace at start, then writes
 * the state as the user works. Writes are debounced and skipped when nothing changed; JSON of this
 * size costs microseconds, so saving never holds a frame.
 */
export function useWorkspaceStore(): WorkspaceStore {
  const [loaded, setLoaded] = useState(false);
  const [meta, setMeta] = useState({ id: '', name: '' });
  const [state, setState] = useState<WorkspaceState>(EMPTY_WORKSPACE);
  const [saveError, setSaveError] = useState<string | null>(null);
  const latest = useRef<WorkspaceState>(EMPTY_WORKSPACE);
  const written = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const text = JSON.stringify(latest.current);
    if (text === written.current) return;
    written.current = text;
    try {
      await call('workspace.save', { state: latest.current });
      setSaveError(null);
    } catch (err) {
      written.current = '';
      setSaveError(messageOf(err));
    }
  }, []);

  const [generation, setGeneration] = useState(0);
  const adopt = useCallback((workspace: Workspace, opts: { remount?: boolean } = {}) => {
    clearTimeout(timer.current);
    latest.current = workspace.state;
    written.current = JSON.stringify(workspace.state);
    setMeta({ id: workspace.id, name: workspace.name });
    setState(workspace.state);
    if (opts.remount) setGeneration((g) => g + 1);
    setLoaded(true);
  }, []);

  useEffect(() => {
    call('workspace.current', {}).then((w) => adopt(w), (err: unknown) => {
      // Without the stored workspace the app still opens, at the defaults.
      setSaveError(messageOf(err));
      setLoaded(true);
    });
  }, [adopt]);

  // Leaving (closing the window, reloading) writes what is pending rather than dropping it.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  const patch = useCallback(
    (p: Partial<WorkspaceState>) => {
      const next = { ...latest.current, ...p };
      if (JSON.stringify(next) === JSON.stringify(latest.current)) return;
      latest.current = next;
      setState(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  return useMemo(
    () => ({ loaded, id: meta.id, name: meta.name, state, patch, adopt, flush, generation, saveError }),
    [loaded, meta, state, patch, adopt, flush, generation, saveError],
  );
}
