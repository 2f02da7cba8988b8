import type { MultiPolygon, Polygon, Position } from 'geojson';
import { geodesicAreaKm2, vertexCount } from './area';
import { extent, orient } from './planar';
import { checkAoiGeometry } from './validate';

/**
 * Fewer vertices for providers that cap them (OneAtlas: 999 positions per ring array).
 *
 * Visvalingam–Whyatt over the whole geometry at once (one priority queue for every ring, so the
 * budget goes where the detail is least significant), with one topological guard: a vertex b of
 * a–b–c may go only when the triangle abc holds no other vertex. For a valid polygon that is exactly
 * the condition for the new edge a–c to cross nothing, so the result stays simple without
 * re-running an intersection sweep after every removal. A uniform grid finds the vertices near a
 * triangle. The result is still re-validated at the end, as a belt to those braces.
 *
 * When rings alone exceed the budget (four positions each at least), the smallest rings go first
 * and the area change says so.
 */

export type SimplifyResult =
  | {
      ok: true;
      geometry: Polygon | MultiPolygon;
      /** (simplified − original) / original × 100, geodesic areas. */
      areaChangePercent: number;
      verticesBefore: number;
      verticesAfter: number;
      /** Rings removed entirely because the budget could not hold them. */
      droppedRings: number;
    }
  | { ok: false; reason: string };

interface Ring {
  polygon: number;
  hole: boolean;
  positions: Position[]; // open: no closing repeat
  size: number; // |planar area|, to choose which rings to drop
}

const MIN_RING = 3;

function toRings(geometry: Polygon | MultiPolygon): Ring[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings, polygon) =>
    rings.map((ring, i) => {
      const positions = ring.slice(0, -1);
      let s = 0;
      for (let k = 0; k < positions.length; k++) {
        const a = positions[k] as Position;
        const b = positions[(k + 1) % positions.length] as Position;
        s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
      }
      return { polygon, hole: i > 0, positions, size: Math.abs(s / 2) };
    }),
  );
}

function fromRings(rings: Ring[], type: 'Polygon' | 'MultiPolygon'): Polygon | MultiPolygon {
  const polygons: Position[][][] = [];
  const order = new Map<number, Position[][]>();
  for (const ring of rings) {
    let target = order.get(ring.polygon);
    if (!target) order.set(ring.polygon, (target = []));
    target.push([...ring.positions, ring.positions[0] as Position]);
  }
  for (const [, p] of [...order].sort(([a], [b]) => a - b)) polygons.push(p);
  if (type === 'Polygon' && polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

class MinHeap {
  private readonly items: { key: number; id: number; version: number }[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: { key: number; id: number; version: number }): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((a[parent] as typeof item).key <= item.key) break;
      a[i] = a[parent] as typeof item;
      i = parent;
    }
    a[i] = item;
  }
  pop(): { key: number; id: number; version: number } | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= a.length) break;
      if (child + 1 < a.length && (a[child + 1] as typeof last).key < (a[child] as typeof last).key) child++;
      if ((a[child] as typeof last).key >= last.key) break;
      a[i] = a[child] as typeof last;
      i = child;
    }
    a[i] = last;
    return top;
  }
}

