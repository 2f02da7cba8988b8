import type { Position } from 'geojson';

/**
 * Plane geometry on lon/lat treated as x/y. Valid for topology (winding, crossings, containment)
 * because AOI rings are checked on continuous longitudes (unwrapped across the antimeridian) and an
 * AOI never encircles a pole once split; never use these for sizes, that is `area.ts`.
 */

export type XY = readonly [number, number];

export const x = (p: Position): number => p[0] as number;
export const y = (p: Position): number => p[1] as number;

/** Twice the signed triangle area: > 0 when a, b, c turn left (counter-clockwise). */
export function orient(a: Position, b: Position, c: Position): number {
  return (x(b) - x(a)) * (y(c) - y(a)) - (y(b) - y(a)) * (x(c) - x(a));
}

/** Shoelace area, positive for counter-clockwise rings; closing position optional. */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % n] as Position;
    sum += x(a) * y(b) - x(b) * y(a);
  }
  return sum / 2;
}

/** Point-in-ring by crossing number; `undefined` when the point lies on the boundary. */
export function pointInRing(p: Position, ring: Position[]): boolean | undefined {
  const px = x(p);
  const py = y(p);
  let inside = false;
  const n = ring.length;
  // Plain loop with the cheap box test first: catalogue searches run this for every footprint corner.
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    const ay = y(a);
    const by = y(b);
    if (within(py, ay, by) && within(px, x(a), x(b)) && orient(a, b, p) === 0) return undefined;
    if (ay > py !== by > py) {
      const xCross = ((x(b) - x(a)) * (py - ay)) / (by - ay) + x(a);
      if (px < xCross) inside = !inside;
    }
  }
  return inside;
}

/**
 * Point in a polygon with holes, even-odd over its rings (ring 0 the shell); `undefined` when the
 * point lies on the boundary of any ring.
 */
export function pointInPolygon(p: Position, rings: Position[][]): boolean | undefined {
  let inside = false;
  for (const ring of rings) {
    const inRing = pointInRing(p, ring);
    if (inRing === undefined) return undefined;
    if (inRing) inside = !inside;
  }
  return inside;
}

export function within(v: number, a: number, b: number): boolean {
  return v >= Math.min(a, b) && v <= Math.max(a, b);
}

export type SegmentContact =
  | { kind: 'none' }
  /** Interiors cross at one point. */
  | { kind: 'cross'; point: [number, number] }
  /** They meet at one point that is an endpoint of at least one of them. */
  | { kind: 'touch'; point: [number, number] }
  /** Collinear and sharing a stretch of positive length; `point` is where the stretch begins. */
  | { kind: 'overlap'; point: [number, number] };

const NONE: SegmentContact = { kind: 'none' };

function pt(p: Position): [number, number] {
  return [x(p), y(p)];
}

/** How segments p1–p2 and q1–q2 meet. Exact for integer-like inputs, plain floating point otherwise. */
export function segmentContact(p1: Position, p2: Position, q1: Position, q2: Position): SegmentContact {
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) return collinearContact(p1, p2, q1, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return { kind: 'cross', point: [x(p1) + t * (x(p2) - x(p1)), y(p1) + t * (y(p2) - y(p1))] };
  }
  // Most pairs end here: no orientation is zero, so no endpoint can lie on the other segment.
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return NONE;
  if (onSegment(p1, d1, q1, q2)) return { kind: 'touch', point: pt(p1) };
  if (onSegment(p2, d2, q1, q2)) return { kind: 'touch', point: pt(p2) };
  if (onSegment(q1, d3, p1, p2)) return { kind: 'touch', point: pt(q1) };
  if (onSegment(q2, d4, p1, p2)) return { kind: 'touch', point: pt(q2) };
  return NONE;
}

/** Whether `p`, at orientation `d` from the line a–b, lies on the segment a–b. */
function onSegment(p: Position, d: number, a: Position, b: Position): boolean {
  return d === 0 && within(x(p), x(a), x(b)) && within(y(p), y(a), y(b));
}

function collinearContact(p1: Position, p2: Position, q1: Position, q2: Position): SegmentContact {
  // Project on the dominant axis so that vertical segments are measured too.
  const useX = Math.abs(x(p2) - x(p1)) >= Math.abs(y(p2) - y(p1));
  const c = useX ? x : y;
  const pLo = Math.min(c(p1), c(p2));
  const pHi = Math.max(c(p1), c(p2));
  const qLo = Math.min(c(q1), c(q2));
  const qHi = Math.max(c(q1), c(q2));
  const lo = Math.max(pLo, qLo);
  const hi = Math.min(pHi, qHi);
  if (lo > hi) return NONE;
  const start = [p1, p2, q1, q2].find((p) => c(p) === lo) as Position;
  return { kind: lo === hi ? 'touch' : 'overlap', point: pt(start) };
}

/** [min, max] without spreading into Math.min, which overflows the stack on a million values. */
export function extent(values: Iterable<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
