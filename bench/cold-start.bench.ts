import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import type { MapTestHook } from '../src/renderer/map/testHook';
import { forgetSecrets, hostEnv, INDEX_HTML, ROOT, stopHost, waitForReady, WEB_JS } from './desk-host';
import type { Bench, BenchFigure } from './run';

/**
 * Browser-mode cold start to a rendered map, as on a first run: a fresh data folder each time (so the
 * host also creates its database and the sandbox accounts), `node out/main/web.js` spawned the way
 * e2e/desk-host.ts does, the printed URL opened in Chromium, the clock stopped at the map's first
 * OpenLayers `rendercomplete`.
 *
 * Clock: t0 = just before spawn (Node). "ready" = the host's `ready: <url>` line read on its stdout.
 * The map time is taken inside the page: the URL carries `?map-test-hook`, and an init script traps
 * the assignment of `window.__deskMapTestHook` (made in MapController's constructor, before the map's
 * first frame) to hang a `rendercomplete` listener on the new map, which stamps the wall clock
 * (performance.timeOrigin + performance.now(), the same epoch as Node's). After the stop, the map
 * region (role "region", name "Map") is checked to hold a canvas with a size, and the canvas is
 * sampled to be sure something was drawn. Chromium is launched once, before the runs (not timed);
 * each run gets a new browser context (empty cache and storage) created before the spawn.
 *
 * Needs the built app (`npx electron-vite build`). The host uses the real keychain vault as the app
 * does: without a reachable Secret Service the sandbox accounts are made without secrets (a faster
 * path); under scripts/with-keychain.sh the first run also writes their secrets, which the bench
 * deletes again afterwards.
 */

const RUNS = 5;

type HookWindow = Window & { __deskMapTestHook?: MapTestHook; __deskBench?: { hookAt?: number; renderAt?: number } };

/** Runs in the page before any of its scripts: stamps when the map exists and when it first rendered. */
const TRAP = `(() => {
  const stamp = () => performance.timeOrigin + performance.now();
  const marks = (window.__deskBench = {});
  let hook;
  Object.defineProperty(window, '__deskMapTestHook', {
    configurable: true,
    get: () => hook,
    set: (value) => {
      hook = value;
      if (value && marks.hookAt === undefined) {
        marks.hookAt = stamp();
        value.map.once('rendercomplete', () => { marks.renderAt = stamp(); });
      }
    },
  });
})();`;

const now = (): number => performance.timeOrigin + performance.now();

interface Run {
  total: number;
  toReady: number;
  readyToMap: number;
  /** From the host's ready line to the map object existing (navigation, scripts, React mount). */
  readyToMapCreated: number;
  /** From the host's ready line to the app bundle downloaded, then to DOMContentLoaded (bundle run). */
  readyToBundle: number;
  readyToDcl: number;
  /** From the map object existing to its first complete render. */
  mapCreatedToRender: number;
}

async function once(browser: Browser): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-cold-'));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  let child: ChildProcess | undefined;
  try {
    const page = await context.newPage();
    await page.addInitScript(TRAP);
    const t0 = now();
    child = spawn(process.execPath, [WEB_JS], { cwd: ROOT, env: hostEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await waitForReady(child);
    const ready = now();
    // The query turns the hook on; the token stays in the fragment where the client looks for it.
    await page.goto(url.replace('/#', '/?map-test-hook#'));
    await page.waitForFunction(() => (window as HookWindow).__deskBench?.renderAt !== undefined, undefined, { timeout: 30_000 });
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => /\/assets\/index-[^/]*\.js$/.test(e.name));
      return {
        ...(window as HookWindow).__deskBench!,
        dclAt: performance.timeOrigin + (nav?.domContentLoadedEventEnd ?? NaN),
        bundleAt: performance.timeOrigin + (js?.responseEnd ?? NaN),
      };
    });
    const drawn = await page.getByRole('region', { name: 'Map' }).evaluate((region) => {
      const canvas = region.querySelector('canvas');
      if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
      const ctx = canvas.getContext('2d');
      if (!ctx) return true; // not a 2D canvas: its size is all that can be checked
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4 * 97) if (data[i] !== 0) return true;
      return false;
    });
    if (!drawn) throw new Error('rendercomplete fired but the map region holds no drawn canvas');
    const renderAt = marks.renderAt!;
    const hookAt = marks.hookAt!;
    return {
      total: renderAt - t0,
      toReady: ready - t0,
      readyToMap: renderAt - ready,
      readyToMapCreated: hookAt - ready,
      readyToBundle: marks.bundleAt - ready,
      readyToDcl: marks.dclAt - ready,
      mapCreatedToRender: renderAt - hookAt,
    };
  } finally {
    await context.close();
    if (child) await stopHost(child);
    await forgetSecrets(dataDir).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (v: number): BenchFigure => ({ value: v, unit: 'ms' });
const target = (v: number, max: number): BenchFigure => ({ value: v, unit: 'ms', target: `<= ${max}`, met: v <= max });
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const bench: Bench = {
  name: 'cold-start (browser mode, first run → rendered map, Chromium)',
  async run() {
    if (!existsSync(WEB_JS) || !existsSync(INDEX_HTML)) {
      throw new Error(`cold-start needs the built app (${existsSync(WEB_JS) ? INDEX_HTML : WEB_JS} is missing): run \`npx electron-vite build\` first.`);
    }
    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const runs: Run[] = [];
    try {
      for (let i = 0; i < RUNS; i++) runs.push(await once(browser));
    } finally {
      await browser.close();
    }
    const pick = (f: (r: Run) => number) => runs.map(f);
    const total = pick((r) => r.total);
    return {
      runs: { value: runs.length, unit: 'runs' },
      'spawn → map rendered: median': target(median(total), 2000),
      'spawn → map rendered: max': target(Math.max(...total), 2000),
      'spawn → ready line: median': ms(median(pick((r) => r.toReady))),
      'spawn → ready line: max': ms(Math.max(...pick((r) => r.toReady))),
      'ready → map rendered: median': ms(median(pick((r) => r.readyToMap))),
      'ready → map rendered: max': ms(Math.max(...pick((r) => r.readyToMap))),
      '… ready → app bundle downloaded: median': ms(median(pick((r) => r.readyToBundle))),
      '… ready → DOMContentLoaded (bundle run): median': ms(median(pick((r) => r.readyToDcl))),
      '… ready → map created (page load, React): median': ms(median(pick((r) => r.readyToMapCreated))),
      '… map created → first rendercomplete: median': ms(median(pick((r) => r.mapCreatedToRender))),
    };
  },
};

export default bench;
