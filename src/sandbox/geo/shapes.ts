import type { Lonlat } from './sphere';

/**
 * Search areas as the providers accept them (GeoJSON objects, GeoJSON strings, WKT) reduced to one
 * planar shape in lon/lat degrees, and the relation tests opensearch offers (intersects, within,
 * contains). Planar tests in degrees are what catalogue engines do for these small footprints.
 */

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface Shape {
  /** Polygons as rings; ring 0 is the outer boundary. Longitudes are unwrapped (may exceed 180). */
  polygons: Lonlat[][][];
  lines: Lonlat[][];
  points: Lonlat[];
  bbox: Bbox;
}

/** Thrown with a message that does not name the field: the caller knows which field it parsed. */
export class ShapeError extends Error {}

const fail = (message: string): never => {
  throw new ShapeError(message);
};

function position(p: unknown): Lonlat {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) fail('a position must be [longitude, latitude]');
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) fail('coordinates must be finite numbers');
  if ((lon as number) < -180 || (lon as number) > 180 || (lat as number) < -90 || (lat as number) > 90) fail(`coordinate [${String(lon)}, ${String(lat)}] is outside [-180..180, -90..90]`);
  return [lon as number, lat as number];
}

const positions = (v: unknown, what: string, min: number): Lonlat[] => {
  if (!Array.isArray(v) || v.length < min) fail(`a ${what} needs at least ${min} positions`);
  return (v as unknown[]).map(position);
};

function ring(v: unknown): Lonlat[] {
  const r = positions(v, 'linear ring', 4);
  const a = r[0] as Lonlat;
  const b = r[r.length - 1] as Lonlat;
  if (a[0] !== b[0] || a[1] !== b[1]) fail('a linear ring must be closed (first position equal to the last)');
  return unwrap(r);
}

const polygon = (v: unknown): Lonlat[][] => {
  if (!Array.isArray(v) || v.length === 0) fail('Polygon coordinates must be a non-empty array of rings');
  return (v as unknown[]).map(ring);
};

/** Longitudes made continuous along a ring so that AOIs crossing the antimeridian stay one piece. */
function unwrap(pts: Lonlat[]): Lonlat[] {
  let offset = 0;
  return pts.map(([lon, lat], i) => {
    const prev = i > 0 ? (pts[i - 1] as Lonlat)[0] : lon;
    if (lon - prev > 180) offset -= 360;
    else if (lon - prev < -180) offset += 360;
    return [lon + offset, lat];
  });
}

function finish(polygons: Lonlat[][][], lines: Lonlat[][], points: Lonlat[]): Shape {
  const all = [...polygons.flatMap((p) => p[0] ?? []), ...lines.flat(), ...points];
  if (all.length === 0) fail('the geometry is empty');
  let west = Math.min(...all.map((p) => p[0]));
  let east = Math.max(...all.map((p) => p[0]));
  const shift = west < -180 ? 360 : 0;
  if (shift) {
    const move = (p: Lonlat): Lonlat => [p[0] + shift, p[1]];
    polygons = polygons.map((poly) => poly.map((r) => r.map(move)));
    lines = lines.map((l) => l.map(move));
    points = points.map(move);
    west += shift;
    east += shift;
  }
  return { polygons, lines, points, bbox: { west, east, south: Math.min(...all.map((p) => p[1])), north: Math.max(...all.map((p) => p[1])) } };
}

/** A GeoJSON geometry object (Point, LineString, Polygon, their Multi* forms). */
export function shapeFromGeoJson(g: unknown): Shape {
  if (!g || typeof g !== 'object' || Array.isArray(g)) fail('must be a GeoJSON geometry object or a WKT string');
  const { type, coordinates: c } = g as { type?: unknown; coordinates?: unknown };
  const list = (v: unknown): unknown[] => (Array.isArray(v) && v.length > 0 ? v : fail(`${String(type)} coordinates must be a non-empty array`));
  switch (type) {
    case 'Point':
      return finish([], [], [position(c)]);
    case 'MultiPoint':
      return finish([], [], list(c).map(position));
    case 'LineString':
      return finish([], [unwrap(positions(c, 'line string', 2))], []);
    case 'MultiLineString':
      return finish([], list(c).map((l) => unwrap(positions(l, 'line string', 2))), []);
    case 'Polygon':
      return finish([polygon(c)], [], []);
    case 'MultiPolygon':
      return finish(list(c).map(polygon), [], []);
    default:
      return fail(`unsupported geometry type ${JSON.stringify(type ?? null)} (Point, LineString, Polygon, MultiPoint, MultiLineString or MultiPolygon)`);
  }
}

/** Well-known text: POINT, LINESTRING, POLYGON and their MULTI forms, any case, any whitespace. */
export function shapeFromWkt(text: string): Shape {
  const m = /^\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(\(.*\))\s*$/is.exec(text);
  if (!m) fail('must be WKT such as POLYGON((lon lat, lon lat, …)) or a GeoJSON geometry');
  const kind = (m?.[1] ?? '').toUpperCase();
  const body = m?.[2] ?? '';
  // Turn the WKT nesting into JSON arrays: "(1 2, 3 4)" -> "[[1,2],[3,4]]".
  const jsonish = body
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)(\s+-?[\d.eE+-]+)?/g, '[$1,$2]');
  let nested: unknown;
  try {
    nested = JSON.parse(jsonish);
  } catch {
    fail(`malformed ${kind} coordinates`);
  }
  const type = { POINT: 'Point', LINESTRING: 'LineString', POLYGON: 'Polygon', MULTIPOINT: 'MultiPoint', MULTILINESTRING: 'MultiLineString', MULTIPOLYGON: 'MultiPolygon' }[kind];
  // POINT(1 2) parses as [[1,2]]; MULTIPOINT((1 2),(3 4)) as [[[1,2]],[[3,4]]].
  if (kind === 'POINT') nested = Array.isArray(nested) ? nested[0] : nested;
  if (kind === 'MULTIPOINT' && Array.isArray(nested)) nested = nested.map((p: unknown) => (Array.isArray(p) && Array.isArray(p[0]) ? p[0] : p));
  return shapeFromGeoJson({ type, coordinates: nested });
}

