import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { MapTestHook } from '../src/renderer/map/testHook';
import { hostEnv, ROOT, waitForReady } from './desk-host';

/**
 * The page side of the tasking bench: one "armed" measurement at a time, in the built renderer.
 *
 * Clock start: either the moment the answer of `channel` reaches the page (window.fetch wrapped: its
 * promise resolves when the response head arrives; parsing the body is measured) or the user's click
 * (a capture listener on window). Then, stamped in the page:
 *   listAt   — a DOM mutation after which `rows` matches at least `minRows` elements (React's commit);
 *   setAt / setDoneAt — the map port's setAttempts / setTaskingSegments called with `count` items and
 *              returned (the controller's own methods, wrapped on the instance the sections call);
 *   drawnAt  — the first frame after that in which the layer named `layer` rendered (its
 *              `postrender`) with the view neither animating nor interacting: its source changed, and
 *              an image-mode layer redraws its image only at rest, so this is the frame that shows
 *              them (how the layer groups items into features is its own business: not counted);
 *   renderAt — the first `rendercomplete` from that frame on: every layer (basemap included) drawn with
 *              its data at the view at rest (OpenLayers 10 also fires it between the frames of a view
 *              animation, before the image-mode layer shows anything new: not a "drawn" signal);
 *   readyAt  — once the list is committed and the layer drawn: a requestAnimationFrame then a
 *              setTimeout(0), i.e. the next frame was painted and the main thread took a new task.
 * The answer's size and timing come from resource timing.
 */

export interface Arm {
  channel: 'tasking.attempts' | 'tasking.segments';
  startOn: 'answer' | 'click';
  layer: 'attempts' | 'segments';
  count: number;
  rows: string;
  minRows: number;
}

export interface Marks {
  clickAt?: number;
  answerAt?: number;
  answerBytes?: number;
  setAt?: number;
  setDoneAt?: number;
  listAt?: number;
  rows?: number;
  drawnAt?: number;
  renderAt?: number;
  readyAt?: number;
}

interface Current {
  arm: Arm;
  marks: Marks;
  start(): number | undefined;
}
type BenchWindow = Window & { __deskMapTestHook?: MapTestHook; __tk?: { current?: Current } };

/** Runs in the page: installs the probes once per page load, then points them at a new measurement. */
function armInPage(arm: Arm): void {
  const w = window as BenchWindow;
  const hook = w.__deskMapTestHook;
  if (!hook) throw new Error('no map test hook: open the page with ?map-test-hook');
  const now = () => performance.now();
  const marks: Marks = {};
  const current: Current = { arm, marks, start: () => (arm.startOn === 'answer' ? marks.answerAt : marks.clickAt) };
  const finish = (c: Current) => {
    if (c.marks.listAt === undefined || c.marks.drawnAt === undefined) return;
    requestAnimationFrame(() => setTimeout(() => (c.marks.readyAt ??= now()), 0));
  };
  if (!w.__tk) {
    const state: { current?: Current } = {};
    w.__tk = state;
    const fetch0 = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const res = await fetch0(input, init);
      const c = state.current;
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (c && c.marks.answerAt === undefined && url.endsWith(`/${c.arm.channel}`) && (c.arm.startOn === 'answer' || c.marks.clickAt !== undefined)) {
        c.marks.answerAt = now();
        c.marks.answerBytes = Number(res.headers.get('content-length') ?? NaN);
      }
      return res;
    };
    const stamp = (layer: Arm['layer'], n: number, run: () => void) => {
      const c = state.current;
      const hit = c && c.arm.layer === layer && c.start() !== undefined && c.marks.setAt === undefined && n === c.arm.count;
      if (hit) c.marks.setAt = now();
      run();
      if (hit) c.marks.setDoneAt = now();
    };
    const port = hook.tasking;
    const setAttempts = port.setAttempts.bind(port);
    const setSegments = port.setTaskingSegments.bind(port);
    port.setAttempts = (items) => stamp('attempts', items.length, () => setAttempts(items));
    port.setTaskingSegments = (aoi, items) => stamp('segments', items.length, () => setSegments(aoi, items));
    window.addEventListener('click', () => {
      const c = state.current;
      if (c && c.marks.clickAt === undefined) c.marks.clickAt = now();
    }, { capture: true });
    for (const name of ['attempts', 'segments']) {
      hook.map.getAllLayers().find((l) => l.get('name') === name)?.on('postrender', (e) => {
        const c = state.current;
        const hints = e.frameState?.viewHints ?? [1, 1];
        if (!c || c.arm.layer !== name || c.marks.setDoneAt === undefined || c.marks.drawnAt !== undefined || hints[0] || hints[1]) return;
        c.marks.drawnAt = now();
        finish(c);
      });
    }
    hook.map.on('rendercomplete', () => {
      const c = state.current;
      if (c && c.marks.drawnAt !== undefined && c.marks.renderAt === undefined) c.marks.renderAt = now();
    });
    new MutationObserver(() => {
      const c = state.current;
      if (!c || c.start() === undefined || c.marks.listAt !== undefined) return;
      const n = document.querySelectorAll(c.arm.rows).length;
      if (n < c.arm.minRows) return;
      c.marks.listAt = now();
      c.marks.rows = n;
      finish(c);
    }).observe(document.body, { childList: true, subtree: true });
  }
  w.__tk.current = current;
}

