import type { Position } from 'geojson';
import { segmentContact, type SegmentContact } from './planar';

/**
 * Finds the contacts that make a (multi)polygon invalid, with a sweep over x so that 50 MB imports
 * with a million vertices stay near O(n log n) instead of comparing every edge with every other.
 *
 * What counts (OGC Simple Features, relaxed where analysts' data is harmless):
 * - within a ring: any contact between non-adjacent edges (a crossing, or the ring touching
 *   itself), and adjacent edges doubling back over each other (a spike);
 * - between rings of one polygon: crossings and shared stretches; a hole touching its shell at a
 *   single point is allowed;
 * - between polygons of a MultiPolygon: crossings only, since those mean overlapping areas; parts
 *   sharing an edge (adjacent parcels) are accepted.
 */

export interface SweepRing {
  /** Closed ring (first position repeated last), no consecutive duplicates. */
  positions: Position[];
  polygon: number;
  /** Opaque label handed back in results (e.g. the ring's path in the input). */
  label: string;
  /** Index in the caller's input of each position, so edges can be reported as the caller numbered them. */
  sourceIndex?: number[];
}

export interface Contact {
  rings: [SweepRing, SweepRing];
  /** Edges as [from, to] indices (source indices when given). */
  segments: [[number, number], [number, number]];
  point: [number, number];
  kind: 'cross' | 'touch' | 'overlap' | 'spike';
}

function edgeIndices(ring: SweepRing, i: number): [number, number] {
  const from = ring.sourceIndex?.[i] ?? i;
  const to = ring.sourceIndex?.[i + 1] ?? i + 1;
  return [from, to];
}

/*
 * The sweep works on flat typed arrays grown on demand and reused from call to call: an import checks
 * tens of thousands of small rings, and objects per edge (or closures per pair) cost more in
 * allocation and garbage collection than the geometry itself. Rings' points follow each other in xs
 * and ys, ring r's from `ringStart[r]`; segment s is edge segIndex[s] of ring segRing[s]. Buffers
 * grown for a huge geometry are let go afterwards rather than held for the life of the process.
 */
const KEPT_CAPACITY = 1 << 16;
let xs = new Float64Array(1024);
let ys = new Float64Array(1024);
let minXs = new Float64Array(1024);
let maxXs = new Float64Array(1024);
let minYs = new Float64Array(1024);
let maxYs = new Float64Array(1024);
/** Per segment: its ring, and its index within that ring. */
let segRing = new Int32Array(1024);
let segIndex = new Int32Array(1024);
let active = new Int32Array(1024);
/** Segment numbers in sweep order, and the merge sort's scratch. */
let order = new Int32Array(1024);
let scratch = new Int32Array(1024);

function releaseLargeBuffers(): void {
  if (xs.length > KEPT_CAPACITY) {
    xs = new Float64Array(1024);
    ys = new Float64Array(1024);
  }
  if (minXs.length > KEPT_CAPACITY) {
    minXs = new Float64Array(1024);
    maxXs = new Float64Array(1024);
    minYs = new Float64Array(1024);
    maxYs = new Float64Array(1024);
    segRing = new Int32Array(1024);
    segIndex = new Int32Array(1024);
    active = new Int32Array(1024);
    order = new Int32Array(1024);
    scratch = new Int32Array(1024);
  }
}

function ensureCapacity(points: number, segments: number): void {
  if (xs.length < points) {
    const size = Math.max(points, 2 * xs.length);
    xs = new Float64Array(size);
    ys = new Float64Array(size);
  }
  if (minXs.length < segments) {
    const size = Math.max(segments, 2 * minXs.length);
    minXs = new Float64Array(size);
    maxXs = new Float64Array(size);
    minYs = new Float64Array(size);
    maxYs = new Float64Array(size);
    segRing = new Int32Array(size);
    segIndex = new Int32Array(size);
    active = new Int32Array(size);
    order = new Int32Array(size);
    scratch = new Int32Array(size);
  }
}

const NONE = 0;
const CROSS = 1;
const TOUCH = 2;
const OVERLAP = 3;
const KINDS: Contact['kind'][] = ['cross', 'cross', 'touch', 'overlap'];

