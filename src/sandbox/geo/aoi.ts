import type { Position } from 'geojson';
import { unwrapLongitudes } from '../../shared/geo/antimeridian';
import { readMembers, readPolygon, ShapeError } from './geojson';
import type { Lonlat } from './sphere';

/**
 * The AOIs of order, price, tasking and programming requests: read as the providers accept them (see
 * geojson.ts) and measured for pricing. Boxes and centres come from shared/geo/bbox.ts.
 */

/** Polygons as rings of [lon, lat]; the first ring of each polygon is its outer boundary. */
export type Polygons = Lonlat[][][];

export interface ParsedAoi {
  polygons: Polygons;
  /** The GeoJSON geometry as received (kept for audit and echoed in order searches). */
  geometry: unknown;
}

const isPosition = (v: unknown) => Array.isArray(v) && typeof v[0] === 'number';

function readAoi(geometry: unknown, legacyRings: boolean): ParsedAoi {
  if (!geometry || typeof geometry !== 'object' || Array.isArray(geometry)) throw new ShapeError('must be a GeoJSON Polygon or MultiPolygon object');
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    const coords = legacyRings && Array.isArray(g.coordinates) && isPosition(g.coordinates[0]) ? [g.coordinates] : g.coordinates;
    return { polygons: [readPolygon(coords)], geometry };
  }
  if (g.type === 'MultiPolygon') return { polygons: readMembers(g.coordinates, 'MultiPolygon', 'polygons').map(readPolygon), geometry };
  throw new ShapeError(`type must be "Polygon" or "MultiPolygon" (got ${JSON.stringify(g.type ?? null)})`);
}

/**
 * Reads a GeoJSON Polygon or MultiPolygon. With `legacyRings` (GeoAPI), a Polygon whose coordinates
 * are a bare ring — as in the legacy guide's own example bodies — is accepted as a one-ring polygon.
 * Returns a message (without the field name) when the geometry is unusable.
 */
export function parseGeometry(geometry: unknown, legacyRings = false): ParsedAoi | string {
  try {
    return readAoi(geometry, legacyRings);
  } catch (e) {
    if (e instanceof ShapeError) return e.message;
    throw e;
  }
}

// Authalic radius of WGS84 (shared/geo/area's AUTHALIC_RADIUS_M to 0.1 m, kept as written so that
// areas, and the prices and ordered areas computed from them, stay the same to the last digit).
const AUTHALIC_RADIUS_M = 6_371_007.2;
const rad = (d: number) => (d * Math.PI) / 180;

/** Spherical ring area (m²), the formula d3 and turf use, on continuous longitudes. */
function ringAreaM2(ring: Position[]): number {
  const pts = unwrapLongitudes(ring);
  let sum = 0;
  for (let i = 0; i < pts.length - 1; i++) {
    const [l1, p1] = pts[i] as [number, number];
    const [l2, p2] = pts[i + 1] as [number, number];
    sum += rad(l2 - l1) * (2 + Math.sin(rad(p1)) + Math.sin(rad(p2)));
  }
  return Math.abs((sum * AUTHALIC_RADIUS_M * AUTHALIC_RADIUS_M) / 2);
}

/**
 * The area the sandbox prices and reports as ordered (km²): the spherical formula on the authalic
 * sphere, within ~0.7 % of the ellipsoidal area shared/geo/area.ts gives the app. Deliberately not
 * that one: the sandbox's prices are pinned to it. The One Tasking guide prices its OneDay example
 * on 132 km², which this gives for that AOI (132.26) while the ellipsoidal area (132.51) would round
 * to 133. Switching is a behaviour change to make on purpose, with the tests that pin the prices.
 */
export function aoiAreaKm2(polygons: Polygons): number {
  let m2 = 0;
  for (const [outer, ...holes] of polygons) {
    if (!outer) continue;
    m2 += ringAreaM2(outer) - holes.reduce((s, h) => s + ringAreaM2(h), 0);
  }
  return Math.max(0, m2) / 1e6;
}
