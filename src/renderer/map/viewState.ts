import type OlMap from 'ol/Map';
import { fromLonLat, toLonLat } from 'ol/proj';
import type { MapViewState } from '../../shared/domain/workspace';

/** The view as the workspace keeps it: centre in lon/lat whatever the CRS, so it survives a CRS change. */
export function readViewState(map: OlMap, projectionCode: number): MapViewState | null {
  const view = map.getView();
  const centre = view.getCenter();
  const zoom = view.getZoom();
  if (!centre || zoom === undefined || !Number.isFinite(zoom)) return null;
  const [lon, lat] = toLonLat(centre, view.getProjection());
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  const round = (v: number, digits: number) => Number(v.toFixed(digits));
  return {
    // Eight decimals is about a millimetre: enough to come back to the same pixel, short to store.
    center: [round(lon as number, 8), round(lat as number, 8)],
    zoom: round(zoom, 4),
    rotation: round(view.getRotation(), 6),
    projection: projectionCode,
  };
}

/** Puts the view back (in the CRS the map is in now); a centre outside that CRS is left alone. */
export function applyViewState(map: OlMap, state: Pick<MapViewState, 'center' | 'zoom' | 'rotation'>): void {
  const view = map.getView();
  const centre = fromLonLat(state.center, view.getProjection());
  if (centre.every(Number.isFinite)) view.setCenter(centre);
  view.setZoom(state.zoom);
  view.setRotation(state.rotation);
}
