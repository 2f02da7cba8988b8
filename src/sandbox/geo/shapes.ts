import { unwrapLongitudes } from '../../shared/geo/antimeridian';
import { bboxOfPositions, type Bbox } from '../../shared/geo/bbox';
import { extent, pointInPolygon, pointInRing, segmentContact } from '../../shared/geo/planar';
import { parseWktGeometry, WktParseError } from '../../shared/geo/wkt';
import { fail, readMembers, readPolygon, readPosition, readPositions } from './geojson';
import type { Lonlat } from './sphere';

/**
 * Search areas as the providers accept them (GeoJSON objects, GeoJSON strings, WKT) reduced to one
 * planar shape in lon/lat degrees, and the relation tests opensearch offers (intersects, within,
 * contains). Planar tests in degrees are what catalogue engines do for these small footprints.
 * Parsing, unwrapping, boxes and the point/segment predicates are shared/geo's; what is the
 * sandbox's own is the opensearch relation semantics on top of them.
 */

export { ShapeError } from './geojson';

export interface Shape {
  /** Polygons as rings; ring 0 is the outer boundary. Longitudes are unwrapped (may exceed 180). */
  polygons: Lonlat[][][];
  lines: Lonlat[][];
  points: Lonlat[];
  bbox: Bbox;
}

/** Longitudes made continuous along a ring or line so that AOIs crossing the antimeridian stay one piece. */
const unwrap = (pts: Lonlat[]): Lonlat[] => unwrapLongitudes(pts) as Lonlat[];

function finish(polygons: Lonlat[][][], lines: Lonlat[][], points: Lonlat[]): Shape {
  const all = [...polygons.flatMap((p) => p[0] ?? []), ...lines.flat(), ...points];
  if (all.length === 0) fail('the geometry is empty');
  const bbox = bboxOfPositions(all);
  // bboxOfPositions moves a box starting west of -180 one turn east: move the shape with it.
  const shift = extent(all.map((p) => p[0]))[0] < -180 ? 360 : 0;
  if (shift) {
    const move = (p: Lonlat): Lonlat => [p[0] + shift, p[1]];
    polygons = polygons.map((poly) => poly.map((r) => r.map(move)));
    lines = lines.map((l) => l.map(move));
    points = points.map(move);
  }
  return { polygons, lines, points, bbox };
}

const polygon = (v: unknown): Lonlat[][] => readPolygon(v).map(unwrap);
const line = (v: unknown): Lonlat[] => unwrap(readPositions(v, 'line string', 2));

/** A GeoJSON geometry object (Point, LineString, Polygon, their Multi* forms). */
export function shapeFromGeoJson(g: unknown): Shape {
  if (!g || typeof g !== 'object' || Array.isArray(g)) fail('must be a GeoJSON geometry object or a WKT string');
  const { type, coordinates: c } = g as { type?: unknown; coordinates?: unknown };
  switch (type) {
    case 'Point':
      return finish([], [], [readPosition(c)]);
    case 'MultiPoint':
      return finish([], [], readMembers(c, 'MultiPoint', 'positions').map(readPosition));
    case 'LineString':
      return finish([], [line(c)], []);
    case 'MultiLineString':
      return finish([], readMembers(c, 'MultiLineString', 'line strings').map(line), []);
    case 'Polygon':
      return finish([polygon(c)], [], []);
    case 'MultiPolygon':
      return finish(readMembers(c, 'MultiPolygon', 'polygons').map(polygon), [], []);
    default:
      return fail(`unsupported geometry type ${JSON.stringify(type ?? null)} (Point, LineString, Polygon, MultiPoint, MultiLineString or MultiPolygon)`);
  }
}

/** Well-known text: POINT, LINESTRING, POLYGON and their MULTI forms, any case, any whitespace. */
export function shapeFromWkt(text: string): Shape {
  try {
    return shapeFromGeoJson(parseWktGeometry(text));
  } catch (e) {
    if (!(e instanceof WktParseError)) throw e;
    return fail(`must be WKT such as POLYGON((lon lat, lon lat, …)) or a GeoJSON geometry: expected ${e.expected} at character ${e.offset + 1}, found ${e.found}`);
  }
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
// Points on a boundary count as inside (shapes are closed sets): a footprint touching the AOI
// intersects it, and one lying along its edge is still within it.

const inRing = (p: Lonlat, r: Lonlat[]): boolean => pointInRing(p, r) !== false;

function pathsCross(a: Lonlat[], b: Lonlat[]): boolean {
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      if (segmentContact(a[i] as Lonlat, a[i + 1] as Lonlat, b[j] as Lonlat, b[j + 1] as Lonlat).kind === 'cross') return true;
    }
  }
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
  for (const p of aoi.polygons) if (pointInPolygon(v, p) !== false) return true;
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
