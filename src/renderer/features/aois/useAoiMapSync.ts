import { useEffect, useState } from 'react';
import { messageOf } from '../../api/errors';
import type { AoiMapPort } from './mapPort';
import type { AoisState } from './useAois';

/** A drawn AOI's default name: the minute it was drawn (UTC), so several drawings stay apart. */
const drawnName = () => `AOI ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;

/**
 * Keeps the map and the stored AOIs in step: the map shows them (the active one highlighted) and
 * reports drawings and edits, each stored as one undoable step; an edit the store refuses is put
 * back on the map as stored. Answers the area of the shape being drawn, for the AOIs panel.
 */
export function useAoiMapSync(map: AoiMapPort | undefined, aois: AoisState, notify: (text: string) => void): number | null {
  const [sketchKm2, setSketchKm2] = useState<number | null>(null);
  const { list, activeId, create, reshape } = aois;

  useEffect(() => map?.setAois(list, activeId || null), [map, list, activeId]);
  useEffect(() => {
    if (!map) return;
    const offs = [
      map.onSketchArea(setSketchKm2),
      map.onAoiDrawn((geometry) => {
        create(drawnName(), geometry).then(
          (saved) => notify(`Created “${saved.aoi.name}”.`),
          (err: unknown) => notify(messageOf(err)),
        );
      }),
      map.onAoiEdited((id, geometry) => {
        reshape(id, geometry).catch((err: unknown) => {
          map.revertAoi(id);
          notify(messageOf(err));
        });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [map, create, reshape, notify]);

  return sketchKm2;
}
