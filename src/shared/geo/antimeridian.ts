import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import type { Pair, Polygon as ClipPolygon, MultiPolygon as ClipMultiPolygon } from 'polygon-clipping';
import { geodesicLatitudeAt } from './meridian-crossing';
import { indexParallelVertices, restoreParallelVertices } from './parallel-vertices';
import { PARALLEL_STEP_DEGREES, readPolarCap } from './polar';

/**
 * Antimeridian repair for lon/lat (EPSG:4326) geometries.
 *
 * Convention of the input: an edge whose endpoints differ by more than 180° of longitude crosses the
 * antimeridian the short way (the GeoJSON produced by world-atlas / d3 "stitched" data, and what a
 * user gets when drawing across the date line on a wrapped map). Longitudes outside [-180, 180] are
 * also accepted and folded back. Planar renderers and most provider APIs draw such edges the long
 * way round, producing stripes across the whole map, so we cut geometries at ±180 instead.
 */

type Ring = Pair[];

const EPSILON = 1e-9;

/**
 * d3.geoStitch (world-atlas) replaces a polygon's run along a pole with a ring hugging it at
 * ±89.999°; such a ring encloses nothing once polar rings are closed through the pole.
 */
const POLE_ARTEFACT_DEGREES = 0.01;

function needsSplit(rings: Position[][]): boolean {
  for (const ring of rings) {
    let prev: number | undefined;
    for (const p of ring) {
      const lon = p[0] ?? 0;
      if (lon < -180 || lon > 180) return true;
      if (prev !== undefined && Math.abs(lon - prev) > 180) return true;
      prev = lon;
    }
  }
  return false;
}

/** Makes longitudes continuous: every step becomes the short way round. */
function unwrap(ring: Position[]): Ring {
  const out: Ring = [];
  // Whole turns are tracked as an integer so that a ring round a pole ends exactly 360° from its
  // start (summing deltas would drift).
  let turns = 0;
  let prevRaw: number | undefined;
  for (const p of ring) {
    const raw = p[0] ?? 0;
    if (prevRaw !== undefined) {
      const jump = raw - prevRaw;
      if (jump > 180) turns -= Math.ceil((jump - 180) / 360);
      else if (jump < -180) turns += Math.ceil((-180 - jump) / 360);
    }
    out.push([raw + 360 * turns, p[1] ?? 0]);
    prevRaw = raw;
  }
  return out;
}

function lonRange(ring: Ring): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const [lon] of ring) {
    if (lon < min) min = lon;
    if (lon > max) max = lon;
  }
  return [min, max];
}

/**
 * A ring whose unwrapped end is 360° away from its start goes once around a pole (Antarctica in
 * Natural Earth). On the plane it is an open band, so close it through the nearer pole along the
 * meridians at its two ends.
 */
function closeAroundPole(ring: Ring): Ring | undefined {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return ring;
  const turns = Math.round((last[0] - first[0]) / 360);
  if (turns === 0) return ring;
  let latSum = 0;
  for (const [, lat] of ring) latSum += lat;
  const pole = latSum < 0 ? -90 : 90;
  if (ring.every(([, lat]) => Math.abs(pole - lat) < POLE_ARTEFACT_DEGREES)) return undefined;
  return [...ring, [last[0], pole], [first[0], pole], [first[0], first[1]]];
}

/**
 * Puts a corner where each edge's geodesic meets a world edge (±180 + 360k), so that the planar clip
 * cuts there instead of interpolating linearly, which would move the cut off the edge.
 */
function insertMeridianCrossings(ring: Ring): Ring {
  const out: Ring = [];
  ring.forEach((point, i) => {
    const prev = ring[i - 1];
    if (prev) {
      const lo = Math.min(prev[0], point[0]);
      const hi = Math.max(prev[0], point[0]);
      const edge = 180 + 360 * Math.floor((hi - 180) / 360);
      if (edge > lo && edge < hi) out.push([edge, geodesicLatitudeAt(prev[0], prev[1], point[0], point[1], edge)]);
    }
    out.push(point);
  });
  return out;
}

