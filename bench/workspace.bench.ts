import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { DATABASE_FILE } from '../src/main/desk';
import { forgetSecrets, INDEX_HTML, median, snapshotApp, snapshotRoot, spawnHost, stopHost, waitForReady, WEB_JS, withTestHook } from './desk-host';
import { percentile, type Bench, type BenchFigure } from './run';
import { COUNT, prepareTemplate, VIEW } from './workspace-data';

/**
 * Workspace restore at start, and the cost of saving the workspace as the view moves (browser mode,
 * Chromium, the built app).
 *
 * Data: a template data folder is made once with the app's own store code (openDatabase, the AOI
 * service, createSearchesRepo().save, the workspace service): one AOI over France, a stored search of
 * 5,000 scenes (10-vertex strips over western Europe, OneAtlas-like properties) and a current
 * workspace with section 'archive', that search, a selected scene and a view centred on the strips.
 * Each run gets a fresh copy (the app writes the workspace back as it runs).
 *
 * 1. Restore. Clock from just before spawning `node out/main/web.js` (Node and page share the epoch
 *    performance.timeOrigin + now()). An init script traps `window.__deskMapTestHook` (turned on by
 *    `?map-test-hook`) and listens to every `rendercomplete`; the clock stops at the first one after
 *    which the layer named 'footprints' holds all 5,000 features AND the view's zoom is the saved one.
 *    OpenLayers renders a frame (the image-mode footprint layer included) synchronously and fires
 *    rendercomplete in the same task, so that frame had the footprints and the restored view. The
 *    canvas is then checked for footprint-blue pixels (as e2e/journey.ts mapPixels). For the breakdown
 *    the trap also wraps the controller's setFootprints (stamped when the 5,000 arrive and return) and
 *    resource timing gives workspace.current / archive.searchPage request and answer times. Baseline,
 *    interleaved in the same run: an empty data folder (first start, world view) → first
 *    rendercomplete. 5 runs each, median and max.
 * 2. Saving. In a restored page, 40 animated view changes (250 ms, a closed loop of pans and zooms)
 *    each next one started 1 s after the previous one's moveend, so each debounced save (600 ms after
 *    moveend) fires alone, away from the rendering. Measured meanwhile:
 *    requestAnimationFrame gaps, and main-thread tasks with a MessageChannel probe (a self-posting
 *    message; a gap between two deliveries is the task that ran in between, seen from 4 ms up where
 *    the Long Tasks API starts at 50). Saves are timed by wrapping window.fetch and counted by
 *    page.route on workspace.save. "Longest task while saving" = longest probe gap meeting any
 *    [save − 1 ms, save + 150 ms] window (the timer task that calls flush, and its reply handling).
 *    Baseline: the identical loop first, with the map's 'moveend' listeners (only the workspace's
 *    view recorder listens) detached, so nothing is patched or saved — the same rendering without
 *    the workspace; its "save windows" are placed 600 ms after each moveend as the debounce would.
 *    An 8-step loop (detached, unmeasured) warms up first.
 *
 * The hosts run a private copy of out/ taken at the start (others rebuild out/ meanwhile); the template
 * is made with src/, so build just before running (a schema mismatch makes the host refuse the file).
 */

const RUNS = 5;
const STEPS = 40;
/** After each view change has settled (moveend): long enough for the debounced save to fire and be answered. */
const SETTLE_MS = 1_000;
/** The private copy of the built app the hosts run (see snapshotApp). */
let app = WEB_JS;

