import type OlMap from 'ol/Map';
import { transformExtent } from 'ol/proj';
import type { AoiBox } from '../../shared/domain/aoi';

/**
 * The map's view as main's AOI query wants it: a lon/lat box, one piece (west in [-180, 180), east
 * beyond 180 when the view crosses the antimeridian, the whole world when it shows more than a turn),
 * and the degrees a pixel spans across it (the thinning tolerance). Null before the first render.
 */
export function lonLatView(map: OlMap): { box: AoiBox; degreesPerPixel: number } | null {
  const size = map.getSize();
  const view = map.getView();
  if (!size || !size[0] || !size[1] || !view.isDef()) return null;
  const [w = 0, s = 0, e = 0, n = 0] = transformExtent(view.calculateExtent(size), view.getProjection(), 'EPSG:4326', 8);
  if (![w, s, e, n].every(Number.isFinite)) return null;
  const south = Math.max(-90, s);
  const north = Math.min(90, n);
  const degreesPerPixel = Math.max((e - w) / size[0], (north - south) / size[1]);
  if (e - w >= 360) return { box: [-180, south, 180, north], degreesPerPixel };
  const turns = Math.floor((w + 180) / 360);
  return { box: [w - 360 * turns, south, e - 360 * turns, north], degreesPerPixel };
}