/** Shifts `ring` by a multiple of 360° so that its longitude span is centred nearest `centre`. */
function alignTo(ring: Ring, centre: number): Ring {
  const [min, max] = lonRange(ring);
  const shift = 360 * Math.round((centre - (min + max) / 2) / 360);
  return shift === 0 ? ring : ring.map(([lon, lat]) => [lon + shift, lat]);
}

/** Index k of the world copy [-180 + 360k, 180 + 360k] containing `lon` (upper bound exclusive). */
function worldIndex(lon: number): number {
  return Math.floor((lon + 180) / 360);
}

function clampLon(lon: number): number {
  return lon < -180 ? -180 : lon > 180 ? 180 : lon;
}

/**
 * Unwrapped rings of one polygon, as a planar shape. Rings are combined with the even-odd rule
 * (xor): for an ordinary polygon this is exterior minus holes, and it also does the right thing for
 * stitched polar data where the "exterior" is a tiny circle round the pole and the coast a "hole".
 */
function unwrapPolygon(rings: Position[][]): {
  shape: ClipMultiPolygon | ClipPolygon;
  min: number;
  max: number;
  /** The rings as cut: unwrapped, closed round a pole, with corners where they meet a world edge. */
  rings: Ring[];
} {
  const prepared: Ring[] = [];
  let centre = 0;
  for (const raw of rings) {
    // A cap written the RFC 7946 way (rim, then along the pole) is the ring round the pole it means.
    let ring = closeAroundPole(insertMeridianCrossings(unwrap(readPolarCap(raw)?.positions ?? raw)));
    if (!ring) continue;
    if (prepared.length === 0) {
      const [min, max] = lonRange(ring);
      centre = (min + max) / 2;
    } else {
      ring = alignTo(ring, centre);
    }
    if (ring.length >= 4) prepared.push(ring);
  }
  let min = Infinity;
  let max = -Infinity;
  for (const ring of prepared) {
    const [a, b] = lonRange(ring);
    min = Math.min(min, a);
    max = Math.max(max, b);
  }
  const [firstRing, ...others] = prepared;
  if (!firstRing) return { shape: [], min, max, rings: [] };
  const shape =
    others.length === 0 ? [firstRing] : polygonClipping.xor([firstRing], ...others.map((r) => [r]));
  return { shape, min, max, rings: prepared };
}

function shiftPolygon(polygon: ClipPolygon, dLon: number): ClipPolygon {
  return polygon.map((ring) => ring.map(([lon, lat]): Pair => [clampLon(lon + dLon), lat]));
}

/**
 * Breaks edges wider than 180° into steps, so that the output itself never reads as crossing the
 * antimeridian: along a pole (a single point, any step will do) 90° steps; elsewhere, which only a
 * rim with no vertices of its own produces, steps that follow the line as polar.ts writes a parallel.
 */
function densifyWideEdges(ring: Ring): Ring {
  const out: Ring = [];
  ring.forEach((point, i) => {
    const prev = ring[i - 1];
    if (prev && Math.abs(point[0] - prev[0]) > 180) {
      const polar = Math.abs(prev[1]) === 90 && prev[1] === point[1];
      const steps = Math.ceil(Math.abs(point[0] - prev[0]) / (polar ? 90 : PARALLEL_STEP_DEGREES));
      for (let s = 1; s < steps; s++) {
        out.push([prev[0] + (s * (point[0] - prev[0])) / steps, prev[1] + (s * (point[1] - prev[1])) / steps]);
      }
    }
    out.push(point);
  });
  return out;
}

/**
 * Cuts a polygon or multipolygon at the antimeridian so that every coordinate lies in [-180, 180]
 * and no edge spans more than 180° of longitude. Rings that encircle a pole are closed through it.
 * Geometries that neither cross nor leave [-180, 180] are returned as they are (same object).
 * Returns a Polygon when a single piece remains, otherwise a MultiPolygon.
 */
