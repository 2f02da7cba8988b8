import type { MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import type { Polygon as ClipPolygon } from 'polygon-clipping';
import { splitAtAntimeridian } from '../../shared/geo/antimeridian';
import { geodesicAreaKm2 } from '../../shared/geo/area';
import { rewind } from '../../shared/geo/repair';
import { destination } from './geodesic';

export type AoiGeometry = Polygon | MultiPolygon;

/** Vertices of a drawn circle: smooth on screen, far below the providers' 999-vertex limit. */
export const CIRCLE_VERTICES = 64;

/** 1e-7° is about 1 cm: finer than any imagery and what keeps stored AOIs compact and stable. */
const PRECISION = 1e7;
export const roundDegrees = (value: number): number => Math.round(value * PRECISION) / PRECISION;

/**
 * A circle of `radiusM` metres of ground distance around `center` ([lon, lat]), as a closed ring
 * of geodesic destinations, counter-clockwise (RFC 7946 exterior). Longitudes are left continuous
 * (they may pass ±180); `toStoredGeometry` folds and splits them.
 */
export function circlePolygon(center: readonly [number, number], radiusM: number, vertices = CIRCLE_VERTICES): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    // Azimuths run clockwise from north, so stepping them backwards walks the ring anticlockwise.
    ring.push(destination(center, -(360 * i) / vertices, radiusM));
  }
  const first = ring[0];
  if (first) ring.push([...first]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** The axis-aligned rectangle spanned by two corners, in the CRS the user sees it drawn in. */
export function boxRing(a: readonly number[], b: readonly number[]): number[][] {
  const minX = Math.min(a[0] ?? 0, b[0] ?? 0);
  const maxX = Math.max(a[0] ?? 0, b[0] ?? 0);
  const minY = Math.min(a[1] ?? 0, b[1] ?? 0);
  const maxY = Math.max(a[1] ?? 0, b[1] ?? 0);
  return [
    [minX, minY],
    [maxX, minY],
    [maxX, maxY],
    [minX, maxY],
    [minX, minY],
  ];
}

/** Continuous longitudes along a ring (every step the short way), as a drawn sketch means them. */
function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  let previous: number | undefined;
  for (const point of ring) {
    const lon = point[0] ?? 0;
    if (previous !== undefined) {
      const jump = lon + offset - previous;
      if (jump > 180) offset -= 360 * Math.ceil((jump - 180) / 360);
      else if (jump < -180) offset += 360 * Math.ceil((-180 - jump) / 360);
    }
    const unwrapped = lon + offset;
    out.push([unwrapped, point[1] ?? 0]);
    previous = unwrapped;
  }
  return out;
}

/** Moves a polygon by whole turns so that its middle longitude is in [-180, 180]. */
function intoFirstWorld(rings: Position[][]): Position[][] {
  const unwrapped = rings.map(unwrapRing);
  const lons = (unwrapped[0] ?? []).map((p) => p[0] ?? 0);
  if (lons.length === 0) return unwrapped;
  const middle = (Math.min(...lons) + Math.max(...lons)) / 2;
  const shift = -360 * Math.round(middle / 360);
  return unwrapped.map((ring) => ring.map(([lon = 0, lat = 0]) => [lon + shift, lat]));
}

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon = 0, lat = 0] of ring) {
    const point = [roundDegrees(lon), roundDegrees(lat)];
    const last = out[out.length - 1];
    if (last && last[0] === point[0] && last[1] === point[1]) continue;
    out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  return out;
}

function roundGeometry(geometry: AoiGeometry): AoiGeometry {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map(roundRing)) };
}

/**
 * What the map hands to the AOI store: lon/lat polygons as drawn or edited (longitudes possibly
 * continuous past ±180 on a wrapped map) become RFC 7946 geometry — longitudes folded into
 * [-180, 180], cut at the antimeridian, parts that now touch merged, 1e-7° precision,
 * right-hand winding.
 */
export function toStoredGeometry(polygons: Position[][][]): AoiGeometry {
  const folded = polygons.map(intoFirstWorld);
  const rounded = roundGeometry(
    folded.length === 1 && folded[0]
      ? { type: 'Polygon', coordinates: folded[0] }
      : { type: 'MultiPolygon', coordinates: folded },
  );
  let geometry = splitAtAntimeridian(rounded);
  if (geometry.type === 'MultiPolygon' && geometry.coordinates.length > 1) {
    // Parts of an AOI split at ±180 come back side by side once moved off the antimeridian.
    const [first, ...rest] = geometry.coordinates as ClipPolygon[];
    const merged = first ? polygonClipping.union(first, ...rest) : [];
    geometry =
      merged.length === 1 && merged[0]
        ? { type: 'Polygon', coordinates: merged[0] }
        : { type: 'MultiPolygon', coordinates: merged };
  }
  return rewind(roundGeometry(geometry));
}

/** Live area of a sketch in lon/lat; a sketch that does not enclose anything yet measures 0. */
export function sketchAreaKm2(polygons: Position[][][]): number {
  const usable = polygons.filter((rings) => (rings[0]?.length ?? 0) >= 3);
  if (usable.length === 0) return 0;
  return geodesicAreaKm2({ type: 'MultiPolygon', coordinates: usable });
}

/** The lon/lat bounding box [w, s, e, n] of a stored geometry; w > e when it spans the antimeridian. */
export function geometryBbox(geometry: AoiGeometry): [number, number, number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let south = Infinity;
  let north = -Infinity;
  const lons: number[] = [];
  for (const rings of polygons) {
    for (const [lon = 0, lat = 0] of rings[0] ?? []) {
      lons.push(lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  // Parts on both sides of ±180 (a split AOI) are one AOI across the antimeridian, not a world-wide one.
  if (west < -170 && east > 170) {
    const eastOfLine = lons.filter((lon) => lon >= 0);
    const westOfLine = lons.filter((lon) => lon < 0);
    return [Math.min(...eastOfLine), south, Math.max(...westOfLine), north];
  }
  return [west, south, east, north];
}