/** Arms, runs `act` (the click), and answers the marks once the page is interactive again. */
export async function measure(page: Page, arm: Arm, act: () => Promise<void>): Promise<Required<Marks> & { start: number }> {
  await page.evaluate(armInPage, arm);
  await act();
  await page
    .waitForFunction(() => {
      const m = (window as BenchWindow).__tk?.current?.marks;
      return m?.readyAt !== undefined && m.renderAt !== undefined;
    }, undefined, { timeout: 60_000, polling: 50 })
    .catch(async (err: unknown) => {
      const sofar = await page.evaluate(() => (window as BenchWindow).__tk?.current?.marks).catch(() => undefined);
      throw new Error(`${arm.channel} (${arm.count}) did not finish; marks so far: ${JSON.stringify(sofar)}; ${String(err)}`);
    });
  const marks = await page.evaluate((channel) => {
    const entry = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/${channel}`)).at(-1) as PerformanceResourceTiming | undefined;
    const m = (window as BenchWindow).__tk!.current!.marks;
    return { ...m, answerBytes: entry?.encodedBodySize || m.answerBytes };
  }, arm.channel);
  const start = arm.startOn === 'answer' ? marks.answerAt : marks.clickAt;
  if (start === undefined) throw new Error(`no start mark (${arm.startOn})`);
  return { ...(marks as Required<Marks>), start };
}

/** Puts the view at `lonLat`/`zoom` at once (no animation) and lets the map settle, so every run starts alike. */
export async function resetView(page: Page, lonLat: [number, number], zoom: number): Promise<void> {
  const r = 6_378_137;
  const centre = [(lonLat[0] * Math.PI * r) / 180, r * Math.log(Math.tan(Math.PI / 4 + (lonLat[1] * Math.PI) / 360))];
  await page.evaluate(async ({ centre, zoom }) => {
    const map = (window as BenchWindow).__deskMapTestHook!.map;
    const view = map.getView();
    if (view.getProjection().getCode() !== 'EPSG:3857') throw new Error(`the view is in ${view.getProjection().getCode()}`);
    const settled = new Promise<void>((resolve) => {
      map.once('rendercomplete', () => resolve());
      setTimeout(resolve, 5_000);
    });
    view.setCenter(centre);
    view.setZoom(zoom);
    map.render();
    await settled;
  }, { centre, zoom });
  await page.waitForTimeout(300);
}

/** The longest main-thread task over `ms` (a self-posting MessageChannel: a gap is the task that ran between). */
export const longestTask = (page: Page, ms: number): Promise<number> =>
  page.evaluate(async (ms) => {
    const channel = new MessageChannel();
    let last = performance.now();
    let longest = 0;
    const end = last + ms;
    await new Promise<void>((resolve) => {
      channel.port1.onmessage = () => {
        const t = performance.now();
        longest = Math.max(longest, t - last);
        last = t;
        if (t < end) channel.port2.postMessage(0);
        else resolve();
      };
      channel.port2.postMessage(0);
    });
    return longest;
  }, ms);

/** The browser-mode host on `dataDir` from the private copy `webJs`; `env` e.g. `{ DESK_SANDBOX: 'off' }`. */
export async function startHost(webJs: string, dataDir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [webJs], { cwd: ROOT, env: { ...hostEnv(dataDir), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, url: await waitForReady(child) };
}
