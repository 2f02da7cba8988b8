import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json';
import type { Lonlat } from './sphere';

/**
 * A coarse land/sea grid (0.5°) rasterised once from Natural Earth 1:110m land (already a dependency
 * for the basemap). Imaging satellites spend their time over land, so the catalogue uses it to put
 * most acquisitions there and only a few over open sea.
 */

const CELL = 0.5;
const COLS = 360 / CELL;
const ROWS = 180 / CELL;
let grid: Uint8Array | undefined;
/** The rasterisation under way, shared by the background warm-up and a search that needs the grid now. */
let pending: Generator<void, Uint8Array> | undefined;

/** Rasterises in steps of ROWS_PER_STEP rows, so the warm-up can yield to the event loop between them. */
const ROWS_PER_STEP = 24;

function* rasterise(): Generator<void, Uint8Array> {
  const topo = land110m as unknown as Topology<{ land: GeometryCollection }>;
  const fc = feature(topo, topo.objects.land);
  const rings: Lonlat[][] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') rings.push(...(g.coordinates as Lonlat[][]));
    if (g?.type === 'MultiPolygon') for (const p of g.coordinates as Lonlat[][][]) rings.push(...p);
  }
  const raw = new Uint8Array(COLS * ROWS);
  // Even-odd scanline per row centre: collect where ring edges cross the row, fill between pairs.
  for (let row = 0; row < ROWS; row++) {
    if (row % ROWS_PER_STEP === 0) yield;
    const lat = 90 - (row + 0.5) * CELL;
    const xs: number[] = [];
    for (const r of rings) {
      for (let i = 0; i + 1 < r.length; i++) {
        const [x1, y1] = r[i] as Lonlat;
        const [x2, y2] = r[i + 1] as Lonlat;
        if (y1 > lat !== y2 > lat) xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(((xs[k] as number) + 180) / CELL - 0.5));
      const to = Math.min(COLS - 1, Math.floor(((xs[k + 1] as number) + 180) / CELL - 0.5));
      for (let c = from; c <= to; c++) raw[row * COLS + c] = 1;
    }
  }
  // Grow land by one cell so coastal cities (and small islands the 1:110m data lacks) count as land.
  const out = new Uint8Array(raw);
  for (let row = 0; row < ROWS; row++) {
    if (row % ROWS_PER_STEP === 0) yield;
    for (let c = 0; c < COLS; c++) {
      if (raw[row * COLS + c]) continue;
      for (let dr = -1; dr <= 1 && !out[row * COLS + c]; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = row + dr;
          if (rr >= 0 && rr < ROWS && raw[rr * COLS + ((c + dc + COLS) % COLS)]) {
            out[row * COLS + c] = 1;
            break;
          }
        }
      }
    }
  }
  return out;
}

/** Runs the rasterisation to its end now (what is left of it, when the warm-up started it). */
function landGrid(): Uint8Array {
  if (grid) return grid;
  pending ??= rasterise();
  let step = pending.next();
  while (!step.done) step = pending.next();
  grid = step.value;
  return grid;
}

/**
 * Builds the grid in the background, a few rows per event-loop turn, so the first search after start
 * does not pay for it and the process hosting the sandbox (the desk's main process) never stalls.
 */
export async function warmLandMask(): Promise<void> {
  pending ??= rasterise();
  while (!grid) {
    const step = pending.next();
    if (step.done) grid = step.value;
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** True when the point is on (or within ~50 km of) land. */
export function isLand([lon, lat]: Lonlat): boolean {
  const grid = landGrid();
  const row = Math.min(ROWS - 1, Math.max(0, Math.floor((90 - lat) / CELL)));
  const col = ((Math.floor((lon + 180) / CELL) % COLS) + COLS) % COLS;
  return grid[row * COLS + col] === 1;
}
