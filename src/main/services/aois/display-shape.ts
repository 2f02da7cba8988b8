import type { MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

/**
 * A ring with its vertices closer than `tolerance` (degrees, about a pixel of the view) to the last
 * one kept left out, for drawing only: the map shows thousands of AOIs at once and a vertex it cannot
 * show costs transfer and drawing all the same. A ring that would fall under a triangle keeps three of
 * its vertices, so even a sub-pixel AOI stays visible; a hole that small goes.
 */
export function thinRing(ring: Ring, tolerance: number, isHole: boolean): Ring | null {
  if (tolerance <= 0 || ring.length <= 4) return ring;
  const t2 = tolerance * tolerance;
  const kept: Ring = [ring[0] as Position];
  let last = ring[0] as Position;
  for (let i = 1; i < ring.length - 1; i++) {
    const p = ring[i] as Position;
    const dx = (p[0] as number) - (last[0] as number);
    const dy = (p[1] as number) - (last[1] as number);
    if (dx * dx + dy * dy >= t2) {
      kept.push(p);
      last = p;
    }
  }
  if (kept.length >= 3) return [...kept, ring[0] as Position];
  if (isHole) return null;
  const third = Math.floor((ring.length - 1) / 3);
  return [ring[0] as Position, ring[third] as Position, ring[2 * third] as Position, ring[0] as Position];
}

/** The geometry as drawn at a view's scale (see thinRing); type and part count are kept. */
export function displayShape(geometry: Polygon | MultiPolygon, tolerance: number): Polygon | MultiPolygon {
  const thinPolygon = (rings: Ring[]): Ring[] => rings.map((ring, i) => thinRing(ring, tolerance, i > 0)).filter((r): r is Ring => r !== null);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: thinPolygon(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(thinPolygon) };
}

/**
 * The box of a stored geometry (valid, split at the antimeridian), in one pass over its shells: a
 * MultiPolygon touching both -180 and 180 is read east of 180 (Fiji: [177, -19, 182, -16]) when that
 * makes it narrower, so the map finds it in the views that show it, not in every view of its latitudes.
 */
export function storedBox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const shells = geometry.type === 'Polygon' ? [geometry.coordinates[0] ?? []] : geometry.coordinates.map((p) => p[0] ?? []);
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  let shiftedWest = Infinity;
  let shiftedEast = -Infinity;
  for (const ring of shells) {
    for (const p of ring) {
      const lon = p[0] as number;
      const lat = p[1] as number;
      if (lon < west) west = lon;
      if (lon > east) east = lon;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      const shifted = lon < 0 ? lon + 360 : lon;
      if (shifted < shiftedWest) shiftedWest = shifted;
      if (shifted > shiftedEast) shiftedEast = shifted;
    }
  }
  const split = geometry.type === 'MultiPolygon' && west === -180 && east === 180;
  return split && shiftedEast - shiftedWest < 180 ? [shiftedWest, south, shiftedEast, north] : [west, south, east, north];
}
