import { useEffect, useRef, useState } from 'react';
import type { ProjectionInfo } from '../../../shared/domain/projection';
import type { MapViewState } from '../../../shared/domain/workspace';
import { call } from '../../api/client';
import { useWorkspace } from '../../api/workspaceStore';
import { BUILTIN_PROJECTIONS, isBuiltinCode } from '../../map/projections';

/** What this hook needs of the map (MapController provides it). */
export interface MapViewPort {
  getViewState(): MapViewState | null;
  setViewState(state: Pick<MapViewState, 'center' | 'zoom' | 'rotation'>): void;
  onViewChange(listener: () => void): () => void;
}

async function projectionFor(code: number): Promise<ProjectionInfo | null> {
  if (isBuiltinCode(code)) return BUILTIN_PROJECTIONS[code];
  const [info] = await call('projections.lookup', { codes: [code] });
  return info && !info.unavailable ? info : null;
}

/**
 * Puts the map back where the workspace left it (CRS first, then centre, zoom and rotation), then
 * records every settled view change. Recording starts only after the restore, so the default world
 * view drawn while restoring never overwrites the saved one.
 */
export function useViewRestore(map: MapViewPort | undefined, changeProjection: (info: ProjectionInfo) => void): void {
  const workspace = useWorkspace();
  const { loaded, patch } = workspace;
  const saved = useRef(workspace.state.view);
  const restoredFor = useRef<MapViewPort | null>(null);
  const [recording, setRecording] = useState<MapViewPort | null>(null);
  const changeRef = useRef(changeProjection);
  useEffect(() => {
    changeRef.current = changeProjection;
  }, [changeProjection]);

  useEffect(() => {
    if (!map || !loaded || restoredFor.current === map) return;
    restoredFor.current = map;
    const view = saved.current;
    const restore = async () => {
      if (view) {
        const info = view.projection === 3857 ? null : await projectionFor(view.projection).catch(() => null);
        if (restoredFor.current !== map) return;
        if (info) changeRef.current(info);
        map.setViewState(view);
      }
      setRecording(map);
    };
    void restore();
  }, [map, loaded]);

  useEffect(() => {
    if (!recording) return;
    return recording.onViewChange(() => {
      const view = recording.getViewState();
      if (view) patch({ view });
    });
  }, [recording, patch]);
}