/**
 * All invalidating contacts, at most `limit` of them (a broken file can have millions), in sweep
 * order: segments by increasing left end (ties in input order), each against the earlier ones whose
 * boxes it meets, oldest first.
 */
export function findContacts(rings: SweepRing[], limit = 20): Contact[] {
  try {
    return sweep(rings, limit);
  } finally {
    releaseLargeBuffers();
  }
}

function sweep(rings: SweepRing[], limit: number): Contact[] {
  let points = 0;
  let segments = 0;
  for (const ring of rings) {
    points += ring.positions.length;
    segments += Math.max(0, ring.positions.length - 1);
  }
  ensureCapacity(points, segments);
  const ringStart: number[] = [];
  let point = 0;
  let segment = 0;
  for (let r = 0; r < rings.length; r++) {
    const p = (rings[r] as SweepRing).positions;
    ringStart.push(point);
    for (let i = 0; i < p.length; i++) {
      const position = p[i] as Position;
      xs[point + i] = position[0] as number;
      ys[point + i] = position[1] as number;
    }
    for (let i = 0; i + 1 < p.length; i++) {
      const ax = xs[point + i] as number;
      const bx = xs[point + i + 1] as number;
      const ay = ys[point + i] as number;
      const by = ys[point + i + 1] as number;
      minXs[segment] = ax < bx ? ax : bx;
      maxXs[segment] = ax > bx ? ax : bx;
      minYs[segment] = ay < by ? ay : by;
      maxYs[segment] = ay > by ? ay : by;
      segRing[segment] = r;
      segIndex[segment] = i;
      order[segment] = segment;
      segment++;
    }
    point += p.length;
  }
  sortByMinX(0, segments);

  const found: Contact[] = [];
  let activeLength = 0;
  for (let k = 0; k < segments; k++) {
    const s = order[k] as number;
    const sMinX = minXs[s] as number;
    const sMinY = minYs[s] as number;
    const sMaxY = maxYs[s] as number;
    // Segments ending left of this one end left of every later one: drop them while scanning,
    // keeping the rest in order, so the active list only holds what the sweep line crosses.
    let kept = 0;
    for (let j = 0; j < activeLength; j++) {
      const t = active[j] as number;
      if ((maxXs[t] as number) < sMinX) continue;
      active[kept++] = t;
      if ((maxYs[t] as number) < sMinY || (minYs[t] as number) > sMaxY) continue;
      const contact = classify(rings, ringStart, s, t);
      if (contact) {
        found.push(contact);
        if (found.length >= limit) return found;
      }
    }
    activeLength = kept;
    active[activeLength++] = s;
  }
  return found;
}

/**
 * Stable merge sort of order[from, to) by left end, so ties keep input order (ring, then edge) as the
 * sweep has always reported them; insertion sort below a dozen. A comparator passed to
 * Array.prototype.sort costs a call per comparison, which on rings of tens of edges is most of it.
 */
function sortByMinX(from: number, to: number): void {
  if (to - from <= 12) {
    for (let i = from + 1; i < to; i++) {
      const id = order[i] as number;
      const key = minXs[id] as number;
      let j = i - 1;
      while (j >= from && (minXs[order[j] as number] as number) > key) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = id;
    }
    return;
  }
  const mid = (from + to) >>> 1;
  sortByMinX(from, mid);
  sortByMinX(mid, to);
  if ((minXs[order[mid - 1] as number] as number) <= (minXs[order[mid] as number] as number)) return;
  for (let i = from; i < mid; i++) scratch[i] = order[i] as number;
  let left = from;
  let right = mid;
  let out = from;
  while (left < mid && right < to) {
    const l = scratch[left] as number;
    const r = order[right] as number;
    // Left first on ties: that is what keeps the sort stable.
    if ((minXs[r] as number) < (minXs[l] as number)) {
      order[out++] = r;
      right++;
    } else {
      order[out++] = l;
      left++;
    }
  }
  while (left < mid) order[out++] = scratch[left++] as number;
}

function within(v: number, a: number, b: number): boolean {
  return v >= (a < b ? a : b) && v <= (a > b ? a : b);
}

