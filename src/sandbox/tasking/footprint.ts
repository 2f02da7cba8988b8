import { pointInRing } from '../../shared/geo/planar';
import { parseWkt, toWkt } from '../../shared/geo/wkt';
import type { Polygons } from '../geo/aoi';
import { rad, type Lonlat } from '../geo/sphere';
import type { Access } from './orbit';

/**
 * Segment footprints: the strip a satellite images over the AOI on one access, as a rectangle
 * oriented along the ground track, as long as the AOI along the track plus a margin and as wide as
 * the swath seen at that incidence (or the AOI, when the satellite has to sweep several strips).
 * Worked in a local tangent plane around the AOI centre, which is exact enough at these sizes.
 * WKT and point-in-ring are shared/geo's; the plane and the strip are the simulator's own.
 */

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQ = 111.32;
const MARGIN_KM = 1;

export interface Footprint {
  ring: Lonlat[];
  centre: Lonlat;
  alongKm: number;
  acrossKm: number;
}

function toPlane(centre: Lonlat, [lon, lat]: Lonlat): [number, number] {
  let dLon = lon - centre[0];
  if (dLon > 180) dLon -= 360;
  if (dLon < -180) dLon += 360;
  return [dLon * KM_PER_DEG_LON_EQ * Math.cos(rad(centre[1])), (lat - centre[1]) * KM_PER_DEG_LAT];
}

function fromPlane(centre: Lonlat, [x, y]: [number, number]): Lonlat {
  let lon = centre[0] + x / (KM_PER_DEG_LON_EQ * Math.cos(rad(centre[1])));
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;
  return [lon, centre[1] + y / KM_PER_DEG_LAT];
}

/** Half-extents of the AOI along and across a track of the given heading. */
export function aoiExtents(polygons: Polygons, centre: Lonlat, heading: number): { along: number; across: number } {
  const a: [number, number] = [Math.sin(rad(heading)), Math.cos(rad(heading))];
  const c: [number, number] = [Math.cos(rad(heading)), -Math.sin(rad(heading))];
  let along = 0;
  let across = 0;
  for (const poly of polygons) {
    for (const p of poly[0] ?? []) {
      const [x, y] = toPlane(centre, p);
      along = Math.max(along, Math.abs(x * a[0] + y * a[1]));
      across = Math.max(across, Math.abs(x * c[0] + y * c[1]));
    }
  }
  return { along, across };
}

export function segmentFootprint(polygons: Polygons, centre: Lonlat, access: Access, incidence: number): Footprint {
  const h = access.heading;
  const ext = aoiExtents(polygons, centre, h);
  // Off-nadir, the same look angle spreads over more ground across the track.
  const swath = access.satellite.swathKm / Math.cos(rad(incidence)) ** 2;
  const halfAcross = Math.max(swath / 2, ext.across + MARGIN_KM);
  const halfAlong = ext.along + MARGIN_KM;
  const a: [number, number] = [Math.sin(rad(h)), Math.cos(rad(h))];
  const c: [number, number] = [Math.cos(rad(h)), -Math.sin(rad(h))];
  const corner = (sa: number, sc: number): Lonlat =>
    fromPlane(centre, [sa * halfAlong * a[0] + sc * halfAcross * c[0], sa * halfAlong * a[1] + sc * halfAcross * c[1]]);
  const ring = [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)];
  ring.push(ring[0] as Lonlat);
  return { ring, centre, alongKm: 2 * halfAlong, acrossKm: 2 * halfAcross };
}

const f6 = (n: number) => Number(n.toFixed(6));

/** WKT as OneAtlas writes it in attempts and segment keys: `POLYGON((lon lat, …))`, 6 decimals. */
const ONEATLAS_WKT = { precision: 6, compact: true };
export const wktPolygon = (ring: Lonlat[]) => toWkt({ type: 'Polygon', coordinates: [ring] }, ONEATLAS_WKT);
export const wktPoint = (p: Lonlat) => toWkt({ type: 'Point', coordinates: p }, ONEATLAS_WKT);

/** Reads back the one-ring, two-dimensional `POLYGON((…))` this module writes (segment keys carry it). */
export function parseWktRing(wkt: string): Lonlat[] | undefined {
  let geometry: ReturnType<typeof parseWkt>;
  try {
    geometry = parseWkt(wkt);
  } catch {
    return undefined;
  }
  const [ring, ...holes] = geometry.type === 'Polygon' ? geometry.coordinates : [];
  if (!ring || holes.length > 0 || ring.length < 4 || ring.some((p) => p.length !== 2)) return undefined;
  return ring as Lonlat[];
}

/** Every AOI shell vertex in (or on) the footprint, tested in the local plane around the AOI centre. */
export function containsAll(ring: Lonlat[], polygons: Polygons, centre: Lonlat): boolean {
  const poly = ring.map((p) => toPlane(centre, p));
  return polygons.every((p) => (p[0] ?? []).every((v) => pointInRing(toPlane(centre, v), poly) !== false));
}

/** The footprint as a GeoJSON Polygon (tasking segments report footprints that way). */
export const geoJsonPolygon = (ring: Lonlat[]) => ({ type: 'Polygon' as const, coordinates: [ring.map(([x, y]) => [f6(x), f6(y)])] });