type Marks = { hookAt?: number; firstAt?: number; footprintsAt?: number; setAt?: number; setDoneAt?: number };
/** Before any page script: stamps the map's creation, its first rendercomplete and the one with the restored footprints. */
const TRAP = (count: number, zoom: number) => `(() => {
  window.__name = (fn) => fn; // tsx keepNames wraps evaluated functions in __name
  const stamp = () => performance.timeOrigin + performance.now();
  const marks = (window.__deskBench = {});
  const saves = (window.__deskSaves = []);
  const fetch0 = window.fetch.bind(window);
  window.fetch = (input, init) => { if (String(input).endsWith('/workspace.save')) saves.push(performance.now()); return fetch0(input, init); };
  let hook;
  Object.defineProperty(window, '__deskMapTestHook', { configurable: true, get: () => hook, set: (value) => {
    hook = value;
    if (!value || marks.hookAt !== undefined) return;
    marks.hookAt = stamp();
    const map = value.map;
    const set = value.archive.setFootprints.bind(value.archive); // the controller's own method, as the archive calls it
    value.archive.setFootprints = (items) => {
      const big = items.length >= ${count} && ${count} > 0 && marks.setAt === undefined;
      if (big) marks.setAt = stamp();
      set(items);
      if (big) marks.setDoneAt = stamp();
    };
    map.on('rendercomplete', () => {
      const t = stamp();
      if (marks.firstAt === undefined) marks.firstAt = t;
      if (marks.footprintsAt !== undefined || ${count} === 0) return;
      const layer = map.getAllLayers().find((l) => l.get('name') === 'footprints');
      const n = layer ? layer.getSource().getFeatures().length : 0;
      if (n >= ${count} && Math.abs(map.getView().getZoom() - ${zoom}) < 0.01) marks.footprintsAt = t;
    });
  } });
})();`;

const now = (): number => performance.timeOrigin + performance.now();

/** Footprint-blue pixels on the map's canvases (the predicate of e2e/journey.ts mapPixels). */
const bluePixels = (page: Page): Promise<number> =>
  page.getByRole('region', { name: 'Map' }).evaluate((region) => {
    let count = 0;
    for (const canvas of Array.from(region.querySelectorAll('canvas'))) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 100 && data[i + 2]! > 130 && data[i + 2]! - data[i]! > 90 && data[i + 2]! - data[i + 1]! > 40) count++;
    }
    return count;
  });

interface Launch { child: ChildProcess; page: Page; t0: number; dataDir: string; close(): Promise<void> }

/** Spawns the host on a copy of `template` (or an empty folder) and opens the page with the trap. */
async function launch(browser: Browser, template: string | null, onPage?: (page: Page) => Promise<unknown>): Promise<Launch> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-ws-'));
  if (template) copyFileSync(join(template, DATABASE_FILE), join(dataDir, DATABASE_FILE));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(template ? TRAP(COUNT, VIEW.zoom) : TRAP(0, 0));
  await onPage?.(page);
  const t0 = now();
  const child = spawnHost(dataDir, app);
  const close = async () => {
    await context.close();
    await stopHost(child);
    await forgetSecrets(dataDir).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await page.goto(withTestHook(await waitForReady(child)));
  } catch (err) {
    await close();
    throw err;
  }
  return { child, page, t0, dataDir, close };
}

interface StartRun { total: number; detail: Record<string, number> }

async function startRun(browser: Browser, template: string | null): Promise<StartRun> {
  const run = await launch(browser, template);
  try {
    const key = template ? 'footprintsAt' : 'firstAt';
    await run.page.waitForFunction((k) => (window as unknown as { __deskBench: Marks }).__deskBench[k as keyof Marks] !== undefined, key, { timeout: 60_000 });
    const m = await run.page.evaluate(() => {
      const at = (name: string) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.endsWith(name));
      const [cur, page] = [at('/workspace.current'), at('/archive.searchPage')];
      return { ...(window as unknown as { __deskBench: Marks }).__deskBench, origin: performance.timeOrigin,
        currentEnd: cur?.responseEnd ?? NaN, pageStart: page?.startTime ?? NaN, pageEnd: page?.responseEnd ?? NaN, pageKB: (page?.encodedBodySize ?? NaN) / 1024 };
    });
    if (template && (await bluePixels(run.page)) < 500) throw new Error('restore: footprints rendered but no footprint-blue pixels on the map');
    const stop = template ? m.footprintsAt! : m.firstAt!;
    return { total: stop - run.t0, detail: { mapCreated: m.hookAt! - run.t0, currentEnd: m.origin + m.currentEnd - run.t0, pageStart: m.origin + m.pageStart - run.t0,
      pageEnd: m.origin + m.pageEnd - run.t0, pageKB: m.pageKB, firstRender: m.firstAt! - run.t0,
      setAt: (m.setAt ?? NaN) - run.t0, setDoneAt: (m.setDoneAt ?? NaN) - run.t0 } };
  } finally {
    await run.close();
  }
}

interface Phase { gaps: number[]; tasks: [number, number][]; moveends: number[]; saves: number[] }

