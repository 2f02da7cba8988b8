import type { Polygon, Position } from 'geojson';

/**
 * Where a quicklook's corners lie on the ground.
 *
 * Quicklooks here are in the scene's own frame, not north-up: the provider sandbox renders rows along
 * the ground track (first row = first line acquired) and columns across it, left to right of the
 * direction of travel (src/sandbox/search/render.ts), and Airbus' optical satellites image on the
 * descending, daylight half of a sun-synchronous orbit, so the first line is the northern end of
 * the strip. The footprint is that strip; its four corners (the vertices where the outline turns)
 * are matched to the image's corners:
 *   1. which pair of opposite sides runs along the track: the pairing whose across/along ratio is
 *      closest to the image's width/height;
 *   2. the northern across-track side is the first row;
 *   3. on it, the corner to the left of travel (travel = north end → south end) is column 0.
 */

export type LonLat = [number, number];

export interface QuicklookCorners {
  topLeft: LonLat;
  topRight: LonLat;
  bottomRight: LonLat;
  bottomLeft: LonLat;
}

const KM_PER_DEG = 111.195;

/** The exterior ring without its closing position, longitudes continuous (no jump across ±180). */
export function openRing(footprint: Polygon): LonLat[] {
  const ring = footprint.coordinates[0] ?? [];
  const out: LonLat[] = [];
  let previous: number | undefined;
  for (const position of ring) {
    let lon = position[0] ?? 0;
    const lat = position[1] ?? 0;
    if (previous !== undefined) lon += 360 * Math.round((previous - lon) / 360);
    previous = lon;
    const last = out[out.length - 1];
    if (last && last[0] === lon && last[1] === lat) continue;
    out.push([lon, lat]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

/** Local kilometre frame (east, north) around a lon/lat, good across a scene's few hundred km. */
function toKm(origin: LonLat): (p: LonLat) => [number, number] {
  const cos = Math.cos((origin[1] * Math.PI) / 180);
  return (p) => [(p[0] - origin[0]) * KM_PER_DEG * cos, (p[1] - origin[1]) * KM_PER_DEG];
}

/** Indices of the four vertices where the ring turns most, in ring order. */
export function cornerIndices(points: readonly [number, number][]): number[] | null {
  const n = points.length;
  if (n < 4) return null;
  const turns = points.map((p, i) => {
    const a = points[(i + n - 1) % n] as [number, number];
    const b = points[(i + 1) % n] as [number, number];
    const inAngle = Math.atan2(p[1] - a[1], p[0] - a[0]);
    const outAngle = Math.atan2(b[1] - p[1], b[0] - p[0]);
    let turn = Math.abs(outAngle - inAngle);
    if (turn > Math.PI) turn = 2 * Math.PI - turn;
    return { i, turn };
  });
  return turns
    .sort((x, y) => y.turn - x.turn)
    .slice(0, 4)
    .map((t) => t.i)
    .sort((x, y) => x - y);
}

/** Inclination of Airbus' sun-synchronous optical satellites (SPOT 6/7, Pléiades, Pléiades Neo ≈ 98°). */
const INCLINATION_DEG = 98.2;
/** Difference in log aspect (≈ 20 %) above which the image's shape alone tells along from across. */
const ASPECT_DECISIVE = 0.2;

/**
 * Heading (degrees clockwise from north) of a descending sun-synchronous ground track at a latitude:
 * south-south-west at the equator, turning west towards the orbit's northern and southern limits.
 */
export function descendingHeading(latDeg: number): number {
  const ratio = Math.cos((INCLINATION_DEG * Math.PI) / 180) / Math.cos((latDeg * Math.PI) / 180);
  return 180 - (Math.asin(Math.max(-1, Math.min(1, ratio))) * 180) / Math.PI;
}

/** |cos| of the angle between a side (km frame) and the expected track heading at the scene. */
function alongness(a: [number, number], b: [number, number], ll: readonly LonLat[]): number {
  const lat = ll.reduce((sum, p) => sum + p[1], 0) / Math.max(1, ll.length);
  const heading = (descendingHeading(lat) * Math.PI) / 180;
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  return Math.abs(((b[0] - a[0]) * Math.sin(heading) + (b[1] - a[1]) * Math.cos(heading)) / length);
}

const dist = (a: [number, number], b: [number, number]): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
const mid = (a: [number, number], b: [number, number]): [number, number] => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

/** The ground corners of an image of `width` × `height` pixels draped on `footprint`, or null when the footprint is not a quadrilateral strip. */
export function quicklookCorners(footprint: Polygon, width: number, height: number): QuicklookCorners | null {
  const ring = openRing(footprint);
  const origin = ring[0];
  if (!origin || !(width > 0 && height > 0)) return null;
  const km = ring.map(toKm(origin));
  const indices = cornerIndices(km);
  if (!indices) return null;
  const c = indices.map((i) => km[i] as [number, number]);
  const ll = indices.map((i) => ring[i] as LonLat);
  // Sides 0–1 and 2–3 versus 1–2 and 3–0: which pair is across-track (the image's rows' width)?
  const pairA = (dist(c[0]!, c[1]!) + dist(c[2]!, c[3]!)) / 2;
  const pairB = (dist(c[1]!, c[2]!) + dist(c[3]!, c[0]!)) / 2;
  const imageAspect = Math.log(width / height);
  // The sandbox clamps the image to 1:4; clamp the footprint the same way before comparing.
  const aspectMiss = (across: number, along: number): number => Math.abs(Math.log(Math.min(4, Math.max(0.25, across / along))) - imageAspect);
  const missA = aspectMiss(pairA, pairB);
  const missB = aspectMiss(pairB, pairA);
  // A near-square scene fits both ways; then the track heading decides (sides 0–1 are across-track
  // when 1–2 runs along the expected heading).
  const acrossIsA =
    Math.abs(missA - missB) > ASPECT_DECISIVE ? missA < missB : alongness(c[1]!, c[2]!, ll) >= alongness(c[0]!, c[1]!, ll);
  // The two across-track sides as [corner index, corner index].
  const sides: [number, number][] = acrossIsA ? [[0, 1], [2, 3]] : [[1, 2], [3, 0]];
  const midLat = (side: [number, number]): number => ((ll[side[0]]![1] + ll[side[1]]![1]) / 2);
  const [start, end] = midLat(sides[0]!) >= midLat(sides[1]!) ? [sides[0]!, sides[1]!] : [sides[1]!, sides[0]!];
  const startMid = mid(c[start[0]]!, c[start[1]]!);
  const endMid = mid(c[end[0]]!, c[end[1]]!);
  const travel = [endMid[0] - startMid[0], endMid[1] - startMid[1]];
  // Right of travel in an east/north frame is the travel vector turned clockwise.
  const rightness = (i: number): number => (c[i]![0] - startMid[0]) * travel[1]! - (c[i]![1] - startMid[1]) * travel[0]!;
  const [topLeft, topRight] = rightness(start[0]) < rightness(start[1]) ? [start[0], start[1]] : [start[1], start[0]];
  const [bottomLeft, bottomRight] = rightness(end[0]) < rightness(end[1]) ? [end[0], end[1]] : [end[1], end[0]];
  return { topLeft: ll[topLeft]!, topRight: ll[topRight]!, bottomRight: ll[bottomRight]!, bottomLeft: ll[bottomLeft]! };
}

/** Lon/lat box [w, s, e, n] of positions (longitudes as given, so possibly past ±180). */
export function positionsBbox(positions: readonly (LonLat | Position)[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of positions) {
    const lon = p[0] ?? 0;
    const lat = p[1] ?? 0;
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}
