/**
 * The little geometry the account and ordering routes need: reading an AOI from a request, its
 * geodesic area (prices are per km²) and where it is (the projections offered depend on it).
 * Kept here rather than in shared/ because it encodes what the *providers* accept, not what we store.
 */

export type Lonlat = [number, number];
/** Polygons as rings of [lon, lat]; the first ring of each polygon is its outer boundary. */
export type Polygons = Lonlat[][][];

export interface ParsedAoi {
  polygons: Polygons;
  /** The GeoJSON geometry as received (kept for audit and echoed in order searches). */
  geometry: unknown;
}

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

// Authalic radius of WGS84: the sphere with the ellipsoid's surface area, so areas stay within ~0.3 %.
const AUTHALIC_RADIUS_M = 6_371_007.2;
const rad = (d: number) => (d * Math.PI) / 180;

function readPosition(p: unknown): Lonlat | string {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return 'a position must be [longitude, latitude] (optionally with an elevation)';
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return 'coordinates must be finite numbers';
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return `coordinate [${lon}, ${lat}] is outside [-180..180, -90..90]`;
  return [lon, lat];
}

function readRing(r: unknown): Lonlat[] | string {
  if (!Array.isArray(r)) return 'a linear ring must be an array of positions';
  if (r.length < 4) return 'a linear ring needs at least 4 positions';
  const ring: Lonlat[] = [];
  for (const p of r) {
    const pos = readPosition(p);
    if (typeof pos === 'string') return pos;
    ring.push(pos);
  }
  const first = ring[0] as Lonlat;
  const last = ring[ring.length - 1] as Lonlat;
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a linear ring must be closed (first position equal to the last)';
  return ring;
}

function readPolygon(coords: unknown): Lonlat[][] | string {
  if (!Array.isArray(coords) || coords.length === 0) return 'Polygon coordinates must be a non-empty array of rings';
  const rings: Lonlat[][] = [];
  for (const r of coords) {
    const ring = readRing(r);
    if (typeof ring === 'string') return ring;
    rings.push(ring);
  }
  return rings;
}

const isPosition = (v: unknown) => Array.isArray(v) && typeof v[0] === 'number';

/**
 * Reads a GeoJSON Polygon or MultiPolygon. With `legacyRings` (GeoAPI), a Polygon whose coordinates
 * are a bare ring — as in the legacy guide's own example bodies — is accepted as a one-ring polygon.
 * Returns a message (without the field name) when the geometry is unusable.
 */
export function parseGeometry(geometry: unknown, legacyRings = false): ParsedAoi | string {
  if (!geometry || typeof geometry !== 'object' || Array.isArray(geometry)) return 'must be a GeoJSON Polygon or MultiPolygon object';
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    const coords = legacyRings && Array.isArray(g.coordinates) && isPosition(g.coordinates[0]) ? [g.coordinates] : g.coordinates;
    const poly = readPolygon(coords);
    return typeof poly === 'string' ? poly : { polygons: [poly], geometry };
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'MultiPolygon coordinates must be a non-empty array of polygons';
    const polygons: Polygons = [];
    for (const c of g.coordinates) {
      const poly = readPolygon(c);
      if (typeof poly === 'string') return poly;
      polygons.push(poly);
    }
    return { polygons, geometry };
  }
  return `type must be "Polygon" or "MultiPolygon" (got ${JSON.stringify(g.type ?? null)})`;
}

/** Longitudes made continuous along the ring, so rings crossing the antimeridian measure correctly. */
function unwrap(ring: Lonlat[]): Lonlat[] {
  const out: Lonlat[] = [];
  let offset = 0;
  let prev: number | undefined;
  for (const [lon, lat] of ring) {
    if (prev !== undefined) {
      if (lon - prev > 180) offset -= 360;
      else if (lon - prev < -180) offset += 360;
    }
    prev = lon;
    out.push([lon + offset, lat]);
  }
  return out;
}

/** Spherical ring area (m²), the same formula d3/turf use, on the authalic sphere. */
function ringAreaM2(ring: Lonlat[]): number {
  const pts = unwrap(ring);
  let sum = 0;
  for (let i = 0; i < pts.length - 1; i++) {
    const [l1, p1] = pts[i] as Lonlat;
    const [l2, p2] = pts[i + 1] as Lonlat;
    sum += rad(l2 - l1) * (2 + Math.sin(rad(p1)) + Math.sin(rad(p2)));
  }
  return Math.abs((sum * AUTHALIC_RADIUS_M * AUTHALIC_RADIUS_M) / 2);
}

export function geodesicAreaKm2(polygons: Polygons): number {
  let m2 = 0;
  for (const [outer, ...holes] of polygons) {
    if (!outer) continue;
    m2 += ringAreaM2(outer) - holes.reduce((s, h) => s + ringAreaM2(h), 0);
  }
  return Math.max(0, m2) / 1e6;
}

/** Bounding box; an AOI crossing the antimeridian gets east > 180 so that west < east always holds. */
export function bboxOf(polygons: Polygons): Bbox {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const poly of polygons) {
    for (const [lon, lat] of unwrap(poly[0] ?? [])) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  if (west < -180) {
    west += 360;
    east += 360;
  }
  return { west, south, east, north };
}

export function centreOf(b: Bbox): Lonlat {
  let lon = (b.west + b.east) / 2;
  if (lon > 180) lon -= 360;
  return [lon, (b.south + b.north) / 2];
}

export function bboxIntersects(a: Bbox, b: Bbox): boolean {
  const overlaps = (shift: number) => a.west + shift <= b.east && a.east + shift >= b.west;
  return a.south <= b.north && a.north >= b.south && (overlaps(0) || overlaps(360) || overlaps(-360));
}
