/**
 * Where the graticule's labels go, in screen pixels, as a pure function (unit-tested). OpenLayers'
 * own labels sit where each line meets the view's edge, even when that edge lies outside the CRS's
 * extent (a UTM zone strip seen whole), and they collide where lines converge (meridians near the
 * pole of a conic or transverse projection). Here each label is anchored where its line leaves the
 * visible box (the view ∩ the CRS extent), kept inside it, and every k-th value is labelled with
 * the smallest k for which no two labels overlap, so the labels stay a regular series (0°, 2°, 4°…).
 */

export type Pixel = [number, number];
export interface PixelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
/** A graticule line: its value in degrees and its points in screen pixels. */
export interface LabelLine {
  value: number;
  points: Pixel[];
}
export interface PlacedLabel {
  value: number;
  /** Top-left corner and size of the label's box, in pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Measure = (value: number) => { width: number; height: number };

/** Meridian labels hang just below the top edge; parallel labels sit just left of the right edge. */
const GAP = 4;
/** Space kept clear between two labels so that they read as two. */
const PAD = 6;

function clipSegment(p: Pixel, q: Pixel, box: PixelBox): [Pixel, Pixel] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const edges: [number, number][] = [
    [-dx, p[0] - box.left],
    [dx, box.right - p[0]],
    [-dy, p[1] - box.top],
    [dy, box.bottom - p[1]],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return null;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  const at = (t: number): Pixel => [p[0] + t * dx, p[1] + t * dy];
  return [at(t0), at(t1)];
}

/** The visible point of a line furthest towards one edge: its top-most (meridians) or right-most (parallels). */
export function extremePoint(points: Pixel[], box: PixelBox, edge: 'top' | 'right'): Pixel | null {
  let best: Pixel | null = null;
  const better = (a: Pixel) => !best || (edge === 'top' ? a[1] < best[1] : a[0] > best[0]);
  for (let i = 1; i < points.length; i++) {
    const part = clipSegment(points[i - 1]!, points[i]!, box);
    if (!part) continue;
    for (const point of part) if (better(point)) best = point;
  }
  return best;
}

const overlaps = (a: PlacedLabel, b: PlacedLabel): boolean =>
  a.x < b.x + b.width + PAD && b.x < a.x + a.width + PAD && a.y < b.y + b.height && b.y < a.y + a.height;

/** The spacing of the series (its interval), from the values themselves. */
function seriesStep(values: number[]): number {
  const sorted = [...new Set(values.map((v) => Math.round(v * 1e6) / 1e6))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i]! - sorted[i - 1]!);
  return Number.isFinite(step) && step > 0 ? step : 1;
}

/** Every k-th value (counted from 0°, so the kept ones stay round), for the smallest k without overlaps. */
function thin(candidates: PlacedLabel[], blocked: PlacedLabel[] = []): PlacedLabel[] {
  const free = candidates.filter((c) => !blocked.some((b) => overlaps(b, c)));
  if (free.length < 2) return free;
  const step = seriesStep(free.map((c) => c.value));
  for (let k = 1; k <= free.length; k++) {
    const kept = free.filter((c) => Math.round(c.value / step) % k === 0);
    if (kept.every((a, i) => kept.every((b, j) => j <= i || !overlaps(a, b)))) return kept;
  }
  return free.slice(0, 1);
}

function place(lines: LabelLine[], box: PixelBox, measure: Measure, edge: 'top' | 'right'): PlacedLabel[] {
  const out: PlacedLabel[] = [];
  for (const line of lines) {
    const anchor = extremePoint(line.points, box, edge);
    if (!anchor) continue;
    const { width, height } = measure(line.value);
    let x = edge === 'top' ? anchor[0] - width / 2 : anchor[0] - GAP - width;
    let y = edge === 'top' ? anchor[1] + GAP : anchor[1] - height / 2;
    // Slide the label along the edge into the box; a line too close to a corner is not labelled.
    x = Math.min(Math.max(x, box.left), box.right - width);
    y = Math.min(Math.max(y, box.top), box.bottom - height);
    if (x < box.left || y < box.top) continue;
    out.push({ value: line.value, x, y, width, height });
  }
  return out;
}

/**
 * Labels for meridians (along the top of the visible box) and parallels (along its right side),
 * none overlapping another and none outside the box. Meridian labels are placed first; a parallel
 * label that would touch one of them (the top-right corner) is left out.
 */
export function placeGraticuleLabels(
  meridians: LabelLine[],
  parallels: LabelLine[],
  box: PixelBox,
  measure: { lon: Measure; lat: Measure },
): { lon: PlacedLabel[]; lat: PlacedLabel[] } {
  if (box.right - box.left <= 0 || box.bottom - box.top <= 0) return { lon: [], lat: [] };
  const lon = thin(place(meridians, box, measure.lon, 'top'));
  const lat = thin(place(parallels, box, measure.lat, 'right'), lon);
  return { lon, lat };
}

/** The visible box: the view's pixels, inset a little, cut to the CRS extent's pixel rectangle if any. */
export function visibleBox(size: [number, number], extentCorners: Pixel[] | null, inset = 4): PixelBox {
  const box = { left: inset, top: inset, right: size[0] - inset, bottom: size[1] - inset };
  if (!extentCorners || extentCorners.length === 0) return box;
  const xs = extentCorners.map((p) => p[0]);
  const ys = extentCorners.map((p) => p[1]);
  return {
    left: Math.max(box.left, Math.min(...xs) + inset),
    top: Math.max(box.top, Math.min(...ys) + inset),
    right: Math.min(box.right, Math.max(...xs) - inset),
    bottom: Math.min(box.bottom, Math.max(...ys) - inset),
  };
}