/** The closed loop of animated view changes, measured; `detach` takes the map's moveend listeners off meanwhile. */
const viewLoop = (page: Page, detach: boolean, steps = STEPS): Promise<Phase> =>
  page.evaluate(async ({ steps, settle, detach }) => {
    const w = window as unknown as { __deskMapTestHook: import('../src/renderer/map/testHook').MapTestHook; __deskSaves: number[] };
    const map = w.__deskMapTestHook.map;
    const view = map.getView();
    const detached = detach ? [...(map.getListeners('moveend') ?? [])] : [];
    for (const fn of detached) map.removeEventListener('moveend', fn);
    const out: Phase = { gaps: [], tasks: [], moveends: [], saves: [] };
    const onMoveEnd = () => out.moveends.push(performance.now());
    map.on('moveend', onMoveEnd);
    let running = true;
    let lastFrame: number | undefined;
    const frame = (t: number) => {
      if (lastFrame !== undefined) out.gaps.push(t - lastFrame);
      lastFrame = t;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const probe = new MessageChannel();
    let lastTick = performance.now();
    probe.port1.onmessage = () => {
      const t = performance.now();
      if (t - lastTick > 4) out.tasks.push([lastTick, t]);
      lastTick = t;
      if (running) probe.port2.postMessage(0);
    };
    probe.port2.postMessage(0);
    const savesBefore = w.__deskSaves.length;
    const [cx, cy] = view.getCenter()!;
    const [z0, r] = [view.getZoom()!, view.getResolution()! * 300];
    for (let i = 1; i <= steps; i++) {
      const a = (2 * Math.PI * i) / steps;
      const settled = out.moveends.length + 1;
      view.animate({ center: [cx! + r * Math.sin(a), cy! + r * (1 - Math.cos(a))], zoom: z0 + 0.5 * Math.sin(2 * a), duration: 250 });
      while (out.moveends.length < settled) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, settle)); // the debounced save (600 ms) fires alone in here
    }
    running = false;
    map.un('moveend', onMoveEnd);
    for (const fn of detached) map.addEventListener('moveend', fn);
    out.saves = w.__deskSaves.slice(savesBefore);
    return out;
  }, { steps, settle: SETTLE_MS, detach });

/** Longest probed task meeting any [at − 1, at + 150] ms window. */
const longestNear = (tasks: [number, number][], ats: number[]): number =>
  Math.max(0, ...tasks.filter(([s, e]) => ats.some((at) => e > at - 1 && s < at + 150)).map(([s, e]) => e - s));
/** The median over windows of each window's longest task (0 when none over 4 ms): the typical save, not the worst. */
const typicalNear = (tasks: [number, number][], ats: number[]): number => median(ats.map((at) => longestNear(tasks, [at])));

async function savingPhases(browser: Browser, template: string) {
  let calls = 0;
  const run = await launch(browser, template, (page) => page.route('**/api/invoke/workspace.save', (route) => {
    calls++;
    return route.continue();
  }));
  try {
    await run.page.waitForFunction(() => (window as unknown as { __deskBench: Marks }).__deskBench.footprintsAt !== undefined, undefined, { timeout: 60_000 });
    await run.page.waitForTimeout(2_000); // restore settles (its own saves included)
    const restoreCalls = calls;
    await viewLoop(run.page, true, 8); // warm-up (JIT, caches), not measured
    const baseline = await viewLoop(run.page, true);
    await run.page.waitForTimeout(1_500);
    const baselineCalls = calls - restoreCalls;
    const saving = await viewLoop(run.page, false);
    await run.page.waitForTimeout(1_000);
    return { baseline, saving, restoreCalls, baselineCalls, savingCalls: calls - restoreCalls - baselineCalls };
  } finally {
    await run.close();
  }
}

const fig = (value: number, unit: string, max?: number): BenchFigure =>
  max === undefined ? { value, unit } : { value, unit, target: `<= ${max}`, met: value <= max };

