import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { Attempt, AttemptSet } from '../../../shared/domain/tasking';
import type { AttemptItem, TaskingMapPort } from '../../map/taskingPort';
import { formatAngle, formatUtc } from '../../ui/format';

export const attemptLabel = (a: Attempt) => `${a.satellite} · ${formatUtc(a.acquisitionStart)} · ${formatAngle(a.incidenceAngle)}`;

/**
 * The attempts on the map and the one hover/selection state the list and the map share: the list pushes
 * it in, the map reports its own, and both draw from here. `now` is a coarse clock: an attempt turns
 * expired on the map within seconds of its deadline without redrawing the layer every second.
 */
export function useAttemptsOnMap(map: TaskingMapPort | undefined, active: boolean, set: AttemptSet | null, now: number) {
  const [hovered, setHoveredId] = useState<string | null>(null);
  const [selected, setSelectedId] = useState<string | null>(null);
  const attempts = useMemo(() => set?.attempts ?? [], [set]);
  // Attempt ids are unique per answer, so a new answer clears hover and selection by itself.
  const hoveredId = hovered && attempts.some((a) => a.id === hovered) ? hovered : null;
  const selectedId = selected && attempts.some((a) => a.id === selected) ? selected : null;
  const expiredKey = attempts.map((a) => (Date.parse(a.orderDeadline) <= now ? '1' : '0')).join('');

  const items = useMemo<AttemptItem[]>(
    () => attempts.map((a, i) => ({ id: a.id, footprint: a.footprint, incidenceAngle: a.incidenceAngle, expired: expiredKey[i] === '1', label: attemptLabel(a) })),
    [attempts, expiredKey],
  );
  const shown = active && map ? items : null;
  // Before paint, in the same task as the list's commit: the map starts drawing as the list appears.
  useLayoutEffect(() => {
    if (!map) return;
    map.setAttempts(shown ?? []);
  }, [map, shown]);
  // A new answer is looked at as a whole: fit the view to it once.
  useEffect(() => {
    if (map && active && attempts.length > 0) map.zoomToTasking();
  }, [map, active, attempts]);

  useEffect(() => map?.setAttemptHighlighted(active ? hoveredId : null), [map, active, hoveredId]);
  useEffect(() => map?.setAttemptSelected(active ? selectedId : null), [map, active, selectedId]);
  const select = useCallback(
    (id: string | null, zoom = false) => {
      setSelectedId(id);
      if (zoom && id) map?.setAttemptSelected(id, { zoom: true });
    },
    [map],
  );
  useEffect(() => {
    if (!map || !active) return;
    const offs = [
      map.onAttemptHover(setHoveredId),
      map.onAttemptClick((id) => {
        setSelectedId(id);
        document.getElementById(`attempt-${id}`)?.scrollIntoView({ block: 'nearest' });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [map, active]);

  return { attempts, hoveredId, setHoveredId, selectedId, select };
}
export type AttemptsLink = ReturnType<typeof useAttemptsOnMap>;
