import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { AoiMapPort } from './mapPort';
import type { AoisState } from './useAois';

/**
 * AOIs drawn at once besides the active one: the largest in the view. More would not be told apart at
 * that scale and would cost every frame; zooming in brings the others.
 */
export const MAP_AOI_LIMIT = 800;

/** A drawn AOI's default name: the minute it was drawn (UTC), so several drawings stay apart. */
const drawnName = () => `AOI ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;

/**
 * Keeps the map and the stored AOIs in step: the map shows them (the active one highlighted) and
 * reports drawings and edits, each stored as one undoable step; an edit the store refuses is put
 * back on the map as stored. Answers the area of the shape being drawn, for the AOIs panel.
 */
export function useAoiMapSync(map: AoiMapPort | undefined, aois: AoisState, notify: (text: string) => void): number | null {
  const [sketchKm2, setSketchKm2] = useState<number | null>(null);
  const { list, active, activeId, version, create, reshape } = aois;

  useEffect(() => map?.setAois(list, active ?? null), [map, list, active]);
  // The others in the view, asked again when the view settles or an AOI changed; a late answer for an
  // older view is dropped.
  useEffect(() => {
    if (!map) return;
    let asked = 0;
    const show = () => {
      const view = map.getAoiView();
      if (!view) return;
      const seq = ++asked;
      const tolerance = view.degreesPerPixel;
      call('aois.inView', { box: view.box, tolerance, limit: MAP_AOI_LIMIT, exclude: activeId || undefined }).then(
        (found) => seq === asked && map.setAoiShapes(found.items, tolerance),
        // The map keeps what it shows; the panel reports failures of the store.
        () => undefined,
      );
    };
    show();
    const off = map.onViewChange(show);
    return () => {
      asked = -1;
      off();
    };
  }, [map, activeId, version]);
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
