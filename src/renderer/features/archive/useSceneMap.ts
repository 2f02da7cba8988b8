import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ListedScene } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import type { ArchiveMapPort, FootprintItem } from '../../map/archivePort';
import type { LoadedResults } from './results';
import { footprintLabel } from './sceneText';

export type QuicklookState = { sceneId: string; status: 'shown'; cached: boolean } | { sceneId: string; status: 'error'; error: ShownError };

/**
 * Hover and selection shared by the list and the map: the state lives here (one source of truth),
 * the map is told through the port and reports its own hovers/clicks back. Selecting a scene fetches
 * its quicklook through main and drapes it on the footprint.
 */
export function useSceneMap(
  map: ArchiveMapPort | undefined,
  results: LoadedResults | null,
  basketIds: readonly string[],
  /** A search restored with the workspace: the view it was left at is restored too, so it is not refitted. */
  restoredSearchId: string | null = null,
) {
  const scenes = useMemo(() => results?.scenes ?? [], [results]);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [quicklook, setQuicklook] = useState<QuicklookState | null>(null);
  // A selection from an earlier search is dropped by derivation rather than by an effect.
  const selected: ListedScene | undefined = chosenId ? scenes.find((s) => s.id === chosenId) : undefined;
  const selectedId = selected?.id ?? null;
  const searchId = selected && results ? (results.searchOf[selected.id] ?? results.search.searchId) : null;

  const items = useMemo<FootprintItem[]>(() => scenes.map((s) => ({ id: s.id, footprint: s.footprint, cloudCover: s.cloudCover, label: footprintLabel(s) })), [scenes]);
  // In the commit itself, not after paint: thousands of footprints are what the map is waiting for.
  useLayoutEffect(() => map?.setFootprints(items), [map, items]);
  // Fit once per search (not per appended page, which would yank the view while browsing).
  const firstSearch = results?.search.searchId;
  // Coming back to the section shows the same search again: the view the user left is kept.
  const fitted = useRef<string | undefined>(restoredSearchId ?? undefined);
  useEffect(() => {
    if (!firstSearch || fitted.current === firstSearch) return;
    fitted.current = firstSearch;
    map?.zoomToFootprints();
  }, [map, firstSearch]);
  useEffect(() => map?.setHighlighted(hoveredId), [map, hoveredId]);
  useEffect(() => map?.setSelected(selectedId), [map, selectedId]);
  useEffect(() => map?.setBasket([...basketIds]), [map, basketIds]);
  // Leaving the section takes the footprints and the draped quicklook off the map with it.
  useEffect(
    () => () => {
      map?.setFootprints([]);
      map?.showQuicklook(null);
    },
    [map],
  );

  const select = useCallback(
    (id: string | null, zoom = false) => {
      setChosenId(id);
      if (zoom && id) map?.setSelected(id, { zoom: true });
    },
    [map],
  );

  useEffect(() => {
    if (!map) return;
    const offs = [map.onFootprintHover(setHoveredId), map.onFootprintClick((id) => setChosenId(id))];
    return () => offs.forEach((off) => off());
  }, [map]);

  useEffect(() => {
    if (!selected || !searchId) {
      map?.showQuicklook(null);
      return;
    }
    let cancelled = false;
    const { id, footprint } = selected;
    call('archive.quicklook', { searchId, sceneId: id }).then(
      (q) => {
        if (cancelled) return;
        map?.showQuicklook({ id, dataUrl: q.dataUrl, footprint });
        setQuicklook({ sceneId: id, status: 'shown', cached: q.cached });
      },
      (err: unknown) => {
        if (cancelled) return;
        map?.showQuicklook(null);
        setQuicklook({ sceneId: id, status: 'error', error: errorOf(err) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [map, selected, searchId]);

  const shownQuicklook = quicklook && quicklook.sceneId === selectedId ? quicklook : null;
  return { scenes, hoveredId, setHoveredId, selected, selectedId, selectedSearchId: searchId, select, quicklook: shownQuicklook, quicklookLoading: !!selected && !shownQuicklook };
}
