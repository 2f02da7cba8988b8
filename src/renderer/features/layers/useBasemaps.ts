import { useCallback, useEffect, useState } from 'react';
import type { BasemapSource } from '../../../shared/domain/basemaps';
import { OFFLINE_BASEMAP_ID } from '../../../shared/domain/basemaps';
import type { BasemapAddSchema } from '../../../shared/ipc/contract/basemaps';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { useWorkspace } from '../../api/workspaceStore';
import type { BasemapChoice } from '../../map/MapController';
import type { z } from 'zod';

export type BasemapAdd = z.input<typeof BasemapAddSchema>;

const isOnline = (s: BasemapSource) => s.kind === 'xyz' || s.kind === 'wmts';

/** The map's view of a stored source: online tiles by URL, local ones through the tile channel. */
export function choiceOf(source: BasemapSource | undefined): BasemapChoice {
  if (!source) return { kind: 'offline', id: OFFLINE_BASEMAP_ID };
  if (isOnline(source)) return { kind: 'online', id: source.id, template: source.template ?? '', attribution: source.attribution, maxZoom: source.maxZoom };
  return {
    kind: 'local',
    id: source.id,
    attribution: source.attribution,
    minZoom: source.minZoom,
    maxZoom: source.maxZoom,
    fetchTile: (z, x, y) => call('basemaps.tile', { sourceId: source.id, z, x, y }),
  };
}

/**
 * A browser applies the CSP its page was loaded with and nothing can widen it afterwards, so after
 * an online source is added (its origin allowed) or removed (no longer allowed) the page is reloaded
 * under the new policy. The workspace is written first; it restores the view, the section and the
 * layers (with the new basemap chosen) exactly as after a restart.
 */
async function reloadForCsp(flush: () => Promise<void>): Promise<void> {
  await flush();
  window.location.reload();
}

/** The stored basemaps, the chosen one (from the workspace), and the add/remove actions. */
export function useBasemaps() {
  const { state, patch, flush } = useWorkspace();
  const [sources, setSources] = useState<BasemapSource[] | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('basemaps.list', {}).then(setSources, (err: unknown) => {
      setSources([]);
      setError(errorOf(err));
    });
  }, []);

  const chosen = sources?.find((s) => s.id === state.basemap);
  const choose = useCallback((id: string) => patch({ basemap: id }), [patch]);

  const add = useCallback(
    async (request: BasemapAdd): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const added = await call('basemaps.add', request);
        patch({ basemap: added.id });
        if (isOnline(added)) await reloadForCsp(flush);
        else setSources((list) => [...(list ?? []), added]);
        return true;
      } catch (err) {
        setError(errorOf(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [patch, flush],
  );

  const remove = useCallback(
    async (source: BasemapSource) => {
      setError(null);
      try {
        await call('basemaps.remove', { id: source.id });
        if (state.basemap === source.id) patch({ basemap: OFFLINE_BASEMAP_ID });
        if (isOnline(source)) await reloadForCsp(flush);
        else setSources((list) => (list ?? []).filter((s) => s.id !== source.id));
      } catch (err) {
        setError(errorOf(err));
      }
    },
    [patch, flush, state.basemap],
  );

  return { sources, chosen, chosenId: chosen ? chosen.id : OFFLINE_BASEMAP_ID, choose, add, remove, error, busy };
}
export type Basemaps = ReturnType<typeof useBasemaps>;
