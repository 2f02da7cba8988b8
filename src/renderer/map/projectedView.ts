import View from 'ol/View';
import { containsCoordinate, getCenter } from 'ol/extent';
import type { Extent } from 'ol/extent';
import { fromLonLat, getPointResolution, toLonLat } from 'ol/proj';
import type OlProjection from 'ol/proj/Projection';

/**
 * A new view in `projection` that keeps the old view's centre and ground scale where the new CRS
 * allows: a centre the CRS cannot show (outside its extent, or not finite) becomes the extent's
 * centre. A local CRS's view is bounded by its extent, returned too so layers can clip to it.
 */
export function viewInProjection(old: View, projection: OlProjection, fallbackLonLat: readonly [number, number]): { view: View; extent: Extent | undefined } {
  const oldProjection = old.getProjection();
  const oldCentre = old.getCenter() ?? fromLonLat(fallbackLonLat as [number, number], oldProjection);
  const metresPerPixel = getPointResolution(oldProjection, old.getResolution() ?? 1, oldCentre, 'm');
  const extent = projection.isGlobal() ? undefined : (projection.getExtent() ?? undefined);
  let centre = fromLonLat(toLonLat(oldCentre, oldProjection), projection);
  if (!centre.every(Number.isFinite) || (extent && !containsCoordinate(extent, centre))) {
    centre = extent ? getCenter(extent) : [0, 0];
  }
  const metresPerUnit = getPointResolution(projection, 1, centre, 'm') || 1;
  const view = new View({
    projection,
    center: centre,
    resolution: metresPerPixel / metresPerUnit,
    // Same finest detail as zoom 22 in Web Mercator (a few centimetres per pixel).
    minResolution: 0.03 / metresPerUnit,
    ...(extent ? { extent, showFullExtent: true } : {}),
  });
  if (projection.getCode() === 'EPSG:3857') view.setMaxZoom(22);
  return { view, extent };
}
