import { useEffect, useRef } from 'react';
import { useWorkspace } from '../../api/workspaceStore';

/** An "active item" list as the accounts and AOI hooks expose it. */
interface ActiveList {
  list: readonly { id: string }[];
  activeId: string;
  setActive(id: string): Promise<void>;
}

/**
 * The active account and AOI of the workspace. Settings keep them live for main; the workspace keeps
 * them per workspace, so opening one brings its own back. Applied once per mount when the list has
 * loaded (an item removed since is skipped), then every change is recorded.
 */
export function useActiveRestore(kind: 'accountId' | 'aoiId', items: ActiveList): void {
  const { state, patch } = useWorkspace();
  const wanted = useRef(state[kind]);
  const applied = useRef(false);
  const { list, activeId, setActive } = items;

  useEffect(() => {
    if (applied.current || list.length === 0) return;
    applied.current = true;
    const id = wanted.current;
    if (id && id !== activeId && list.some((item) => item.id === id)) void setActive(id);
  }, [list, activeId, setActive]);

  useEffect(() => {
    if (applied.current && activeId) patch({ [kind]: activeId });
  }, [kind, activeId, patch]);
}
