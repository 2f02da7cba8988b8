import type { Lonlat, Polygons } from '../accounts/geo';
import type { Access } from './orbit';

/**
 * Segment footprints: the strip a satellite images over the AOI on one access, as a rectangle
 * oriented along the ground track, as long as the AOI along the track plus a margin and as wide as
 * the swath seen at that incidence (or the AOI, when the satellite has to sweep several strips).
 * Worked in a local tangent plane around the AOI centre, which is exact enough at these sizes.
 */

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQ = 111.32;
const MARGIN_KM = 1;
const rad = (d: number) => (d * Math.PI) / 180;

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

export const wktPolygon = (ring: Lonlat[]) => `POLYGON((${ring.map(([x, y]) => `${f6(x)} ${f6(y)}`).join(', ')}))`;
export const wktPoint = ([x, y]: Lonlat) => `POINT(${f6(x)} ${f6(y)})`;

/** Reads back the one-ring `POLYGON((…))` this module writes (segment keys carry it). */
export function parseWktRing(wkt: string): Lonlat[] | undefined {
  const m = /^POLYGON\s*\(\(([^()]+)\)\)$/i.exec(wkt.trim());
  if (!m?.[1]) return undefined;
  const ring = m[1].split(',').map((pair) => pair.trim().split(/\s+/).map(Number));
  if (ring.length < 4 || ring.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n)))) return undefined;
  return ring as Lonlat[];
}

/** Ray casting in the local plane (the rings are small and the AOI centre is the origin). */
export function containsAll(ring: Lonlat[], polygons: Polygons, centre: Lonlat): boolean {
  const poly = ring.map((p) => toPlane(centre, p));
  const inside = ([x, y]: [number, number]) => {
    let hit = false;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i] as [number, number];
      const [xj, yj] = poly[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
    }
    return hit;
  };
  return polygons.every((p) => (p[0] ?? []).every((v) => inside(toPlane(centre, v))));
}

/** The footprint as a GeoJSON Polygon (tasking segments report footprints that way). */
export const geoJsonPolygon = (ring: Lonlat[]) => ({ type: 'Polygon' as const, coordinates: [ring.map(([x, y]) => [f6(x), f6(y)])] });
