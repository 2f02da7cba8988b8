import type { LonLatBbox } from './projectionExtent';

/**
 * Extent math for fitting the view to footprints, in lon/lat. Boxes use the project's convention
 * ([w, s, e, n], w > e across the antimeridian); results are unwrapped (e ≥ w, e possibly > 180) so
 * that one transform gives one box east of the line instead of a world-wide one.
 */

/** A box with east unwrapped past west (a box across ±180 gets e + 360). */
export function unwrapBbox([w, s, e, n]: LonLatBbox): LonLatBbox {
  return [w, s, e < w ? e + 360 : e, n];
}

/**
 * The smallest box covering every box, going round the globe the short way: footprints on both
 * sides of the antimeridian (Fiji, Kamchatka) give one box across it, not one spanning the world.
 * The longitude span is the complement of the largest longitude gap no box covers.
 */
export function coveringBbox(boxes: readonly LonLatBbox[]): LonLatBbox | null {
  if (boxes.length === 0) return null;
  let south = Infinity;
  let north = -Infinity;
  const intervals: [number, number][] = [];
  for (const box of boxes) {
    const [w, s, e, n] = unwrapBbox(box);
    south = Math.min(south, s);
    north = Math.max(north, n);
    if (e - w >= 360) return [-180, south, 180, north];
    const start = ((((w + 180) % 360) + 360) % 360) - 180;
    intervals.push([start, start + (e - w)]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const first = intervals[0] as [number, number];
  // Sweep in order; the gap before each interval is measured from the furthest end seen so far.
  let reach = first[1];
  let bestGap = -Infinity;
  let bestStart = first[0];
  let bestEnd = first[1];
  for (const [start, end] of intervals.slice(1)) {
    if (start - reach > bestGap) {
      bestGap = start - reach;
      // Covering box starts after this gap and ends, round the globe, at the gap's beginning.
      bestStart = start;
      bestEnd = reach + 360;
    }
    reach = Math.max(reach, end);
  }
  const wrapGap = first[0] + 360 - reach;
  if (wrapGap >= bestGap) {
    bestStart = first[0];
    bestEnd = reach;
  }
  if (bestEnd - bestStart >= 360) return [-180, south, 180, north];
  return [bestStart, south, bestEnd, north];
}

/**
 * A zoom-to-selection never goes closer than this many metres of ground per pixel (about zoom 12
 * in Web Mercator at mid latitudes: a city fills the screen). Small scenes stay in context.
 */
export const MIN_FIT_GROUND_M_PER_PX = 25;

/**
 * The finest view resolution (view units per pixel) a fit may reach, given how many metres one view
 * unit measures at the footprint (OpenLayers' point resolution) and the view's own floor.
 */
export function minFitResolution(metresPerUnitAtCentre: number, viewMinResolution: number): number {
  const fromGround = metresPerUnitAtCentre > 0 && Number.isFinite(metresPerUnitAtCentre) ? MIN_FIT_GROUND_M_PER_PX / metresPerUnitAtCentre : 0;
  return Math.max(fromGround, viewMinResolution);
}

/** Planar lon/lat area weighted by cos(lat): enough to rank footprints by size for hit priority. */
export function approxArea(ring: readonly (readonly number[])[]): number {
  let twice = 0;
  let latSum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    twice += x1 * y2 - x2 * y1;
    latSum += y1;
  }
  const meanLat = ring.length > 1 ? latSum / (ring.length - 1) : 0;
  return Math.abs(twice / 2) * Math.cos((meanLat * Math.PI) / 180);
}
