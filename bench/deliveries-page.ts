import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config';
import { startWebHost } from '../src/main/hosts/web';
import type { Registry } from '../src/main/ipc/registry';
import { ROOT } from './desk-host';
import type { BenchFigure } from './run';

/**
 * The UI half of the download bench: the built renderer in Chromium, over the same back end (browser
 * mode's web host on this process's registry), on My data with the product selected; the user clicks
 * Download and the page polls and draws the progress until "Done". Measured in the page the whole time:
 * - the longest gap between two turns of a 4 ms timer beyond its period (how long the page's main thread
 *   was blocked: input would have waited that long), and
 * - the longest task Chromium reports (`longtask` entries, which start at 50 ms; none = none that long).
 * Baselines in the same run: the same page left idle, and left idle while curl fetches the same file.
 */
interface Probe {
  maxLag: number;
  longest: number;
  turns: number;
}
type ProbeWindow = Window & { __lag?: Probe };

function installProbe(): void {
  const w = window as ProbeWindow;
  const probe: Probe = { maxLag: 0, longest: 0, turns: 0 };
  w.__lag = probe;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    probe.maxLag = Math.max(probe.maxLag, now - last - 4);
    probe.turns++;
    last = now;
  }, 4);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longest = Math.max(probe.longest, e.duration);
  }).observe({ type: 'longtask', buffered: false });
}

export async function uiDuringDownload(opts: { registry: Registry; productTitle: string; isDone: () => Promise<boolean>; curlOnce: () => Promise<number> }): Promise<Record<string, BenchFigure>> {
  const host = await startWebHost({ registry: opts.registry, staticDir: join(ROOT, 'out/renderer') });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.getByRole('tab', { name: 'My data' }).click();
    const panel = page.getByRole('region', { name: 'My data' });
    await panel.getByRole('option', { name: new RegExp(`^${opts.productTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    const card = panel.getByRole('listitem', { name: /^File / }).first();
    const name = ((await card.getAttribute('aria-label')) ?? '').replace(/^File /, '');
    await page.waitForTimeout(1000); // the selection's quicklook and map work settle first

    // Baselines: the same page idle, and idle while curl fetches the same file (the machine as busy,
    // the page doing nothing): what the page's timer lag is before the desk's own work.
    await page.evaluate(installProbe);
    await page.waitForTimeout(3000);
    const idle = await page.evaluate(() => (window as ProbeWindow).__lag!);
    await page.evaluate(installProbe);
    await opts.curlOnce();
    const underCurl = await page.evaluate(() => (window as ProbeWindow).__lag!);

    // The pointer goes to the button first and the map settles: moving it off the list clears the list's
    // hover highlight, and that map redraw (~20 ms here, the footprints' own cost, #14) is not the download's.
    const button = card.getByRole('button', { name: `Download ${name}`, exact: true });
    await button.hover();
    await page.waitForTimeout(500);
    await page.evaluate(installProbe);
    const t0 = performance.now();
    await button.click();
    await page.getByRole('status', { name: `Status of ${name}` }).filter({ hasText: /^Done/ }).waitFor({ timeout: 600_000 });
    const elapsed = performance.now() - t0;
    const during = await page.evaluate(() => (window as ProbeWindow).__lag!);
    if (!(await opts.isDone())) throw new Error('the page said Done but the desk did not');
    const ms = (value: number): BenchFigure => ({ value, unit: 'ms' });
    return {
      'UI during a 200 MB download: longest main-thread block (timer lag)': { value: during.maxLag, unit: 'ms', target: '<= 16', met: during.maxLag <= 16 },
      '… UI idle, same page (baseline timer lag)': ms(idle.maxLag),
      '… UI idle while curl downloads the same file (baseline timer lag, machine as busy)': ms(underCurl.maxLag),
      '… UI during the download: longest long task (0 = none ≥ 50 ms)': ms(during.longest),
      '… UI download click → Done': ms(elapsed),
    };
  } finally {
    await browser.close();
    await host.close();
  }
}
