import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringsCrossAntimeridian, splitAtAntimeridian, unwrapLongitudes } from './antimeridian';
import { extent, signedArea, x } from './planar';
import { readPolarCap } from './polar';

/**
 * The safe repairs, as pure functions on rings whose positions are already known to be finite
 * numbers (validate.ts establishes that first). Each keeps enough bookkeeping for the validator to
 * say what it changed and where, in the input's own numbering.
 */

export interface CleanRing {
  /** Closed, 2D, no consecutive duplicates. */
  positions: Position[];
  /**
   * Input index of each position (the closing position points at the input's first); absent when
   * position i is input i throughout.
   */
  sourceIndex?: number[];
  closed: boolean;
  /** Input indices of the positions removed as repeats of their predecessor. */
  removedDuplicates: number[];
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Drops heights, removes consecutive duplicates and closes the ring. Duplicates go first, so that
 * a ring given as A B C A A is not "closed" a second time. Nothing is copied that need not be: a ring
 * that is already clean (nearly every ring of an import, millions of positions) is returned as it is,
 * and a position that is already a plain pair is kept rather than copied. Nothing changes a ring or
 * a position in place, so sharing them with the input is safe.
 */
export function cleanRing(input: Position[]): CleanRing {
  if (isClean(input)) return { positions: input, closed: false, removedDuplicates: [] };
  const positions: Position[] = [];
  const sourceIndex: number[] = [];
  const removedDuplicates: number[] = [];
  let last: Position | undefined;
  for (let i = 0; i < input.length; i++) {
    const p = input[i] as Position;
    if (last && last[0] === p[0] && last[1] === p[1]) {
      removedDuplicates.push(i);
      // Number a kept vertex by its last repeat, so that the edge leaving it is reported as i→i+1.
      sourceIndex[sourceIndex.length - 1] = i;
      continue;
    }
    last = p.length === 2 ? p : [p[0] as number, p[1] as number];
    positions.push(last);
    sourceIndex.push(i);
  }
  const first = positions[0];
  let closed = false;
  if (first && last && positions.length > 1 && !same(first, last)) {
    positions.push([first[0] as number, first[1] as number]);
    sourceIndex.push(sourceIndex[0] as number);
    closed = true;
  }
  return { positions, sourceIndex, closed, removedDuplicates };
}

/** 2D pairs only, no position repeating its predecessor, last the same as first: nothing to clean. */
function isClean(ring: Position[]): boolean {
  const n = ring.length;
  if (n < 2 || !same(ring[0] as Position, ring[n - 1] as Position)) return false;
  let prev = ring[0] as Position;
  if (prev.length !== 2) return false;
  for (let i = 1; i < n; i++) {
    const p = ring[i] as Position;
    if (p.length !== 2 || (p[0] === prev[0] && p[1] === prev[1])) return false;
    prev = p;
  }
  return true;
}

/**
 * A ring in the RFC 7946 polar-cap form (rim, up the antimeridian, along the pole, down again) as the
 * ring round the pole it means, numbered in the input's terms; `written` counts the positions put
 * along a rim step of 180° or more. Undefined for any other ring. Without this the climb and descent,
 * which are one meridian walked twice, read as the ring running over itself.
 */
export function readCapForm(ring: CleanRing): { ring: CleanRing; written: number } | undefined {
  const cap = readPolarCap(ring.positions);
  if (!cap) return undefined;
  const sourceIndex = cap.sourceIndex.map((i) => ring.sourceIndex?.[i] ?? i);
  const kept = new Set(cap.sourceIndex).size;
  return { ring: { ...ring, positions: cap.positions, sourceIndex }, written: cap.positions.length - 1 - kept };
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
export function hasRightHandWinding(ring: Position[], isExterior: boolean): boolean {
  const area = signedArea(ring);
  return isExterior ? area >= 0 : area <= 0;
}

export function rewindRing(ring: Position[], isExterior: boolean): Position[] {
  return hasRightHandWinding(ring, isExterior) ? ring : [...ring].reverse();
}

function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => rewindRing(ring, i === 0));
}

/** Rewinds every ring to the right-hand rule; the planar test is right because no ring crosses ±180. */
export function rewind<G extends Polygon | MultiPolygon>(geometry: G): G {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: rewindPolygon(geometry.coordinates) };
  return { ...geometry, coordinates: (geometry as MultiPolygon).coordinates.map(rewindPolygon) };
}

/**
 * The polygon's rings on one continuous plane: each ring unwrapped, and holes shifted by whole
 * turns next to their shell, mirroring what `splitAtAntimeridian` does before it cuts.
 */
export function unwrapPolygon(rings: Position[][]): Position[][] {
  if (!ringsCrossAntimeridian(rings)) return rings;
  const out: Position[][] = [];
  let centre: number | undefined;
  for (const ring of rings) {
    let unwrapped = unwrapLongitudes(ring);
    const [min, max] = extent(unwrapped.map(x));
    const mid = (min + max) / 2;
    if (centre === undefined) centre = mid;
    else {
      const shift = 360 * Math.round((centre - mid) / 360);
      if (shift !== 0) unwrapped = unwrapped.map(([lon, lat]) => [(lon as number) + shift, lat as number]);
    }
    out.push(unwrapped);
  }
  return out;
}

/** Whether the unwrapped ring ends a whole turn from where it starts, i.e. goes round a pole. */
export function encirclesPole(unwrapped: Position[]): boolean {
  const first = unwrapped[0];
  const last = unwrapped[unwrapped.length - 1];
  return !!first && !!last && Math.abs(x(last) - x(first)) > 180;
}

function removeRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || !same(p, ring[i - 1] as Position));
}

/**
 * Splits at the antimeridian when needed and returns the pieces in canonical form (right-hand
 * winding, no repeated positions), or `undefined` when no split was needed.
 */
export function splitIfCrossing(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | undefined {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!polygons.some((rings) => ringsCrossAntimeridian(rings))) return undefined;
  const split = splitAtAntimeridian(geometry);
  if (split.type === 'Polygon') return rewind({ type: 'Polygon', coordinates: split.coordinates.map(removeRepeats) });
  return rewind({ type: 'MultiPolygon', coordinates: split.coordinates.map((p) => p.map(removeRepeats)) });
}
