import type { MultiPolygon, Polygon } from 'geojson';
import { vertexCount } from './area';
import { describeValue, indexPath, joinPath, type Problem, type Repair } from './issues';
import { locateJsonError } from './json-errors';
import { simplifyToMaxVertices, type SimplifyResult } from './simplify';
import { checkAoiGeometry } from './validate';

export { toFeatureCollection } from './geojson-export';

/**
 * GeoJSON (RFC 7946, and the 2008 spec's `crs` member when it says WGS84) to AOIs, all or nothing:
 * either every polygonal member is importable (possibly after safe repairs, listed per AOI) or the
 * import fails with every problem found, so the caller can leave the existing AOIs untouched.
 * Non-polygonal members (points, lines, null geometries) are not failures: they are listed in
 * `skipped` because a mixed file from a GIS is common and the polygons in it are still wanted.
 *
 * Pure and synchronous so it can run in a worker for large files; never throws.
 */

export interface ImportedAoi {
  name: string;
  geometry: Polygon | MultiPolygon;
  repairs: Repair[];
  /** Positions including closing ones (what providers cap). */
  vertexCount: number;
  /** Present when `maxVertices` was given and exceeded: what simplification would do. */
  simplification?: SimplifyResult;
}

export interface SkippedMember {
  path: string;
  type: string;
  reason: string;
}

export type GeoJsonImport =
  | { ok: true; aois: ImportedAoi[]; skipped: SkippedMember[] }
  | { ok: false; problems: Problem[] };