/** A geometry given as an object, a GeoJSON string or a WKT string. */
export function parseShape(v: unknown): Shape {
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(t);
      } catch {
        fail('is neither valid GeoJSON nor WKT');
      }
      return shapeFromGeoJson(parsed);
    }
    return shapeFromWkt(t);
  }
  return shapeFromGeoJson(v);
}

/** "west,south,east,north" (or an array of four numbers) as a rectangle shape. */
export function shapeFromBbox(v: unknown): Shape {
  const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',').map((s) => (s.trim() === '' ? NaN : Number(s))) : [];
  if (parts.length !== 4 || !parts.every((n) => typeof n === 'number' && Number.isFinite(n))) fail('must be four numbers: west,south,east,north');
  const [w, s, e, n] = parts as number[] as [number, number, number, number];
  if (s > n || s < -90 || n > 90 || w < -180 || e > 180) fail('must be west,south,east,north within [-180..180, -90..90] with south <= north');
  const east = e < w ? e + 360 : e; // a box whose east is west of its west crosses the antimeridian
  return finish([[[[w, s], [east, s], [east, n], [w, n], [w, s]]]], [], []);
}

// ---- relations ----

function inRing([x, y]: Lonlat, r: Lonlat[]): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i] as Lonlat;
    const [xj, yj] = r[j] as Lonlat;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a polygon with holes (even-odd over its rings). Plain loops: this is the search hot path. */
export function inPolygon(p: Lonlat, poly: Lonlat[][]): boolean {
  let inside = false;
  for (const r of poly) if (inRing(p, r)) inside = !inside;
  return inside;
}

function segmentsCross(a: Lonlat, b: Lonlat, c: Lonlat, d: Lonlat): boolean {
  const o = (p: Lonlat, q: Lonlat, r: Lonlat) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = o(c, d, a);
  const d2 = o(c, d, b);
  const d3 = o(a, b, c);
  const d4 = o(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function pathsCross(a: Lonlat[], b: Lonlat[]): boolean {
  for (let i = 0; i + 1 < a.length; i++) for (let j = 0; j + 1 < b.length; j++) if (segmentsCross(a[i] as Lonlat, a[i + 1] as Lonlat, b[j] as Lonlat, b[j + 1] as Lonlat)) return true;
  return false;
}

const shifted = (r: Lonlat[], dx: number): Lonlat[] => (dx ? r.map(([x, y]) => [x + dx, y] as Lonlat) : r);

export type Relation = 'intersects' | 'within' | 'contains';

/** What the relation tests need of an AOI, computed once per shape (searches test thousands of footprints). */
interface Prepared {
  rings: Lonlat[][];
  vertices: Lonlat[];
}
const prepared = new WeakMap<Shape, Prepared>();

function prepare(aoi: Shape): Prepared {
  let p = prepared.get(aoi);
  if (!p) {
    p = { rings: [...aoi.polygons.flat(), ...aoi.lines], vertices: [...aoi.polygons.flatMap((poly) => poly.flat()), ...aoi.lines.flat(), ...aoi.points] };
    prepared.set(aoi, p);
  }
  return p;
}

/** Does the (simple, hole-free) footprint ring stand in `relation` to the AOI shape? */
export function relates(footprint: Lonlat[], aoi: Shape, relation: Relation): boolean {
  if (relatesOne(footprint, aoi, relation)) return true;
  // Copies one turn east/west for AOIs extending past ±180.
  if (aoi.bbox.east > 180 && relatesOne(shifted(footprint, 360), aoi, relation)) return true;
  return aoi.bbox.west < -180 && relatesOne(shifted(footprint, -360), aoi, relation);
}

function inAoi(v: Lonlat, aoi: Shape): boolean {
  for (const p of aoi.polygons) if (inPolygon(v, p)) return true;
  return false;
}

function countInAoi(pts: Lonlat[], aoi: Shape): number {
  let n = 0;
  for (const v of pts) if (inAoi(v, aoi)) n++;
  return n;
}

function countInRing(pts: Lonlat[], ring: Lonlat[]): number {
  let n = 0;
  for (const v of pts) if (inRing(v, ring)) n++;
  return n;
}

function crosses(fp: Lonlat[], rings: Lonlat[][]): boolean {
  for (const r of rings) if (pathsCross(fp, r)) return true;
  return false;
}

function relatesOne(fp: Lonlat[], aoi: Shape, relation: Relation): boolean {
  const { rings, vertices } = prepare(aoi);
  if (relation === 'intersects') {
    // Cheapest evidence first: a footprint corner inside the AOI (the common case for large AOIs).
    for (const v of fp) if (inAoi(v, aoi)) return true;
    return crosses(fp, rings) || countInRing(vertices, fp) > 0;
  }
  const crossing = crosses(fp, rings);
  if (relation === 'contains') return !crossing && countInRing(vertices, fp) === vertices.length;
  return aoi.polygons.length > 0 && !crossing && countInAoi(fp, aoi) === fp.length;
}

export function bboxesOverlap(a: Bbox, b: Bbox): boolean {
  if (a.south > b.north || a.north < b.south) return false;
  for (const dx of [0, 360, -360]) if (a.west + dx <= b.east && a.east + dx >= b.west) return true;
  return false;
}
