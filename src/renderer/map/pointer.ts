import { containsCoordinate } from 'ol/extent';
import { fromLonLat, toLonLat } from 'ol/proj';
import type OlProjection from 'ol/proj/Projection';
import type { ProjectionInfo } from '../../shared/domain/projection';

/** A position under the pointer, in EPSG:4326 degrees (longitude normalized to [-180, 180]). */
export interface LonLat {
  lon: number;
  lat: number;
}

/** The pointer in the view's CRS as well as in lon/lat. */
export interface ProjectedPointer extends LonLat {
  /** EPSG code of the view. */
  code: number;
  units: ProjectionInfo['units'];
  /** Easting/northing (or lon/lat for a geographic CRS) in the view's CRS; one world copy only. */
  x: number;
  y: number;
}

const MAX_MERCATOR_LAT = 85.0511287798;

/** What the readout shows for a view coordinate, or null where there is no map (background, void). */
export function pointerAt(coordinate: number[], projection: OlProjection, info: ProjectionInfo): ProjectedPointer | null {
  const [lon, lat] = toLonLat(coordinate, projection);
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  // Above or below the Mercator square there is no map, only background.
  if (info.code === 3857 && !(Math.abs(lat) <= MAX_MERCATOR_LAT)) return null;
  if (Math.abs(lat) > 90) return null;
  const extent = projection.getExtent();
  if (!projection.isGlobal() && extent && !containsCoordinate(extent, coordinate)) return null;
  // On a wrapped world the pointer may be over a copy; report the coordinates of the real one.
  const [x = NaN, y = NaN] = projection.isGlobal() ? fromLonLat([lon, lat], projection) : coordinate;
  return { lon, lat, x, y, code: info.code, units: info.units };
}
