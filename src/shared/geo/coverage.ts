import type { MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import type { MultiPolygon as ClipMultiPolygon, Pair } from 'polygon-clipping';
import { geodesicAreaKm2 } from './area';

/**
 * The share (0..1) of an AOI that a scene footprint covers, by geodesic area. The intersection is
 * planar in lon/lat, which for footprints of tens of kilometres is within a fraction of a percent of
 * the geodesic one. A footprint crossing the antimeridian is unwrapped east of it and compared with
 * the AOI both where it is and shifted by 360°, so AOIs stored split at ±180° are counted whole.
 */
export function aoiCoverage(aoi: Polygon | MultiPolygon, footprint: Polygon): number {
  const aoiKm2 = geodesicAreaKm2(aoi);
  if (!(aoiKm2 > 0)) return 0;
  let coveredKm2 = 0;
  for (const overlap of overlapsByFrame(aoi, footprint)) {
    if (overlap.length > 0) coveredKm2 += geodesicAreaKm2({ type: 'MultiPolygon', coordinates: overlap });
  }
  return Math.min(1, coveredKm2 / aoiKm2);
}

/**
 * The part of an AOI inside a scene footprint, as `aoiCoverage` measures it (same planar
 * intersection, same antimeridian handling: pieces matched east of ±180 keep longitudes above 180).
 */
export function aoiOverlap(aoi: Polygon | MultiPolygon, footprint: Polygon): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: overlapsByFrame(aoi, footprint).flat() };
}

/** The AOI ∩ footprint, once per frame the footprint is compared in (the AOI as is, and shifted 360° east). */
function overlapsByFrame(aoi: Polygon | MultiPolygon, footprint: Polygon): ClipMultiPolygon[] {
  const ring = unwrap(footprint.coordinates[0] ?? []);
  if (ring.length < 4) return [];
  const aoiParts = toClip(aoi);
  const shifted = aoiParts.map((polygon) => polygon.map((r) => r.map(([x, y]) => [x + 360, y] as Pair)));
  return (ring.some(([x]) => x > 180) ? [aoiParts, shifted] : [aoiParts]).map((frame) => polygonClipping.intersection(frame, [ring]));
}

function toClip(geometry: Polygon | MultiPolygon): ClipMultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon.map((r) => r.map(pair)));
}

const pair = (p: Position): Pair => [p[0] ?? 0, p[1] ?? 0];

/** A ring whose longitudes jump by more than 180° crosses the antimeridian: move its west part east. */
function unwrap(ring: Position[]): Pair[] {
  const pairs = ring.map(pair);
  const lons = pairs.map(([x]) => x);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return pairs;
  return pairs.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
}
