import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Tasking, TaskingSegment } from '../../../../shared/domain/tasking';
import type { SegmentItem, TaskingMapPort } from '../../../map/taskingPort';
import { segmentTooltip } from './taskingText';

/**
 * The followed tasking on the map: its AOI and its segments' footprints, with hover and selection
 * shared by the list and the map (the state lives here; the map is told through the port and reports
 * its own hovers and clicks back). Hidden view or no tasking: the layers leave the map.
 */
export function useSegmentsOnMap(args: {
  map: TaskingMapPort | undefined;
  active: boolean;
  tasking: Tasking | undefined;
  segments: readonly TaskingSegment[];
  /** The tasking followed when the view mounted (restored with the workspace): not zoomed to. */
  restoredId: string | null;
  /** Called when the map's click selects a segment (the list scrolls to it). */
  onMapSelect?: (id: string) => void;
}) {
  const { map, active, tasking, segments } = args;
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  // A segment of another tasking (or gone) is not selected: derived, not reset by an effect.
  const selectedId = chosenId && segments.some((s) => s.id === chosenId) ? chosenId : null;

  const items = useMemo<SegmentItem[]>(
    () => segments.flatMap((s) => (s.footprint ? [{ id: s.id, footprint: s.footprint, status: s.status, label: segmentTooltip(s) }] : [])),
    [segments],
  );
  // The AOI by value: every refresh parses a new object for the same polygon.
  const aoiKey = tasking?.aoi ? JSON.stringify(tasking.aoi) : null;
  const aoi = useMemo(() => (aoiKey ? (JSON.parse(aoiKey) as NonNullable<Tasking['aoi']>) : null), [aoiKey]);
  const shown = active && !!tasking;

  const hoveredRef = useRef(hoveredId);
  const selectedRef = useRef(selectedId);
  useEffect(() => {
    hoveredRef.current = hoveredId;
    selectedRef.current = selectedId;
  }, [hoveredId, selectedId]);

  useEffect(() => {
    if (!map) return;
    if (!shown) {
      map.setTaskingSegments(null, []);
      return;
    }
    map.setTaskingSegments(aoi, items);
    // New features: the highlight and the selection are drawn on them again.
    map.setSegmentHighlighted(hoveredRef.current);
    map.setSegmentSelected(selectedRef.current);
  }, [map, shown, aoi, items]);
  useEffect(() => {
    if (shown) map?.setSegmentHighlighted(hoveredId);
  }, [map, shown, hoveredId]);
  useEffect(() => {
    if (shown) map?.setSegmentSelected(selectedId);
  }, [map, shown, selectedId]);
  // Unmounting (the panel closed) takes the layers with it.
  useEffect(() => () => map?.setTaskingSegments(null, []), [map]);

  const onMapSelect = args.onMapSelect;
  const onMapSelectRef = useRef(onMapSelect);
  useEffect(() => {
    onMapSelectRef.current = onMapSelect;
  }, [onMapSelect]);
  useEffect(() => {
    if (!map || !shown) return;
    const offs = [
      map.onSegmentHover(setHoveredId),
      map.onSegmentClick((id) => {
        setChosenId(id);
        onMapSelectRef.current?.(id);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [map, shown]);

  // A tasking opened (by the user, or just ordered) brings the view to it once; the one restored with
  // the workspace keeps the view restored with it.
  const taskingId = tasking?.id ?? null;
  const zoomed = useRef<string | null>(args.restoredId);
  useEffect(() => {
    if (!map || !shown || !taskingId || zoomed.current === taskingId) return;
    zoomed.current = taskingId;
    map.zoomToTasking();
  }, [map, shown, taskingId]);

  const select = useCallback(
    (id: string | null, zoom = false) => {
      setChosenId(id);
      if (zoom && id) map?.setSegmentSelected(id, { zoom: true });
    },
    [map],
  );

  return { hoveredId, setHoveredId, selectedId, select, zoomToTasking: useCallback(() => map?.zoomToTasking(), [map]) };
}
