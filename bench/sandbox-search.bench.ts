import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { percentile, type Bench, type BenchFigure } from './run';
import { startSandbox } from '../src/sandbox/server';

/**
 * Sandbox archive search latency over real HTTP: OneAtlas opensearch v2 over a year of the global
 * catalogue, for city-sized AOIs (~20 × 20 km, a new place each time so the scene cache does not
 * help) and a country-sized AOI (mainland France, repeated, plus its cold first request).
 */

import { FRANCE, YEAR } from './sandbox-areas';

/** ~20 × 20 km square centred on (lon, lat). */
function city(lon: number, lat: number) {
  const dLat = 10 / 111.2;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const [w, e, s, n] = [lon - dLon, lon + dLon, lat - dLat, lat + dLat];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }; // prettier-ignore
}

// Cities on every continent (inhabited latitudes), visited in turn.
const CITIES: [number, number][] = [
  [1.44, 43.6], [2.35, 48.86], [-0.13, 51.5], [13.4, 52.52], [-3.7, 40.42], [12.5, 41.9], [28.98, 41.01], [37.62, 55.75],
  [31.24, 30.04], [3.38, 6.52], [36.82, -1.29], [18.42, -33.92], [55.27, 25.2], [72.88, 19.08], [77.21, 28.61], [100.5, 13.75],
  [106.85, -6.2], [116.4, 39.9], [121.47, 31.23], [139.69, 35.69], [151.21, -33.87], [174.76, -36.85], [-74.0, 40.71], [-87.63, 41.88],
  [-118.24, 34.05], [-99.13, 19.43], [-77.04, -12.05], [-46.63, -23.55], [-58.38, -34.6], [-70.65, -33.45], [-123.1, 49.28], [-79.38, 43.65],
]; // prettier-ignore

const ms = (v: number): BenchFigure => ({ value: v, unit: 'ms' });
const target = (v: number, max: number): BenchFigure => ({ value: v, unit: 'ms', target: `<= ${max}`, met: v <= max });

/** The first country-sized search of a fresh process, with or without the start-up warm-up (#14 item 5). */
async function firstSearch(mode: 'warm' | 'cold'): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, 'sandbox-first-search.ts'), mode], { cwd: join(__dirname, '..') });
  const { ms, status } = JSON.parse(stdout) as { ms: number; status: number };
  if (status !== 200) throw new Error(`first search answered ${status}`);
  return ms;
}

const bench: Bench = {
  name: 'sandbox-search',
  async run() {
    // Alternated so drift hits both alike; each sample is a new process.
    const cold: number[] = [];
    const warmed: number[] = [];
    for (let i = 0; i < 3; i++) {
      cold.push(await firstSearch('cold'));
      warmed.push(await firstSearch('warm'));
    }
    const firstCold = percentile(cold.sort((a, b) => a - b), 50);
    const firstWarm = percentile(warmed.sort((a, b) => a - b), 50);
    const firstFigures: Record<string, BenchFigure> = {
      'country (France), 1 year: first search after start, no warm-up (baseline, p50 of 3)': ms(firstCold),
      'country (France), 1 year: first search after start, warmed (p50 of 3)': ms(firstWarm),
      'first country search: warmed ÷ no warm-up': { value: firstWarm / firstCold, unit: 'ratio', target: '<= 0.8', met: firstWarm / firstCold <= 0.8 },
    };
    const sandbox = await startSandbox({ port: 0, seed: 42, startTime: new Date('2025-06-01T00:00:00Z') });
    try {
      const token = 'bench-token';
      sandbox.state.tokens.set(token, { token, provider: 'oneatlas', expiresAt: sandbox.state.now().getTime() + 86_400_000 });
      const url = `${sandbox.baseUrls.oneatlas.search}/api/v2/opensearch`;
      let lastTotal = 0;
      const timed = async (geometry: unknown): Promise<number> => {
        const t0 = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ itemsPerPage: 50, startPage: 1, acquisitionDate: YEAR, geometry }),
        });
        const body = (await res.json()) as { totalResults?: number };
        const elapsed = performance.now() - t0;
        if (res.status !== 200) throw new Error(`search answered ${res.status}`);
        lastTotal = body.totalResults ?? 0;
        return elapsed;
      };
      const countryCold = await timed(FRANCE); // includes one-off set-up (land mask, slot tables)
      const countryTotal = lastTotal;
      const cityTimes: number[] = [];
      let cityTotal = 0;
      for (let i = 0; i < 3 * CITIES.length; i++) {
        const [lon, lat] = CITIES[i % CITIES.length] as [number, number];
        // shift each round so that no search repeats a previous one
        cityTimes.push(await timed(city(lon + 0.3 * Math.floor(i / CITIES.length), lat)));
        cityTotal += lastTotal;
      }
      const countryTimes: number[] = [];
      for (let i = 0; i < 20; i++) countryTimes.push(await timed(FRANCE));
      cityTimes.sort((a, b) => a - b);
      countryTimes.sort((a, b) => a - b);
      return {
        'city 20x20 km, 1 year: p50': target(percentile(cityTimes, 50), 50),
        'city 20x20 km, 1 year: p95': target(percentile(cityTimes, 95), 150),
        'city: mean scenes found': { value: cityTotal / cityTimes.length, unit: 'scenes' },
        'country (France), 1 year: cold first request': ms(countryCold),
        'country (France), 1 year: p50': target(percentile(countryTimes, 50), 500),
        'country (France), 1 year: p95': target(percentile(countryTimes, 95), 1000),
        'country: scenes found': { value: countryTotal, unit: 'scenes' },
        ...firstFigures,
      };
    } finally {
      await sandbox.close();
    }
  },
};

export default bench;
