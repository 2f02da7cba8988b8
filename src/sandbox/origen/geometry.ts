import type { MultiPolygon, Polygon } from 'geojson';
import { findContacts } from '../../shared/geo/intersections';
import { parseWkt, WktParseError } from '../../shared/geo/wkt';
import { aoiAreaKm2, parseGeometry, type Polygons } from '../geo/aoi';
import type { Lonlat } from '../geo/sphere';

/**
 * The Origen `geometry` field: documented as WKT, while the guide's own example sends a GeoJSON
 * string. Both are read into polygons and checked the way the market service needs them: closed
 * rings, coordinates on Earth, an area, and outer rings that do not cross themselves. WKT syntax,
 * crossings and area are shared/geo's (wkt.ts, intersections.ts, area.ts).
 */

/** WKT POLYGON / MULTIPOLYGON to a GeoJSON geometry, or a message saying why not. */
function fromWkt(text: string): Polygon | MultiPolygon | string {
  try {
    return parseWkt(text);
  } catch (e) {
    if (!(e instanceof WktParseError)) throw e;
    return `must be a WKT POLYGON or MULTIPOLYGON, or a GeoJSON Polygon/MultiPolygon string (expected ${e.expected} at character ${e.offset + 1}, found ${e.found})`;
  }
}

/** A ring crossing itself (a bow tie) has no well-defined inside: the service refuses it. */
function selfIntersects(ring: Lonlat[]): boolean {
  // The limit dates from a quadratic check; kept so that the sandbox accepts what it always accepted.
  if (ring.length - 1 > 2000) return false;
  // Touches and spikes are not crossings: only a proper crossing of two non-adjacent edges counts.
  return findContacts([{ positions: ring, polygon: 0, label: 'outer ring' }], Infinity).some((c) => c.kind === 'cross');
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
  const areaKm2 = aoiAreaKm2(parsed.polygons);
  if (!(areaKm2 > 0.0001)) return 'encloses no area';
  return { polygons: parsed.polygons, areaKm2, format };
}