export interface GeoJsonImportOptions {
  /** Provider vertex cap (999 for OneAtlas); AOIs above it get a `simplification` offer. */
  maxVertices?: number;
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** GeometryCollections may nest; nobody needs 32 levels, and bounding it keeps hostile files cheap. */
const MAX_DEPTH = 32;
const MAX_PROBLEMS = 50;
/** `crs` names that mean lon/lat on WGS84 (GeoJSON 2008); anything else would be misread as degrees. */
const WGS84_CRS = /(CRS84|EPSG:+4326|EPSG::?4326|WGS ?84)$/i;

interface Walk {
  aois: { name: string | undefined; geometry: Polygon | MultiPolygon; repairs: Repair[] }[];
  skipped: SkippedMember[];
  problems: Problem[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nameOf(properties: unknown): string | undefined {
  if (!isObject(properties)) return undefined;
  const name = properties['name'];
  if (typeof name === 'string' && name.trim() !== '') return name.trim();
  if (typeof name === 'number' && Number.isFinite(name)) return String(name);
  return undefined;
}

function problem(walk: Walk, p: Problem): void {
  if (walk.problems.length < MAX_PROBLEMS) walk.problems.push(p);
}

function checkCrs(value: Record<string, unknown>, path: string, walk: Walk): void {
  const crs = value['crs'];
  if (crs === undefined || crs === null) return;
  const name = isObject(crs) && isObject(crs['properties']) ? crs['properties']['name'] : undefined;
  if (typeof name === 'string' && WGS84_CRS.test(name)) return;
  problem(walk, {
    code: 'unsupported-crs',
    message: `The file declares the coordinate system ${typeof name === 'string' ? name : describeValue(crs)}; AOIs must be longitude/latitude in WGS84 (EPSG:4326). Reproject the file first.`,
    path: joinPath(path, 'crs'),
  });
}

/** One geometry: collect the AOI(s) it yields (with a name hint) or problems, or skip it. */
function walkGeometry(value: unknown, path: string, name: string | undefined, walk: Walk, depth: number): void {
  if (!isObject(value)) {
    problem(walk, { code: 'invalid-structure', message: `Expected a geometry object, found ${describeValue(value)}.`, path });
    return;
  }
  const type = value['type'];
  if (type === 'Polygon' || type === 'MultiPolygon') {
    checkCrs(value, path, walk);
    const result = checkAoiGeometry(value, { path });
    if (result.ok) walk.aois.push({ name, geometry: result.geometry, repairs: result.repairs });
    else for (const p of result.problems) problem(walk, p);
    return;
  }
  if (type === 'GeometryCollection') {
    const members = value['geometries'];
    if (!Array.isArray(members)) {
      problem(walk, { code: 'invalid-structure', message: 'A GeometryCollection needs a "geometries" array.', path: joinPath(path, 'geometries') });
    } else if (depth >= MAX_DEPTH) {
      problem(walk, { code: 'invalid-structure', message: `GeometryCollections are nested more than ${MAX_DEPTH} deep.`, path });
    } else {
      const before = walk.aois.length;
      members.forEach((member, i) => walkGeometry(member, indexPath(joinPath(path, 'geometries'), i), name, walk, depth + 1));
      // Several polygons from one named feature: number them so the list can tell them apart.
      const added = walk.aois.slice(before);
      if (name !== undefined && added.length > 1) added.forEach((aoi, i) => (aoi.name = `${name} (${i + 1})`));
    }
    return;
  }
  const shown = typeof type === 'string' ? type : describeValue(type);
  const reason = GEOMETRY_TYPES.has(shown) ? 'only Polygon and MultiPolygon can be AOIs' : 'not a GeoJSON geometry type';
  walk.skipped.push({ path, type: shown, reason });
}

function walkFeature(value: unknown, path: string, walk: Walk): void {
  if (!isObject(value) || value['type'] !== 'Feature') {
    const found = isObject(value) ? `type ${JSON.stringify(value['type'] ?? null)}` : describeValue(value);
    problem(walk, { code: 'invalid-structure', message: `Expected a Feature, found ${found}.`, path });
    return;
  }
  const geometry = value['geometry'];
  if (geometry === null || geometry === undefined) {
    walk.skipped.push({ path: joinPath(path, 'geometry'), type: 'null', reason: 'the feature has no geometry' });
    return;
  }
  walkGeometry(geometry, joinPath(path, 'geometry'), nameOf(value['properties']), walk, 0);
}

function notGeoJson(found: string): GeoJsonImport {
  return {
    ok: false,
    problems: [{ code: 'not-geojson', message: `This file is JSON but not GeoJSON: expected an object whose "type" is Feature, FeatureCollection or a geometry type; ${found}.`, path: '' }],
  };
}

/** AOIs from parsed JSON (for callers that parsed already, e.g. a streaming worker). */
export function parseGeoJson(root: unknown, options: GeoJsonImportOptions = {}): GeoJsonImport {
  if (!isObject(root)) return notGeoJson(`found ${describeValue(root)}`);
  const type = root['type'];
  if (type === 'Topology') return notGeoJson('found TopoJSON (type "Topology"); convert it to GeoJSON first');
  if (typeof type !== 'string' || !(type === 'Feature' || type === 'FeatureCollection' || GEOMETRY_TYPES.has(type))) {
    return notGeoJson(typeof type === 'string' ? `found type ${JSON.stringify(type.slice(0, 40))}` : 'found no "type" member');
  }
  const walk: Walk = { aois: [], skipped: [], problems: [] };
  checkCrs(root, '', walk);
  if (type === 'FeatureCollection') {
    const features = root['features'];
    if (!Array.isArray(features)) return notGeoJson('the FeatureCollection has no "features" array');
    features.forEach((feature, i) => walkFeature(feature, `features[${i}]`, walk));
  } else if (type === 'Feature') {
    walkFeature(root, '', walk);
  } else {
    walkGeometry(root, '', undefined, walk, 0);
  }
  if (walk.problems.length > 0) return { ok: false, problems: walk.problems };
  if (walk.aois.length === 0) {
    const what = walk.skipped.length === 0 ? 'it holds no geometries' : `it holds only ${[...new Set(walk.skipped.map((s) => s.type))].join(', ')}`;
    return { ok: false, problems: [{ code: 'no-polygons', message: `Nothing to import: ${what}. AOIs must be Polygons or MultiPolygons.`, path: '' }] };
  }
  const aois = walk.aois.map((aoi, i): ImportedAoi => {
    const count = vertexCount(aoi.geometry);
    const imported: ImportedAoi = { name: aoi.name ?? `AOI ${i + 1}`, geometry: aoi.geometry, repairs: aoi.repairs, vertexCount: count };
    if (options.maxVertices !== undefined && count > options.maxVertices) {
      imported.simplification = simplifyToMaxVertices(aoi.geometry, options.maxVertices);
    }
    return imported;
  });
  return { ok: true, aois, skipped: walk.skipped };
}

/** AOIs from the text of a GeoJSON file; invalid JSON is reported with line and column. */
export function parseGeoJsonText(text: string, options: GeoJsonImportOptions = {}): GeoJsonImport {
  // Editors on Windows still write a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [{ code: 'invalid-json', message: 'The file is empty.', path: '' }] };
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (error) {
    const where = locateJsonError(body, error);
    const engine = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 160) : '';
    return {
      ok: false,
      problems: [{ code: 'invalid-json', message: `Invalid JSON at line ${where.line}, column ${where.column}${engine ? ` (${engine})` : ''}.`, path: '', details: where }],
    };
  }
  return parseGeoJson(root, options);
}
