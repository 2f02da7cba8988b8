import type { MultiPolygon, Polygon, Position } from 'geojson';
import { Geodesic, Math as GeoMath } from 'geographiclib-geodesic';
import { readPolarCap } from './polar';

/**
 * Geodesic area on the WGS84 ellipsoid, every edge the shortest geodesic between its ends (so edges
 * take the short way round, |Δλ| ≤ 180°, the same convention as `splitAtAntimeridian`), to within
 * 1e-9 of GeographicLib (Karney 2013, "Algorithms for geodesics") at the cost of a spherical formula.
 *
 * A ring's area is the sum over its edges of the signed area between the edge and the equator (the
 * quadrilateral edge–meridian–equator–meridian), in GeographicLib's S12 sense (m², counter-clockwise
 * positive). Each edge's share is found one of two ways:
 * - a short edge (≤ SHORT_EDGE_M) takes the quadrilateral on the authalic sphere plus a correction for
 *   the edge's shape (shortEdgeAreaM2), ~0.15 µs; drawn, imported and provider AOIs have edges of
 *   metres to a few kilometres, so nearly every edge goes this way;
 * - a long edge takes GeographicLib's exact S12 (`Geodesic.WGS84.Inverse(…, Geodesic.AREA)`), ~3–6 µs:
 *   a 1°-step cap rim, a 10° box, a 90°-step ring.
 * The tests check the two agree edge by edge and that mixed rings agree with GeographicLib's own polygon.
 *
 * A ring that winds once round a pole (Δλ sums to ±360°) has summed the zone between itself and the
 * equator; the region it encloses is the rest of that hemisphere. A cap written the RFC 7946 way, rim
 * then up the antimeridian, along the pole and down again, is read as the ring round the pole it means
 * (see polar.ts), so both spellings of one cap measure the same.
 *
 * The short path lives in this file rather than a module of its own on purpose: it is the import's hot
 * loop, and calling it across modules (a lookup on the module's namespace object under tsx) measured
 * 1.6× slower than the old spherical code; here it runs as fast as that did.
 */

const WGS84 = Geodesic.WGS84;
const M2_PER_KM2 = 1e6;
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
/** Radius of the sphere with the ellipsoid's area (6371007.18 m), GeographicLib's c; the sandbox's spherical area uses it. */
export const AUTHALIC_RADIUS_M = A * Math.sqrt(QP / 2);
const R = AUTHALIC_RADIUS_M;
const R2 = R * R;
const AREA_OF_ELLIPSOID_M2 = 4 * Math.PI * R2;

/**
 * Longest edge, in metres on the authalic sphere, that shortEdgeAreaM2 measures. Its residual against
 * GeographicLib's S12, measured over latitude (every 0.5° to ±89.5°) and azimuth (every 5°), is at most
 * 1.21e-13·L³ m² for L ≤ 50 km — 1 m² for an edge of 20 km, 2.4e-9 of its L² — and 2.1e-13·L³ at
 * 100 km, where terms in L⁵ near the poles take over. 20 km keeps every edge under 1 m² and still
 * leaves AOI edges (metres to a few kilometres) on the cheap path.
 */
export const SHORT_EDGE_M = 20_000;
/**
 * Edges spanning more longitude than this are never short: the correction is a local expansion in the
 * edge's east and north extent, which stops meaning anything when an edge near a pole sweeps a large Δλ
 * (up to an edge across the pole, Δλ = 180°).
 */
const SHORT_EDGE_MAX_DLON = 30;

/** sin β for geodetic latitude φ in degrees, β the authalic latitude. */
function sinAuthalic(latDeg: number): number {
  return Math.max(-1, Math.min(1, q(Math.sin(latDeg * RAD)) / QP));
}

/**
 * Signed area (m²) between the edge a → b and the equator by the authalic sphere, or NaN when the edge
 * is too long for it (SHORT_EDGE_M, SHORT_EDGE_MAX_DLON) and needs the exact geodesic. Vertices come as
 * sin β and cos β ≥ 0 of their authalic latitude; dLon is b's longitude − a's in degrees, the short way.
 * (Scalars in, a number out, NaN rather than undefined: it runs once per edge of every imported AOI.)
 *
 * The authalic sphere (radius R, geodetic latitude φ replaced by the authalic latitude β) has the
 * ellipsoid's area and maps it equal-area, so the quadrilateral keeps its area exactly but for the
 * edge's shape: a great circle there rather than the image of the ellipsoidal geodesic. Its spherical
 * excess is 2·atan2(tan(Δλ/2)·(t₁ + t₂), 1 + t₁t₂), t = tan(β/2) (the form GeographicLib uses for
 * spherical polygons), times R².
 *
 * The image of the geodesic bows off the great circle with a geodesic curvature f·sin 2β·sin α / R to
 * first order in the flattening f (α the azimuth; fitted against GeographicLib to 0.5% over latitude
 * and azimuth), so the sliver between them is f·sin 2β·Δx·L² / (12R), Δx the edge's eastward extent and
 * L its length. Left out, it costs up to f·L³/(12R) (44 m² for a 10 km east-west edge at 45°, which
 * is what the authalic quadrilateral alone got wrong); added, what remains is second order in f.
 */
