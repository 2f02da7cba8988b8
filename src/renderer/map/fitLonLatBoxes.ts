import type OlMap from 'ol/Map';
import { getCenter } from 'ol/extent';
import type { Extent } from 'ol/extent';
import { getPointResolution, transformExtent } from 'ol/proj';
import { coveringBbox, minFitResolution, unwrapBbox } from './footprintExtent';
import type { LonLatBbox } from './projectionExtent';

const FIT_PADDING = [64, 64, 64, 64];

/**
 * Fits the view to lon/lat boxes (the short way round the globe), with padding, never closer than a
 * city-wide view (footprintExtent's MIN_FIT_GROUND_M_PER_PX). Immediate by default: image-mode layers
 * are not redrawn while the view animates, so an animated fit would keep new footprints off the map
 * meanwhile; `durationMs` animates where the layers are already drawn (the archive's zoom to a scene).
 */
export function fitLonLatBoxes(map: OlMap, boxes: readonly LonLatBbox[], durationMs?: number): void {
  const box = coveringBbox(boxes.map(unwrapBbox));
  if (!box) return;
  const view = map.getView();
  const projection = view.getProjection();
  const extent: Extent = transformExtent(box, 'EPSG:4326', projection, 8);
  if (!extent.every(Number.isFinite)) return;
  const metresPerUnit = getPointResolution(projection, 1, getCenter(extent), 'm');
  view.fit(extent, { padding: FIT_PADDING, minResolution: minFitResolution(metresPerUnit, view.getMinResolution()), ...(durationMs ? { duration: durationMs } : {}) });
}
