import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { parseGeoJsonText } from '../src/shared/geo/geojson-import';
import type { Bench, BenchFigure } from './run';

/**
 * Importing a 50 MB GeoJSON file (issue 4 targets): parse + check time and peak memory in the parsing
 * code itself, and in the real app (browser mode, Chromium) the time from choosing the file to the
 * import report, with the longest main-thread task while it runs (the worker must keep the UI free);
 * then confirming until the list shows every AOI, and after it the longest main-thread task while the
 * AOI list is scrolled and filtered, the map panned and zoomed over the AOIs, and the Archive AOI picker
 * filtered and used (a longtask PerformanceObserver: 0 means no task of 50 ms or more).
 */

const TARGET_BYTES = 50 * 1024 * 1024;
/** How long the bench's user reads the import report before confirming. */
const READING_MS = 8_000;

/** ~50 MB of valid polygons: 80-vertex rings scattered over land and sea, deterministic. */
function makeFile(path: string): number {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  while (size < TARGET_BYTES) {
    const lon = -170 + rnd() * 340;
    const lat = -60 + rnd() * 130;
    const r = 0.02 + rnd() * 0.2;
    const ring: string[] = [];
    for (let k = 0; k < 80; k++) {
      const a = (k / 80) * 2 * Math.PI;
      ring.push(`[${(lon + r * Math.cos(a)).toFixed(7)},${(lat + r * 0.8 * Math.sin(a)).toFixed(7)}]`);
    }
    ring.push(ring[0]!);
    const f = `{"type":"Feature","properties":{"name":"Site ${i++}"},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}`;
    parts.push(f);
    size += f.length + 1;
  }
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}`);
  return i;
}

const fig = (value: number, unit: string, target?: string, met?: boolean): BenchFigure =>
  target === undefined ? { value, unit } : { value, unit, target, met: met ?? false };

interface AppFigures {
  toReportMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** Confirming: the AOIs handed over, stored, and the list and map showing them. */
  confirmMs: number;
  confirmLongestTaskMs: number;
  /** After the import, the longest main-thread task (0: none of 50 ms or more) while the user … */
  listScrolledMs: number;
  mapPannedMs: number;
  pickerMs: number;
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

/** Long tasks seen since the last call (the observer reports tasks of 50 ms and more). */
const takeLongTasks = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    const seen = w.longTasks;
    w.longTasks = [];
    return seen;
  });
const longest = (tasks: number[]) => Math.max(0, ...tasks);
/** Lets what a gesture set off (requests, frames that build features) finish inside the measure. */
const settle = (page: Page, ms = 1500) => page.waitForTimeout(ms);

async function inTheApp(file: string, features: number): Promise<AppFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const host = spawn(process.execPath, [join(__dirname, '../out/main/web.js')], { env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_SANDBOX_ACCOUNTS: 'off' } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    host.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /ready: (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    host.once('exit', () => reject(new Error(`host exited: ${out}`)));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('tab', { name: 'AOIs' }).click();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ entryTypes: ['longtask'] });
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import GeoJSON…' }).click();
    const start = Date.now();
    await (await chooser).setFiles(file);
    await page.getByRole('dialog', { name: /^Import \d+ AOIs/ }).waitFor({ timeout: 120_000 });
    const toReportMs = Date.now() - start;
    const tasks = await takeLongTasks(page);
    // A user reads the report (24,483 AOIs, their repairs and offers) before confirming; the app uploads
    // the file to main meanwhile, hidden. Its long tasks count as storing's (taken from here on).
    await page.waitForTimeout(READING_MS);
    const confirmStart = Date.now();
    await page.getByRole('dialog', { name: /^Import \d+ AOIs/ }).getByRole('button', { name: /^Import \d+$/ }).click();
    await page.getByRole('status').filter({ hasText: /^Imported \d+ AOIs/ }).waitFor({ timeout: 300_000 });
    // Listed: the count says every AOI and the list shows its first rows (not only the status line).
    const list = page.getByRole('list', { name: 'Areas of interest' });
    await page.getByText(`${features.toLocaleString('en')} AOIs`, { exact: true }).waitFor({ timeout: 300_000 });
    await list.getByRole('listitem').first().waitFor({ timeout: 300_000 });
    const confirmMs = Date.now() - confirmStart;
    await settle(page);
    const confirmTasks = await takeLongTasks(page);

    // The AOI list scrolled far down with the wheel, then filtered.
    await list.hover();
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(60);
    }
    await page.getByRole('searchbox', { name: 'Filter AOIs by name' }).pressSequentially('Site 12', { delay: 40 });
    await list.getByRole('listitem', { name: 'Site 12', exact: true }).waitFor();
    await settle(page, 500);
    const listTasks = await takeLongTasks(page);

    // The map panned and zoomed over the AOIs (each settle brings the AOIs of the new view).
    const map = page.getByRole('region', { name: 'Map' });
    const box = (await map.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // The pointer rests on the map first: OpenLayers times canvas reads once per page, on the first
    // hit detection (a ~150 ms task whatever the map shows), which is not the AOIs' cost.
    await page.mouse.move(cx, cy, { steps: 4 });
    await settle(page);
    await takeLongTasks(page);
    for (const [dx, dy] of [[300, 0], [0, 200], [-400, -100]] as const) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + dx, cy + dy, { steps: 12 });
      await page.mouse.up();
      await settle(page, 800);
    }
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -300);
      await settle(page, 800);
    }
    const mapTasks = await takeLongTasks(page);

    // The Archive section's AOI picker: opened, filtered by typing, an AOI chosen.
    await page.getByRole('tab', { name: 'Archive' }).click();
    await settle(page);
    await takeLongTasks(page);
    const picker = page.getByLabel('AOI', { exact: true });
    await picker.focus();
    await page.getByRole('searchbox', { name: 'Find AOI by name' }).pressSequentially('Site 24', { delay: 40 });
    await picker.getByRole('option', { name: /^Site 24 \(/ }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: (await picker.getByRole('option', { name: /^Site 24 \(/ }).textContent()) ?? '' });
    await settle(page, 500);
    const pickerTasks = await takeLongTasks(page);
    return {
      toReportMs,
      longestTaskMs: longest(tasks),
      longTasks: tasks.length,
      confirmMs,
      confirmLongestTaskMs: longest(confirmTasks),
      listScrolledMs: longest(listTasks),
      mapPannedMs: longest(mapTasks),
      pickerMs: longest(pickerTasks),
    };
  } finally {
    await browser.close();
    host.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Peak resident memory above the start of a fresh process reading the file (bench/aoi-import-memory.ts). */
function peakMemory(file: string, mode: 'check' | 'json'): number {
  const out = execFileSync(process.execPath, [...process.execArgv, join(__dirname, 'aoi-import-memory.ts'), file, mode], { encoding: 'utf8' });
  return (JSON.parse(out) as { peakOverBefore: number }).peakOverBefore;
}

const bench: Bench = {
  name: 'aoi-import (50 MB GeoJSON)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'desk-import-'));
    const file = join(dir, 'big.geojson');
    try {
      const features = makeFile(file);
      const bytes = statSync(file).size;
      const { readFileSync } = await import('node:fs');
      // The baseline, on the same file in the same run: reading it and JSON.parse, nothing checked.
      // Three rounds alternating with ours, medians compared, so drift falls on both alike.
      const baselineTimes: number[] = [];
      const parseTimes: number[] = [];
      for (let round = 0; round < 3; round++) {
        const b0 = performance.now();
        JSON.parse(readFileSync(file, 'utf8'));
        baselineTimes.push(performance.now() - b0);
        const t0 = performance.now();
        const result = parseGeoJsonText(readFileSync(file, 'utf8'), { maxVertices: 999 });
        parseTimes.push(performance.now() - t0);
        if (!result.ok) throw new Error(`bench file refused: ${result.problems[0]?.message}`);
      }
      const checkMemory = peakMemory(file, 'check') / bytes;
      const jsonMemory = peakMemory(file, 'json') / bytes;
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
      const parseMs = median(parseTimes);
      const jsonParseMs = median(baselineTimes);
      const parseRatio = parseMs / jsonParseMs;
      const app = await inTheApp(file, features);
      return {
        'file size': fig(bytes / 1024 / 1024, 'MB'),
        'features': fig(features, 'AOIs'),
        'parse + check ÷ JSON.parse': fig(parseRatio, '×', '<= 2.5', parseRatio <= 2.5),
        'parse + check (Node, median of 3)': fig(parseMs, 'ms'),
        'baseline: read + JSON.parse (median of 3)': fig(jsonParseMs, 'ms'),
        'peak memory over file size (Node)': fig(checkMemory, '×', '<= 4', checkMemory <= 4),
        'baseline: peak memory over file size, JSON.parse alone': fig(jsonMemory, '×'),
        'choose file → report (Chromium)': fig(app.toReportMs, 'ms', '<= 3000', app.toReportMs <= 3000),
        'longest main-thread task meanwhile': fig(app.longestTaskMs, 'ms', '<= 50', app.longestTaskMs <= 50),
        'main-thread tasks over 50 ms': fig(app.longTasks, 'tasks'),
        'confirm → AOIs listed (Chromium)': fig(app.confirmMs, 'ms', '<= 3000', app.confirmMs <= 3000),
        '… report read before confirming (not timed)': fig(READING_MS, 'ms'),
        'longest main-thread task while storing': fig(app.confirmLongestTaskMs, 'ms', '<= 50', app.confirmLongestTaskMs <= 50),
        'longest task: AOI list scrolled': fig(app.listScrolledMs, 'ms', '<= 50', app.listScrolledMs <= 50),
        'longest task: map panned with the AOIs': fig(app.mapPannedMs, 'ms', '<= 50', app.mapPannedMs <= 50),
        'longest task: Archive AOI picker opened and filtered': fig(app.pickerMs, 'ms', '<= 50', app.pickerMs <= 50),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
