import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scene } from '../src/shared/domain/archive';
import { openDatabase } from '../src/main/store/database';
import { BoxContents } from '../src/main/store/scene-box-contents';
import { createSearchesRepo, type BBox, type CachedSceneItem } from '../src/main/store/searches-repo';
import { openPlainSceneStore } from './plain-scene-store';
import { percentile, type Bench, type BenchFigure } from './run';

/**
 * The offline scene cache at a heavy user's scale: 1,000,000 scenes cached through the searches repo
 * (500-scene pages of searches over 1–4° AOIs, one transaction each, as a search saves them), then spatial + date queries of a
 * city and of a country through `queryCached`, the same queries as full-table scans, and the rtree's
 * speed-up. Deterministic (seeded), temp-file database opened as the app opens it. Beside it, in the
 * same run and on the same scenes, the plain baseline of bench/plain-scene-store.ts (pages alternate
 * between the two, so the machine's drift falls on both alike).
 */

const SCENES = 1_000_000;
const PAGE = 500;
const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);
const SPAN = 5 * 365 * DAY;

/** mulberry32: a small, fast, well-mixed seeded generator (a float LCG repeats itself in patterns). */
function rng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rough land boxes [w, s, e, n] with weights; Europe is denser (a European reseller's cache). */
const EUROPE: BBox = [-10, 36, 30, 60];
const REGIONS: { box: BBox; weight: number }[] = [
  { box: EUROPE, weight: 0.14 },
  { box: [-125, 25, -65, 55], weight: 0.2 },
  { box: [-80, -55, -35, 10], weight: 0.14 },
  { box: [-17, -35, 50, 35], weight: 0.2 },
  { box: [40, 10, 140, 55], weight: 0.22 },
  { box: [113, -38, 153, -12], weight: 0.1 },
];

const CONSTELLATIONS = [
  ['PHR', ['PHR1A', 'PHR1B'], 0.5],
  ['SPOT', ['SPOT6', 'SPOT7'], 1.5],
  ['PNEO', ['PNEO3', 'PNEO4'], 0.3],
] as const;

/**
 * Where one search looked: a 1–4° box inside a weighted land region. A page of results all meets its
 * AOI, so a page's scenes are near each other (and spread over the years), as in real use.
 */
function searchArea(rnd: () => number): BBox {
  let pick = rnd();
  const [w, s, e, n] = (REGIONS.find((r) => (pick -= r.weight) < 0) ?? REGIONS[0]!).box;
  const size = 1 + rnd() * 3;
  const west = w + rnd() * (e - w - size);
  const south = s + rnd() * (n - s - size);
  return [west, south, west + size, south + size];
}

function makeScene(i: number, area: BBox, rnd: () => number): Scene {
  const [w, s, e, n] = area;
  const lon = w + rnd() * (e - w);
  const lat = s + rnd() * (n - s);
  // A 10–60 km strip tilted like a descending sun-synchronous pass (~10° off north).
  const alongKm = 10 + rnd() * 50;
  const acrossKm = 10 + rnd() * 50;
  const kmLat = 1 / 111.32;
  const kmLon = 1 / (111.32 * Math.cos((lat * Math.PI) / 180));
  const tilt = ((-8 - rnd() * 6) * Math.PI) / 180;
  const corner = (a: number, c: number): [number, number] => {
    const x = c * Math.cos(tilt) - a * Math.sin(tilt);
    const y = c * Math.sin(tilt) + a * Math.cos(tilt);
    return [+(lon + x * kmLon).toFixed(6), +(lat + y * kmLat).toFixed(6)];
  };
  const ring = [corner(-alongKm / 2, -acrossKm / 2), corner(-alongKm / 2, acrossKm / 2), corner(alongKm / 2, acrossKm / 2), corner(alongKm / 2, -acrossKm / 2)];
  ring.push(ring[0]!);
  const [constellation, satellites, resolutionM] = CONSTELLATIONS[Math.floor(rnd() * CONSTELLATIONS.length)]!;
  const at = new Date(T0 + Math.floor(rnd() * SPAN)).toISOString();
  const id = `${constellation}_${i.toString(36).padStart(6, '0')}`;
  const cloudCover = Math.round(rnd() * 1000) / 10;
  const incidenceAngle = Math.round(rnd() * 400) / 10;
  return {
    id,
    sourceId: `DS_${id}_${at.slice(0, 10).replaceAll('-', '')}`,
    constellation,
    satellite: satellites[Math.floor(rnd() * 2)]!,
    acquisitionDate: at,
    cloudCover,
    incidenceAngle,
    resolutionM,
    footprint: { type: 'Polygon', coordinates: [ring] },
    aoiCoverage: Math.round(rnd() * 100) / 100,
    hasQuicklook: true,
    properties: {
      acquisitionDate: at,
      cloudCover,
      incidenceAngle,
      azimuthAngle: Math.round(rnd() * 3600) / 10,
      sunElevation: Math.round(rnd() * 600) / 10 + 20,
      sunAzimuth: Math.round(rnd() * 3600) / 10,
      processingLevel: 'SENSOR',
      productType: 'bundle',
      workspaceId: '0e33eb50-3404-48ad-b835-b0b4b72a5625',
    },
  };
}

const fig = (value: number, unit: string, target?: string, met?: boolean): BenchFigure =>
  target === undefined ? { value, unit } : { value, unit, target, met: met ?? false };

interface Query {
  bbox: BBox;
  from: number;
  to: number;
}

/** Random boxes of a given size inside Europe with a date window of `days` inside the 5 years. */
function queries(count: number, widthDeg: number, heightDeg: number, days: number, seed: number): Query[] {
  const rnd = rng(seed);
  const [w, s, e, n] = EUROPE;
  return Array.from({ length: count }, () => {
    const west = w + rnd() * (e - w - widthDeg);
    const south = s + rnd() * (n - s - heightDeg);
    const from = T0 + Math.floor(rnd() * (SPAN - days * DAY));
    return { bbox: [west, south, west + widthDeg, south + heightDeg] as BBox, from, to: from + days * DAY };
  });
}

function timeAll(qs: Query[], run: (q: Query) => number): { sorted: number[]; meanHits: number } {
  const times: number[] = [];
  let hits = 0;
  for (const q of qs) {
    const t0 = performance.now();
    hits += run(q);
    times.push(performance.now() - t0);
  }
  return { sorted: times.sort((a, b) => a - b), meanHits: hits / qs.length };
}

const bench: Bench = {
  name: 'scene-store (1,000,000 cached scenes, SQLite + R*Tree)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'desk-scenes-'));
    const file = join(dir, 'desk.sqlite');
    const db = openDatabase(file);
    const plain = openPlainSceneStore(join(dir, 'plain.sqlite'));
    try {
      const repo = createSearchesRepo(db);
      const rnd = rng(20240501);
      let saveMs = 0;
      let plainSaveMs = 0;
      for (let p = 0; p < SCENES / PAGE; p++) {
        const area = searchArea(rnd);
        const scenes = Array.from({ length: PAGE }, (_, k) => makeScene(p * PAGE + k, area, rnd));
        const t0 = performance.now();
        repo.save({
          searchId: `search-${p}`,
          provider: 'oneatlas',
          accountLabel: 'Bench',
          aoiName: `AOI ${p}`,
          aoiGeometry: scenes[0]!.footprint,
          params: { accountId: 'acc', contractId: null, aoiId: `aoi-${p}`, from: '2020-01-01', to: '2024-12-31', maxCloudCover: 100, maxIncidenceAngle: 90, constellations: [], sort: 'date-desc', pageSize: PAGE, page: 1 },
          totalResults: PAGE,
          scenes,
          createdAt: new Date(T0 + p * 60_000).toISOString(),
        });
        saveMs += performance.now() - t0;
        const t1 = performance.now();
        plain.savePage(scenes);
        plainSaveMs += performance.now() - t1;
      }
      const perSecond = SCENES / (saveMs / 1000);
      const plainPerSecond = SCENES / (plainSaveMs / 1000);

      // The same list query without the rtree: every box row is read and each of its scenes checked.
      const everyBox = db.prepare<[], Buffer>('SELECT data FROM scene_box_contents').pluck();
      const indexed = (q: Query) => repo.queryCached(q.bbox, q.from, q.to, 5000).length;
      const scanned = (q: Query) => {
        const [w, s, e, n] = q.bbox;
        const hits: CachedSceneItem[] = [];
        for (const data of everyBox.iterate()) {
          const box = new BoxContents(data);
          for (let slot = 0; slot < box.size; slot++) if (box.meets(slot, w, s, e, n, q.from, q.to)) hits.push(box.cachedItem(slot));
        }
        return hits.length;
      };

      // openDatabase maps the file (mmap_size), as the app does: each hit is a random row.
      // City: ~30 × 30 km over 15 months; country: 6° × 5° (a mid-sized European country) over a year.
      const cities = queries(2000, 0.4, 0.27, 456, 1);
      const countries = queries(300, 6, 5, 365, 2);
      timeAll(cities.slice(0, 200), indexed); // warm the page cache as a session in use would have
      const city = timeAll(cities, indexed);
      const country = timeAll(countries, indexed);
      const plainRun = (q: Query) => plain.query(q.bbox, q.from, q.to, 5000).length;
      timeAll(cities.slice(0, 200), plainRun);
      const plainCity = timeAll(cities, plainRun);
      const plainCountry = timeAll(countries, plainRun);
      const cityScan = timeAll(cities.slice(0, 5), scanned);
      const countryScan = timeAll(countries.slice(0, 5), scanned);

      const cityP95 = percentile(city.sorted, 95);
      const countryP95 = percentile(country.sorted, 95);
      const cityRatio = percentile(cityScan.sorted, 50) / percentile(city.sorted, 50);
      const countryRatio = percentile(countryScan.sorted, 50) / percentile(country.sorted, 50);
      const plainCountryP95 = percentile(plainCountry.sorted, 95);
      const countryVsPlain = plainCountryP95 / countryP95;
      const cachingVsPlain = perSecond / plainPerSecond;
      db.pragma('wal_checkpoint(TRUNCATE)');
      return {
        'country: plain R*Tree join ÷ ours (p95)': fig(countryVsPlain, '×', '>= 3', countryVsPlain >= 3),
        'caching: ours ÷ plain indexed insert': fig(cachingVsPlain, '×', '>= 1.75', cachingVsPlain >= 1.75),
        'caching throughput (500-scene saves)': fig(perSecond, 'scenes/s', '>= 60000', perSecond >= 60_000),
        'baseline: plain indexed insert throughput': fig(plainPerSecond, 'scenes/s'),
        'baseline: plain R*Tree join, country p95': fig(plainCountryP95, 'ms'),
        'baseline: plain R*Tree join, city p95': fig(percentile(plainCity.sorted, 95), 'ms'),
        'caching 1,000,000 scenes, total': fig(saveMs / 1000, 's'),
        'database size': fig(statSync(file).size / 1024 / 1024, 'MB'),
        'city + 15 months: mean hits': fig(city.meanHits, 'scenes'),
        'city + 15 months: p50': fig(percentile(city.sorted, 50), 'ms'),
        'city + 15 months: p95': fig(cityP95, 'ms', '<= 0.5', cityP95 <= 0.5),
        'country + 1 year: mean hits': fig(country.meanHits, 'scenes'),
        'country + 1 year: p50': fig(percentile(country.sorted, 50), 'ms'),
        'country + 1 year: p95': fig(countryP95, 'ms', '<= 10', countryP95 <= 10),
        'city, full scan: p50': fig(percentile(cityScan.sorted, 50), 'ms'),
        'country, full scan: p50': fig(percentile(countryScan.sorted, 50), 'ms'),
        'city: scan / indexed (p50)': fig(cityRatio, '×', '>= 500', cityRatio >= 500),
        'country: scan / indexed (p50)': fig(countryRatio, '×', '>= 500', countryRatio >= 500),
      };
    } finally {
      plain.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
