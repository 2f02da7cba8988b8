import type { ProjectionLike } from 'ol/proj';
import { get as getProjection } from 'ol/proj';

/**
 * Metres per CRS unit, so that zoom-dependent rules (which Natural Earth scale, which place names)
 * are written once in ground metres per pixel and hold in any CRS: a view in EPSG:4326 (degrees) or
 * a local CRS has zoom levels of its own that do not match Web Mercator's.
 */
export function metresPerUnit(projection: ProjectionLike): number {
  return getProjection(projection)?.getMetersPerUnit() ?? 1;
}
