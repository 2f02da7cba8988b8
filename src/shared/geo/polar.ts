import type { Position } from 'geojson';

/**
 * Polar caps as RFC 7946 writes them. A cap cannot be one ring in [-180, 180] without a seam, so the
 * writers (RFC 7946 §3.1.9 cutting, GDAL, Natural Earth's Antarctica) run the rim from -180 to 180,
 * go up the antimeridian to the pole, along the pole and back down: [-180, φ] … [180, φ] [180, 90]
 * [-180, 90] [-180, φ]. On the ellipsoid that climb and descent are one meridian walked up and back
 * (a spur enclosing nothing) and the pole run is a single point, so the region is the ring round
 * the pole made of the rim alone. Reading it that way lets validation, the split and the area all
 * treat both spellings as one shape.
 *
 * The rim is read as RFC 7946 reads any edge, a straight line in lon/lat: a step of 180° or more
 * (typically the bare parallel [-180, φ] → [180, φ]) cannot be a short-way geodesic, so it is written
 * out along its line in steps of PARALLEL_STEP_DEGREES; shorter steps stay as given (geodesics, like
 * every other edge we measure).
 */

/**
 * 1° keeps a 360-vertex rim well under the providers' 999-position cap and any cap's geodesic area
 * within 5e-5 of the cap bounded by the parallel itself (a 360-gon inscribed in a circle).
 */
export const PARALLEL_STEP_DEGREES = 1;

export interface PoleRing {
  /** Closed ring round the pole: starts on -180 or 180 and ends on the same point. */
  positions: Position[];
  /** Input index of each position; written-out positions point at the start of their step. */
  sourceIndex: number[];
}

const isPole = (p: Position): boolean => Math.abs(p[1] as number) === 90;
const same = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/**
 * The ring round the pole that a closed ring written in the RFC 7946 cap form means, or undefined
 * when the ring is not in that form (it never visits a pole, visits it twice, or leaves the pole
 * for another meridian, as a sector from the pole does).
 */
export function readPolarCap(ring: Position[]): PoleRing | undefined {
  const closed = ring.length > 1 && same(ring[0] as Position, ring[ring.length - 1] as Position);
  const n = closed ? ring.length - 1 : ring.length;
  if (n < 3) return undefined;
  const at = (i: number): Position => ring[((i % n) + n) % n] as Position;
  // The pole run must be one stretch of consecutive positions: find where it starts.
  let runStart = -1;
  for (let i = 0; i < n; i++) {
    if (!isPole(at(i)) || isPole(at(i - 1))) continue;
    if (runStart >= 0) return undefined;
    runStart = i;
  }
  if (runStart < 0) return undefined;
  let runEnd = runStart;
  while (isPole(at(runEnd + 1))) runEnd++;
  if (runEnd - runStart + 1 >= n) return undefined;
  const a = at(runStart - 1);
  const b = at(runEnd + 1);
  const [aLon, aLat] = a as [number, number];
  const [bLon, bLat] = b as [number, number];
  if (aLat !== bLat || Math.abs(aLon) !== 180 || aLon !== -bLon) return undefined;

  // The rim, from b (just down from the pole) round to a, which is b's twin across the seam.
  const positions: Position[] = [];
  const sourceIndex: number[] = [];
  const rimLength = n - (runEnd - runStart + 1);
  for (let k = 0; k < rimLength; k++) {
    const index = (((runEnd + 1 + k) % n) + n) % n;
    const p = at(index);
    const next = at(index + 1);
    positions.push([p[0] as number, p[1] as number]);
    sourceIndex.push(index);
    if (k + 1 < rimLength) writeOutWideStep(p, next, index, positions, sourceIndex);
  }
  // Close on b itself rather than its twin a, as every ring round a pole closes.
  positions[positions.length - 1] = [bLon, bLat];
  sourceIndex[sourceIndex.length - 1] = ((runEnd + 1) % n + n) % n;
  return positions.length >= 4 ? { positions, sourceIndex } : undefined;
}

/** Positions strictly between p and q along their lon/lat line when the step spans 180° or more. */
function writeOutWideStep(p: Position, q: Position, index: number, positions: Position[], sourceIndex: number[]): void {
  const [pLon, pLat] = p as [number, number];
  const [qLon, qLat] = q as [number, number];
  const span = Math.abs(qLon - pLon);
  if (span < 180) return;
  const steps = Math.ceil(span / PARALLEL_STEP_DEGREES);
  for (let s = 1; s < steps; s++) {
    // s·Δ/steps rather than (s/steps)·Δ: whole degrees stay whole.
    positions.push([pLon + (s * (qLon - pLon)) / steps, pLat + (s * (qLat - pLat)) / steps]);
    sourceIndex.push(index);
  }
}