/**
 * segmentContact's verdict for segments a1–a2 and b1–b2 of the flat arrays, on scalars and without
 * allocating: the same orientations in the same order, so exactly the same kind. Collinear pairs are
 * rare and left to segmentContact itself.
 */
function contactKind(a1: number, b1: number, rings: SweepRing[], first: number, second: number): number {
  const a1x = xs[a1] as number;
  const a1y = ys[a1] as number;
  const a2x = xs[a1 + 1] as number;
  const a2y = ys[a1 + 1] as number;
  const b1x = xs[b1] as number;
  const b1y = ys[b1] as number;
  const b2x = xs[b1 + 1] as number;
  const b2y = ys[b1 + 1] as number;
  // orient(q1, q2, p1), orient(q1, q2, p2), orient(p1, p2, q1), orient(p1, p2, q2), as planar.ts writes it.
  const d1 = (b2x - b1x) * (a1y - b1y) - (b2y - b1y) * (a1x - b1x);
  const d2 = (b2x - b1x) * (a2y - b1y) - (b2y - b1y) * (a2x - b1x);
  const d3 = (a2x - a1x) * (b1y - a1y) - (a2y - a1y) * (b1x - a1x);
  const d4 = (a2x - a1x) * (b2y - a1y) - (a2y - a1y) * (b2x - a1x);
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    const kind = segmentOf(rings, first, second).kind;
    return kind === 'overlap' ? OVERLAP : kind === 'touch' ? TOUCH : NONE;
  }
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return CROSS;
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return NONE;
  if (d1 === 0 && within(a1x, b1x, b2x) && within(a1y, b1y, b2y)) return TOUCH;
  if (d2 === 0 && within(a2x, b1x, b2x) && within(a2y, b1y, b2y)) return TOUCH;
  if (d3 === 0 && within(b1x, a1x, a2x) && within(b1y, a1y, a2y)) return TOUCH;
  if (d4 === 0 && within(b2x, a1x, a2x) && within(b2y, a1y, a2y)) return TOUCH;
  return NONE;
}

/** segmentContact on the positions themselves, for the contact point as it has always been computed. */
function segmentOf(rings: SweepRing[], first: number, second: number): SegmentContact {
  const pa = (rings[segRing[first] as number] as SweepRing).positions;
  const pb = (rings[segRing[second] as number] as SweepRing).positions;
  const i = segIndex[first] as number;
  const j = segIndex[second] as number;
  return segmentContact(pa[i] as Position, pa[i + 1] as Position, pb[j] as Position, pb[j + 1] as Position);
}

function classify(rings: SweepRing[], ringStart: number[], s: number, t: number): Contact | undefined {
  // Report in ring/edge order so that messages read naturally and tests are deterministic; segment
  // numbers follow that order.
  const first = s < t ? s : t;
  const second = s < t ? t : s;
  const firstRing = segRing[first] as number;
  const secondRing = segRing[second] as number;
  const firstIndex = segIndex[first] as number;
  const secondIndex = segIndex[second] as number;
  const kind = contactKind((ringStart[firstRing] as number) + firstIndex, (ringStart[secondRing] as number) + secondIndex, rings, first, second);
  if (kind === NONE) return undefined;
  const ringA = rings[firstRing] as SweepRing;
  const ringB = rings[secondRing] as SweepRing;
  let reported: Contact['kind'] | undefined;
  if (firstRing === secondRing) {
    const edges = ringA.positions.length - 1;
    const adjacent = secondIndex - firstIndex === 1 || (firstIndex === 0 && secondIndex === edges - 1);
    // Neighbours always share a vertex; they are wrong only when one folds back onto the other.
    reported = !adjacent ? KINDS[kind] : kind === OVERLAP ? 'spike' : undefined;
  } else if (ringA.polygon === ringB.polygon) {
    reported = kind === TOUCH ? undefined : KINDS[kind];
  } else {
    reported = kind === CROSS ? 'cross' : undefined;
  }
  if (reported === undefined) return undefined;
  const contact = segmentOf(rings, first, second) as Exclude<SegmentContact, { kind: 'none' }>;
  return {
    rings: [ringA, ringB],
    segments: [edgeIndices(ringA, firstIndex), edgeIndices(ringB, secondIndex)],
    point: contact.point,
    kind: reported,
  };
}
