import type { Position } from 'geojson';
import { unwrapLongitudes } from './antimeridian';

/**
 * Bounding boxes in lon/lat degrees that stay one piece across the antimeridian: a box always has
 * west < east (or equal), with -180 <= west, and a box crossing ±180 extends east beyond 180
 * (Fiji is about west 177, east 182). Longitudes are made continuous the way `splitAtAntimeridian`
 * reads them (every edge the short way round), so the box is that of the shape as drawn.
 */

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * The box of positions whose longitudes are already continuous (unwrapped), shifted one turn east
 * when its west edge is beyond -180. Empty input gives an empty box (west and south at +Infinity).
 */
export function bboxOfPositions(positions: Iterable<Position>): Bbox {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const p of positions) {
    const lon = p[0] as number;
    const lat = p[1] as number;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  if (west < -180) {
    west += 360;
    east += 360;
  }
  return { west, south, east, north };
}

/** The box of polygons' shells (holes lie inside them), each shell unwrapped across the antimeridian. */
export function bboxOfPolygons(polygons: Position[][][]): Bbox {
  return bboxOfPositions(polygons.flatMap((rings) => unwrapLongitudes(rings[0] ?? [])));
}

/** The centre of a box, its longitude folded back into [-180, 180]. */
export function bboxCentre(b: Bbox): [number, number] {
  let lon = (b.west + b.east) / 2;
  if (lon > 180) lon -= 360;
  return [lon, (b.south + b.north) / 2];
}

/** Whether two boxes share a point, either of them possibly extending beyond ±180. */
export function bboxesIntersect(a: Bbox, b: Bbox): boolean {
  if (a.south > b.north || a.north < b.south) return false;
  // Plain comparisons, no closures: searches test every candidate scene's box.
  return (
    (a.west <= b.east && a.east >= b.west) ||
    (a.west + 360 <= b.east && a.east + 360 >= b.west) ||
    (a.west - 360 <= b.east && a.east - 360 >= b.west)
  );
}