/** Removes vertices from `rings` (in place) until `budget` positions remain or nothing can go. */
function visvalingam(rings: Ring[], budget: number): void {
  const xs: number[] = [];
  const ys: number[] = [];
  const prev: number[] = [];
  const next: number[] = [];
  const ringOf: number[] = [];
  rings.forEach((ring, r) => {
    const start = xs.length;
    const n = ring.positions.length;
    ring.positions.forEach((p, k) => {
      xs.push(p[0] as number);
      ys.push(p[1] as number);
      prev.push(start + ((k + n - 1) % n));
      next.push(start + ((k + 1) % n));
      ringOf.push(r);
    });
  });
  const alive = xs.map(() => true);
  const version = xs.map(() => 0);
  const ringLive = rings.map((r) => r.positions.length);
  let live = xs.length;
  let total = live + rings.length;
  // Ranking only: shrink longitudes by cos(latitude) so that "small" means small on the ground.
  const meanLat = ys.reduce((s, v) => s + v, 0) / Math.max(1, ys.length);
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const P = (i: number): Position => [xs[i] as number, ys[i] as number];
  const key = (i: number): number => Math.abs(orient(P(prev[i] as number), P(i), P(next[i] as number))) * kx;

  let grid = new Map<number, number[]>();
  let cell = 1;
  let minX = 0;
  let minY = 0;
  let builtFor = 0;
  const cellKey = (cx: number, cy: number): number => cx * 1_000_003 + cy;
  const build = (): void => {
    grid = new Map();
    const ids = xs.map((_, i) => i).filter((i) => alive[i]);
    const [loX, hiX] = extent(ids.map((i) => xs[i] as number));
    const [loY, hiY] = extent(ids.map((i) => ys[i] as number));
    minX = loX;
    minY = loY;
    const span = Math.max(hiX - loX, hiY - loY, 1e-12);
    cell = span / Math.max(1, Math.ceil(Math.sqrt(ids.length)));
    for (const i of ids) {
      const k = cellKey(Math.floor(((xs[i] as number) - minX) / cell), Math.floor(((ys[i] as number) - minY) / cell));
      const list = grid.get(k);
      if (list) list.push(i);
      else grid.set(k, [i]);
    }
    builtFor = ids.length;
  };
  const triangleIsEmpty = (i: number): boolean => {
    const a = prev[i] as number;
    const c = next[i] as number;
    const [ax, ay, bx, by, cx, cy] = [xs[a], ys[a], xs[i], ys[i], xs[c], ys[c]] as number[] as [number, number, number, number, number, number];
    const lx = Math.min(ax, bx, cx);
    const hx = Math.max(ax, bx, cx);
    const ly = Math.min(ay, by, cy);
    const hy = Math.max(ay, by, cy);
    const sign = Math.sign(orient([ax, ay], [bx, by], [cx, cy]));
    for (let gx = Math.floor((lx - minX) / cell); gx <= Math.floor((hx - minX) / cell); gx++) {
      for (let gy = Math.floor((ly - minY) / cell); gy <= Math.floor((hy - minY) / cell); gy++) {
        for (const j of grid.get(cellKey(gx, gy)) ?? []) {
          if (!alive[j] || j === a || j === i || j === c) continue;
          const px = xs[j] as number;
          const py = ys[j] as number;
          if (px < lx || px > hx || py < ly || py > hy) continue;
          const p: Position = [px, py];
          const o1 = orient([ax, ay], [bx, by], p) * sign;
          const o2 = orient([bx, by], [cx, cy], p) * sign;
          const o3 = orient([cx, cy], [ax, ay], p) * sign;
          if (sign === 0 ? o1 === 0 && o2 === 0 && o3 === 0 : o1 >= 0 && o2 >= 0 && o3 >= 0) return false;
        }
      }
    }
    return true;
  };

  build();
  const heap = new MinHeap();
  for (let i = 0; i < xs.length; i++) heap.push({ key: key(i), id: i, version: 0 });
  let blocked: number[] = [];
  // Passes: a blocked vertex can become removable once whatever sat in its triangle is gone, so
  // blocked vertices are retried after each pass that removed something.
  let progress = true;
  while (total > budget && progress) {
    progress = false;
    while (total > budget && heap.size > 0) {
      const item = heap.pop() as { key: number; id: number; version: number };
      const i = item.id;
      if (!alive[i] || item.version !== version[i]) continue;
      const r = ringOf[i] as number;
      if ((ringLive[r] as number) <= MIN_RING) continue;
      if (!triangleIsEmpty(i)) {
        blocked.push(i);
        continue;
      }
      alive[i] = false;
      live--;
      total--;
      progress = true;
      ringLive[r] = (ringLive[r] as number) - 1;
      const a = prev[i] as number;
      const c = next[i] as number;
      next[a] = c;
      prev[c] = a;
      for (const n of [a, c]) heap.push({ key: key(n), id: n, version: ++(version[n] as number) });
      if (live < builtFor / 2) build();
    }
    for (const i of blocked) if (alive[i]) heap.push({ key: key(i), id: i, version: ++(version[i] as number) });
    blocked = [];
  }

  rings.forEach((ring, r) => {
    const start = xs.findIndex((_, i) => ringOf[i] === r && alive[i]);
    const out: Position[] = [];
    for (let i = start, first = true; first || i !== start; i = next[i] as number, first = false) out.push(P(i));
    ring.positions = out;
  });
}

/**
 * Simplifies a valid AOI geometry to at most `max` positions (closing positions included, as
 * `vertexCount` counts them). Returns the geometry unchanged when it already fits.
 */
export function simplifyToMaxVertices(geometry: Polygon | MultiPolygon, max = 999): SimplifyResult {
  const checked = checkAoiGeometry(geometry);
  if (!checked.ok) return { ok: false, reason: `The geometry is not valid: ${checked.problems[0]?.message ?? 'unknown problem'}` };
  const source = checked.geometry;
  const before = vertexCount(source);
  const originalArea = geodesicAreaKm2(source);
  const percent = (g: Polygon | MultiPolygon): number => (originalArea > 0 ? ((geodesicAreaKm2(g) - originalArea) / originalArea) * 100 : 0);
  if (before <= max) return { ok: true, geometry: source, areaChangePercent: 0, verticesBefore: before, verticesAfter: before, droppedRings: 0 };
  if (max < MIN_RING + 1) return { ok: false, reason: `A polygon needs at least ${MIN_RING + 1} positions; ${max} cannot hold one.` };

  let rings = toRings(source);
  let dropped = 0;
  for (;;) {
    // Each ring keeps at least MIN_RING vertices plus its closing position.
    while (rings.length * (MIN_RING + 1) > max) ({ rings, dropped } = dropSmallest(rings, dropped));
    const working = rings.map((r) => ({ ...r, positions: [...r.positions] }));
    visvalingam(working, max);
    const result = fromRings(working, source.type);
    if (vertexCount(result) <= max) {
      const recheck = checkAoiGeometry(result);
      if (!recheck.ok || recheck.repairs.length > 0) return { ok: false, reason: 'Simplification could not keep the polygon valid; edit it by hand.' };
      return { ok: true, geometry: recheck.geometry, areaChangePercent: percent(recheck.geometry), verticesBefore: before, verticesAfter: vertexCount(recheck.geometry), droppedRings: dropped };
    }
    if (rings.length <= 1) return { ok: false, reason: `Could not reduce the polygon to ${max} positions without making it invalid.` };
    ({ rings, dropped } = dropSmallest(rings, dropped));
  }
}

/** Drops the smallest ring; a dropped exterior takes its holes with it. */
function dropSmallest(rings: Ring[], dropped: number): { rings: Ring[]; dropped: number } {
  const exteriors = rings.filter((r) => !r.hole).length;
  const candidates = rings.filter((r) => r.hole || exteriors > 1);
  const smallest = candidates.reduce((a, b) => (b.size < a.size ? b : a));
  const gone = smallest.hole ? [smallest] : rings.filter((r) => r.polygon === smallest.polygon);
  return { rings: rings.filter((r) => !gone.includes(r)), dropped: dropped + gone.length };
}