export function shortEdgeAreaM2(sinA: number, cosA: number, sinB: number, cosB: number, dLon: number): number {
  if (Math.abs(dLon) > SHORT_EDGE_MAX_DLON) return NaN;
  // The extent east and north to O(L³/R²): Δλ·cos β at the middle latitude (from cos(β₁ + β₂) by the
  // half-angle formula), and sin Δβ for Δβ.
  const cosMid = Math.sqrt(Math.max(0, (1 + cosA * cosB - sinA * sinB) / 2));
  const east = R * cosMid * dLon * RAD;
  const north = R * (sinB * cosA - sinA * cosB);
  const lengthSquared = east * east + north * north;
  if (lengthSquared > SHORT_EDGE_M * SHORT_EDGE_M) return NaN;
  // tan(β/2) = sin β / (1 + cos β).
  const ta = sinA / (1 + cosA);
  const tb = sinB / (1 + cosB);
  const quadrilateral = 2 * Math.atan2(Math.tan((dLon * RAD) / 2) * (ta + tb), 1 + ta * tb) * R2;
  // sin 2β at the middle latitude is sin(β₁ + β₂).
  const sinTwoBetaMid = sinA * cosB + cosA * sinB;
  const sliver = (F * sinTwoBetaMid * east * lengthSquared) / (12 * R);
  return quadrilateral + sliver;
}

/** shortEdgeAreaM2 for two [lon, lat] positions: the tests' way in. */
export function shortEdgeAreaBetween(a: Position, b: Position): number {
  const sinA = sinAuthalic(a[1] as number);
  const sinB = sinAuthalic(b[1] as number);
  let dLon = (b[0] as number) - (a[0] as number);
  if (dLon > 180) dLon -= 360;
  else if (dLon < -180) dLon += 360;
  return shortEdgeAreaM2(sinA, Math.sqrt(1 - sinA * sinA), sinB, Math.sqrt(1 - sinB * sinB), dLon);
}

interface EdgeSum {
  /** Σ over the edges of the signed area between edge and equator, m² (GeographicLib's S12 sense). */
  areaM2: number;
  /** Net turns round a pole: Σ Δλ / 360°. */
  turns: number;
  /** Whether some position lies on a pole, so the ring may be a cap in RFC 7946 form (polar.ts). */
  touchesPole: boolean;
}

/**
 * Sum over the ring's edges, closing edge included whether or not the ring repeats its first position
 * (a repeated one adds a zero-length edge). One pass, scalars only: this is the import's hot loop.
 */
function sumEdges(ring: Position[]): EdgeSum {
  const n = ring.length;
  let areaM2 = 0;
  let dLonSum = 0;
  let touchesPole = false;
  let lon = ring[0]?.[0] as number;
  let lat = ring[0]?.[1] as number;
  let sinBeta = sinAuthalic(lat);
  let cosBeta = Math.sqrt(1 - sinBeta * sinBeta);
  for (let i = 1; i <= n; i++) {
    const p = ring[i % n] as Position;
    const nextLon = p[0] as number;
    const nextLat = p[1] as number;
    const nextSin = sinAuthalic(nextLat);
    const nextCos = Math.sqrt(1 - nextSin * nextSin);
    let dLon = nextLon - lon;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    const short = shortEdgeAreaM2(sinBeta, cosBeta, nextSin, nextCos, dLon);
    if (!Number.isNaN(short)) {
      areaM2 += short;
    } else {
      areaM2 += WGS84.Inverse(lat, lon, nextLat, nextLon, Geodesic.AREA).S12 ?? 0;
      // The Δλ GeographicLib itself walked (its AngDiff, with which its PolygonArea counts meridian
      // crossings), so an edge of exactly ±180° counts the way its S12 was computed.
      dLon = GeoMath.AngDiff(lon, nextLon).d;
    }
    dLonSum += dLon;
    touchesPole ||= Math.abs(nextLat) === 90;
    lon = nextLon;
    lat = nextLat;
    sinBeta = nextSin;
    cosBeta = nextCos;
  }
  return { areaM2, turns: Math.round(dLonSum / 360), touchesPole };
}

/**
 * Area enclosed by one ring in km², whatever its winding. The smaller of the two regions a ring
 * bounds on the ellipsoid is taken: an AOI is never more than a hemisphere.
 */
export function ringArea(ring: Position[]): number {
  if (ring.length < 3) return 0;
  let sum = sumEdges(ring);
  // Only a ring that visits a pole can be a cap in RFC 7946 form; looking costs a pass, so only then.
  if (sum.touchesPole) {
    const cap = readPolarCap(ring);
    if (cap) sum = sumEdges(cap.positions);
  }
  // Round a pole, the sum is the zone between the ring and the equator: the rest of the hemisphere.
  const enclosed = Math.abs(sum.turns === 0 ? sum.areaM2 : (sum.turns * AREA_OF_ELLIPSOID_M2) / 2 - sum.areaM2);
  const wrapped = enclosed % AREA_OF_ELLIPSOID_M2;
  return Math.min(wrapped, AREA_OF_ELLIPSOID_M2 - wrapped) / M2_PER_KM2;
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
