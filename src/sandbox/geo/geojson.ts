import type { Lonlat } from './sphere';

/**
 * Reading GeoJSON coordinates the way the simulated providers do: structure and ranges only, with
 * messages that do not name the field (the caller knows which field it read and prefixes it). What
 * the providers accept is looser than what the app stores (no winding, self-intersection or
 * antimeridian repair), which is why this is not shared/geo/validate's `checkAoiGeometry`.
 */

/** Thrown with a message that does not name the field: the caller knows which field it parsed. */
export class ShapeError extends Error {}

export const fail = (message: string): never => {
  throw new ShapeError(message);
};

export function readPosition(p: unknown): Lonlat {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) fail('a position must be [longitude, latitude] (optionally with an elevation)');
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) fail('coordinates must be finite numbers');
  if ((lon as number) < -180 || (lon as number) > 180 || (lat as number) < -90 || (lat as number) > 90) fail(`coordinate [${String(lon)}, ${String(lat)}] is outside [-180..180, -90..90]`);
  return [lon as number, lat as number];
}

export function readPositions(v: unknown, what: string, min: number): Lonlat[] {
  if (!Array.isArray(v)) fail(`a ${what} must be an array of positions`);
  if ((v as unknown[]).length < min) fail(`a ${what} needs at least ${min} positions`);
  return (v as unknown[]).map(readPosition);
}

/** A closed ring of at least 4 positions, as given (longitudes are not unwrapped here). */
export function readRing(v: unknown): Lonlat[] {
  const ring = readPositions(v, 'linear ring', 4);
  const first = ring[0] as Lonlat;
  const last = ring[ring.length - 1] as Lonlat;
  if (first[0] !== last[0] || first[1] !== last[1]) fail('a linear ring must be closed (first position equal to the last)');
  return ring;
}

export function readPolygon(v: unknown): Lonlat[][] {
  if (!Array.isArray(v) || v.length === 0) fail('Polygon coordinates must be a non-empty array of rings');
  return (v as unknown[]).map(readRing);
}

/** A non-empty array of `type` members (MultiPolygon polygons, MultiLineString lines, …). */
export function readMembers(v: unknown, type: string, members: string): unknown[] {
  if (!Array.isArray(v) || v.length === 0) fail(`${type} coordinates must be a non-empty array of ${members}`);
  return v as unknown[];
}