export function splitAtAntimeridian(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!polygons.some((rings) => needsSplit(rings))) return geometry;

  const pieces: ClipPolygon[] = [];
  const cutRings: Ring[] = [];
  for (const rings of polygons) {
    const { shape, min, max, rings: cut } = unwrapPolygon(rings);
    cutRings.push(...cut);
    if (!Number.isFinite(min)) continue;
    // Open upper bound: a shape ending exactly on a world edge does not touch the next copy.
    const firstWorld = worldIndex(min);
    const lastWorld = worldIndex(max - EPSILON);
    for (let k = firstWorld; k <= lastWorld; k++) {
      const west = -180 + 360 * k;
      const strip: ClipPolygon = [
        [
          [west, -90],
          [west + 360, -90],
          [west + 360, 90],
          [west, 90],
          [west, -90],
        ],
      ];
      for (const part of polygonClipping.intersection(shape, strip)) {
        pieces.push(shiftPolygon(part, -360 * k));
      }
    }
  }
  const parallels = indexParallelVertices(cutRings);
  // Union merges pieces cut by a world edge that did not coincide with ±180 (e.g. a polar ring
  // starting at 30°E produces two pieces meeting along 30°E) and any overlapping members.
  const merged = (
    pieces.length > 1 ? polygonClipping.union(pieces[0] as ClipPolygon, ...pieces.slice(1)) : pieces
  ).map((polygon) => polygon.map((ring) => densifyWideEdges(restoreParallelVertices(ring, parallels))));
  const first = merged[0];
  if (merged.length === 1 && first) return { type: 'Polygon', coordinates: first };
  return { type: 'MultiPolygon', coordinates: merged };
}

function isWorldEdge(lon: number): boolean {
  return (lon - 180) % 360 === 0;
}

/** Splits one unwrapped line at every world edge (±180 + 360k) and folds the parts into [-180, 180]. */
function splitUnwrappedLine(line: Ring): Position[][] {
  // First cut steps that cross an edge, so that every step lies within one world copy.
  const points: Ring = [];
  line.forEach((point, i) => {
    const prev = line[i - 1];
    if (prev) {
      const lo = Math.min(prev[0], point[0]);
      const hi = Math.max(prev[0], point[0]);
      // A step is at most 180° wide after unwrapping, so it crosses at most one world edge.
      const edge = 180 + 360 * Math.floor((hi - 180) / 360);
      if (edge > lo && edge < hi) {
        points.push([edge, geodesicLatitudeAt(prev[0], prev[1], point[0], point[1], edge)]);
      }
    }
    points.push(point);
  });
  // Then group consecutive steps by the world copy they lie in; a step running along an edge stays
  // with its neighbours.
  const parts: { world: number; points: Ring }[] = [];
  let current: { world: number; points: Ring } | undefined;
  points.forEach((point, i) => {
    const prev = points[i - 1];
    if (!prev) return;
    const onEdge = prev[0] === point[0] && isWorldEdge(point[0]);
    const world = onEdge && current ? current.world : worldIndex((prev[0] + point[0]) / 2);
    if (!current || world !== current.world) {
      current = { world, points: [prev] };
      parts.push(current);
    }
    current.points.push(point);
  });
  if (parts.length === 0 && points[0]) parts.push({ world: worldIndex(points[0][0]), points });
  return parts.map(({ world, points: part }) =>
    part.map(([lon, lat]) => [clampLon(lon - 360 * world), lat]),
  );
}

/**
 * Cuts a line or multiline at the antimeridian (same input convention as `splitAtAntimeridian`).
 * Unlike polygons, no closing edges are invented, so this is the right tool for outlines (coasts,
 * borders, AOI rims). Lines that do not cross are returned as they are (same object).
 */
export function splitLineAtAntimeridian(
  geometry: LineString | MultiLineString,
): LineString | MultiLineString {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  if (!needsSplit(lines)) return geometry;
  const parts = lines.flatMap((line) => splitUnwrappedLine(unwrap(line)));
  const first = parts[0];
  if (parts.length === 1 && first) return { type: 'LineString', coordinates: first };
  return { type: 'MultiLineString', coordinates: parts };
}

/**
 * Whether `splitAtAntimeridian` would change these rings: some longitude leaves [-180, 180] or some
 * edge spans more than 180°. Exported for validation, which reports the split as a repair.
 */
export function ringsCrossAntimeridian(rings: Position[][]): boolean {
  return needsSplit(rings);
}

/**
 * The ring with continuous longitudes (every step the short way round), as `splitAtAntimeridian`
 * sees it. Exported so that validation checks crossings and winding on the same plane the split
 * uses, instead of on the torn ring.
 */
export function unwrapLongitudes(ring: Position[]): Position[] {
  return unwrap(ring);
}