const bench: Bench = {
  name: `workspace (restore ${COUNT.toLocaleString('en')} footprints at start, saving while the view moves; Chromium)`,
  async run() {
    if (!existsSync(WEB_JS) || !existsSync(INDEX_HTML)) throw new Error('workspace bench needs the built app: run `npx electron-vite build` first.');
    const template = mkdtempSync(join(tmpdir(), 'desk-bench-ws-template-'));
    let browser: Browser | undefined;
    try {
      app = snapshotApp();
      const t = performance.now();
      prepareTemplate(template);
      const prepMs = performance.now() - t;
      browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
      const restore: StartRun[] = [];
      const empty: StartRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        empty.push(await startRun(browser, null));
        restore.push(await startRun(browser, template));
      }
      const { baseline, saving, restoreCalls, baselineCalls, savingCalls } = await savingPhases(browser, template);

      const r = restore.map((x) => x.total);
      const e = empty.map((x) => x.total);
      const d = (k: string) => median(restore.map((x) => x.detail[k]!));
      const gapsS = [...saving.gaps].sort((a, b) => a - b);
      const gapsB = [...baseline.gaps].sort((a, b) => a - b);
      const wouldSave = baseline.moveends.map((m) => m + 600);
      const savingMoveEnd = longestNear(saving.tasks, saving.moveends.map((m) => m - 40));
      const baselineMoveEnd = longestNear(baseline.tasks, baseline.moveends.map((m) => m - 40));
      return {
        'template data folder prepared (5,000 scenes, not timed)': fig(prepMs, 'ms'),
        [`restore at start, launch → map with ${COUNT.toLocaleString('en')} footprints (median)`]: fig(median(r), 'ms', 1500),
        [`restore at start, launch → map with ${COUNT.toLocaleString('en')} footprints (max)`]: fig(Math.max(...r), 'ms', 1500),
        'empty start, launch → first rendercomplete (median)': fig(median(e), 'ms'),
        'empty start, launch → first rendercomplete (max)': fig(Math.max(...e), 'ms'),
        'restore ÷ empty start (median)': fig(median(r) / median(e), '×'),
        '… restore: launch → map created (median)': fig(d('mapCreated'), 'ms'),
        '… restore: launch → workspace.current answered (median)': fig(d('currentEnd'), 'ms'),
        '… restore: launch → archive.searchPage asked (median)': fig(d('pageStart'), 'ms'),
        '… restore: launch → archive.searchPage answered (median)': fig(d('pageEnd'), 'ms'),
        '… restore: archive.searchPage response size': fig(d('pageKB'), 'KB'),
        '… restore: launch → setFootprints(5,000) called (median)': fig(d('setAt'), 'ms'),
        '… restore: launch → setFootprints returned (median)': fig(d('setDoneAt'), 'ms'),
        '… restore: launch → first rendercomplete (median)': fig(d('firstRender'), 'ms'),
        'saving the workspace: longest main-thread task (ms)': fig(longestNear(saving.tasks, saving.saves), 'ms', 16),
        'baseline: longest task in the would-be save windows (ms)': fig(longestNear(baseline.tasks, wouldSave), 'ms'),
        'saving: longest task per save window, median of 40': fig(typicalNear(saving.tasks, saving.saves), 'ms'),
        'baseline: longest task per would-be window, median': fig(typicalNear(baseline.tasks, wouldSave), 'ms'),
        'longest task at a view change (moveend), recording': fig(savingMoveEnd, 'ms'),
        'longest task at a view change (moveend), baseline': fig(baselineMoveEnd, 'ms'),
        'frame gap while saving p99 (ms)': fig(percentile(gapsS, 99), 'ms'),
        'frame gap while saving max (ms)': fig(gapsS.at(-1) ?? NaN, 'ms'),
        'baseline frame gap p99 (ms)': fig(percentile(gapsB, 99), 'ms'),
        'baseline frame gap max (ms)': fig(gapsB.at(-1) ?? NaN, 'ms'),
        'frame gap p99, saving ÷ baseline': fig(percentile(gapsS, 99) / percentile(gapsB, 99), '×'),
        'view changes per phase': fig(STEPS, 'changes'),
        'workspace.save calls while saving (page.route)': fig(savingCalls, 'calls'),
        'workspace.save calls seen by the fetch wrapper': fig(saving.saves.length, 'calls'),
        'workspace.save calls in the baseline phase (page.route)': fig(baselineCalls, 'calls'),
        'workspace.save calls during the restore (page.route)': fig(restoreCalls, 'calls'),
      };
    } finally {
      await browser?.close();
      rmSync(template, { recursive: true, force: true });
      if (app !== WEB_JS) rmSync(snapshotRoot(app), { recursive: true, force: true });
      app = WEB_JS;
    }
  },
};

export default bench;
