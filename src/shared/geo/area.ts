import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Geodesic area on the WGS84 ellipsoid.
 *
 * Method: map each vertex to the authalic sphere (same total area as the ellipsoid, radius Rq, with
 * geodetic latitude φ replaced by the authalic latitude β, an equal-area mapping) and sum, edge by
 * edge, the exact spherical excess of the quadrilateral between the edge and the equator
 * (tan(E/2) = tan(Δλ/2)·(tan(β₁/2) + tan(β₂/2)) / (1 + tan(β₁/2)·tan(β₂/2)), the form
 * GeographicLib uses for its spherical polygons). Because the mapping is equal-area, the only
 * approximation is the shape of each edge: a great circle on the authalic sphere instead of a
 * geodesic on the ellipsoid. The two differ by O(f · L²) in position for an edge of length L, which
 * is far below 0.1% of the area for any AOI whose edges are shorter than a few hundred kilometres,
 * i.e. every drawn, imported or provider footprint we handle; Karney's full ellipsoidal series would
 * buy nothing measurable here at five times the code. Tests check the method against the closed-form
 * area of ellipsoidal zones (exact for meridian/parallel-bounded cells when parallels are densified)
 * and against the known total area of the ellipsoid.
 *
 * Edges take the short way round (|Δλ| ≤ 180°), the same convention as `splitAtAntimeridian`, and
 * a path along a pole (lat ±90°) is handled naturally by the formula, so both split and unsplit
 * crossings measure the same.
 */

const A = 6378137; // WGS84 semi-major axis, metres
const F = 1 / 298.257223563; // WGS84 flattening
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** q(φ) of Snyder (1987) eq. 3-12: the authalic function, proportional to the zone area up to φ. */
function q(sinPhi: number): number {
  return (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) + Math.atanh(E * sinPhi) / E);
}

const QP = q(1);
/** Radius of the sphere with the ellipsoid's area (6371007.18 m). */
export const AUTHALIC_RADIUS_M = A * Math.sqrt(QP / 2);
const R2_KM2 = (AUTHALIC_RADIUS_M / 1000) ** 2;

/** tan(β/2) for geodetic latitude φ in degrees, β the authalic latitude. */
function tanHalfAuthalic(latDeg: number): number {
  const sinBeta = Math.max(-1, Math.min(1, q(Math.sin(latDeg * RAD)) / QP));
  const beta = Math.asin(sinBeta);
  return Math.tan(beta / 2);
}

/** Signed spherical excess (steradians) of a ring: positive when counter-clockwise. */
function ringExcess(ring: Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  let turn = 0;
  let prevLon = ring[0]?.[0] ?? 0;
  let prevT = tanHalfAuthalic(ring[0]?.[1] ?? 0);
  // The closing edge is included whether or not the ring repeats its first position.
  for (let i = 1; i <= n; i++) {
    const p = ring[i % n] ?? [0, 0];
    const lon = p[0] ?? 0;
    const t = tanHalfAuthalic(p[1] ?? 0);
    let dLon = lon - prevLon;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    sum += 2 * Math.atan2(Math.tan((dLon * RAD) / 2) * (prevT + t), 1 + prevT * t);
    turn += dLon;
    prevLon = lon;
    prevT = t;
  }
  // A ring that goes once round a pole (longitudes never folded back) summed the zone between
  // itself and the equator; the region it encloses is the rest of that hemisphere.
  const turns = Math.round(turn / 360);
  return turns === 0 ? sum : 2 * Math.PI * turns - sum;
}

/**
 * Area enclosed by one ring in km², whatever its winding. The smaller of the two regions a ring
 * bounds on the ellipsoid is taken: an AOI is never more than a hemisphere.
 */
export function ringArea(ring: Position[]): number {
  const excess = Math.abs(ringExcess(ring));
  const total = 4 * Math.PI;
  const wrapped = excess % total;
  return Math.min(wrapped, total - wrapped) * R2_KM2;
}

/** Geodesic area of a Polygon or MultiPolygon in km²: exteriors minus holes. */
export function geodesicAreaKm2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const [exterior, ...holes] of polygons) {
    if (!exterior) continue;
    let area = ringArea(exterior);
    for (const hole of holes) area -= ringArea(hole);
    total += Math.max(0, area);
  }
  return total;
}

/**
 * Number of positions as stored, closing positions included. That is what providers limit: the
 * OneAtlas tasking schema caps a ring's position array at `maxItems: 999`, so counting the way the
 * array is counted keeps "≤ 999" meaning the same thing on both sides.
 */
export function vertexCount(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let count = 0;
  for (const rings of polygons) for (const ring of rings) count += ring.length;
  return count;
}
