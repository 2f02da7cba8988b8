import { geodesicAreaKm2, parseGeometry, type Lonlat, type Polygons } from '../accounts/geo';

/**
 * The Origen `geometry` field: documented as WKT, while the guide's own example sends a GeoJSON
 * string. Both are read into polygons and checked the way the market service needs them: closed
 * rings, coordinates on Earth, an area, and outer rings that do not cross themselves.
 */

const NUM = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?';
const POSITION = new RegExp(`^(${NUM})\\s+(${NUM})(?:\\s+${NUM})?$`);

/** Splits `(a),(b)` at top-level commas. */
function splitTop(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth < 0) return undefined;
    if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start).trim());
  return parts;
}

const unwrap = (s: string) => (s.startsWith('(') && s.endsWith(')') ? s.slice(1, -1).trim() : undefined);

function wktPolygon(body: string): unknown[][] | string {
  const rings = splitTop(body);
  if (!rings) return 'has unbalanced parentheses';
  const out: unknown[][] = [];
  for (const r of rings) {
    const inner = unwrap(r);
    if (inner === undefined) return 'has a ring that is not enclosed in parentheses';
    const ring: unknown[] = [];
    for (const pos of inner.split(',')) {
      const m = POSITION.exec(pos.trim());
      if (!m) return `has an invalid position "${pos.trim().slice(0, 40)}"`;
      ring.push([Number(m[1]), Number(m[2])]);
    }
    out.push(ring);
  }
  return out;
}

/** WKT POLYGON / MULTIPOLYGON to a GeoJSON-like geometry, or a message saying why not. */
function fromWkt(text: string): unknown {
  const m = /^(MULTIPOLYGON|POLYGON)\s*(?:Z\s*)?\((.*)\)$/is.exec(text.trim());
  if (!m) return 'must be a WKT POLYGON or MULTIPOLYGON, or a GeoJSON Polygon/MultiPolygon string';
  const kind = (m[1] ?? '').toUpperCase();
  const body = (m[2] ?? '').trim();
  if (kind === 'POLYGON') {
    const rings = wktPolygon(body);
    return typeof rings === 'string' ? rings : { type: 'Polygon', coordinates: rings };
  }
  const polys = splitTop(body);
  if (!polys) return 'has unbalanced parentheses';
  const coordinates: unknown[] = [];
  for (const p of polys) {
    const inner = unwrap(p);
    if (inner === undefined) return 'has a polygon that is not enclosed in parentheses';
    const rings = wktPolygon(inner);
    if (typeof rings === 'string') return rings;
    coordinates.push(rings);
  }
  return { type: 'MultiPolygon', coordinates };
}

function segmentsCross(a: Lonlat, b: Lonlat, c: Lonlat, d: Lonlat): boolean {
  const orient = (p: Lonlat, q: Lonlat, r: Lonlat) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/** A ring crossing itself (a bow tie) has no well-defined inside: the service refuses it. */
function selfIntersects(ring: Lonlat[]): boolean {
  const n = ring.length - 1;
  if (n > 2000) return false; // quadratic check; very dense rings are accepted as drawn
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i] as Lonlat, ring[i + 1] as Lonlat, ring[j] as Lonlat, ring[j + 1] as Lonlat)) return true;
    }
  }
  return false;
}

export interface OrigenAoi {
  polygons: Polygons;
  areaKm2: number;
  format: 'wkt' | 'geojson';
}

/** Reads the geometry string; returns a message (without the field name) when it is unusable. */
export function parseOrigenGeometry(text: string): OrigenAoi | string {
  const trimmed = text.trim();
  let geometry: unknown;
  const format = trimmed.startsWith('{') ? 'geojson' : 'wkt';
  if (format === 'geojson') {
    try {
      geometry = JSON.parse(trimmed) as unknown;
    } catch {
      return 'is not valid JSON (a GeoJSON string) nor WKT';
    }
  } else geometry = fromWkt(trimmed);
  if (typeof geometry === 'string') return geometry;
  const parsed = parseGeometry(geometry);
  if (typeof parsed === 'string') return parsed;
  if (parsed.polygons.some((p) => selfIntersects(p[0] ?? []))) return 'is not a valid polygon: its outer ring crosses itself';
  const areaKm2 = geodesicAreaKm2(parsed.polygons);
  if (!(areaKm2 > 0.0001)) return 'encloses no area';
  return { polygons: parsed.polygons, areaKm2, format };
}
