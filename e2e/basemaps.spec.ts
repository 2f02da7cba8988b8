import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './desk-host';
import { LOCAL_TILE_RGB, ONLINE_TILE_RGB, startTileServer, writeMbtiles } from './tile-fixtures';

/** The app with the map test hook on (to move the view to a place without an AOI behind it). */
const withHook = (url: string) => url.replace('/#', '/?map-test-hook#');

/** Map pixels near one colour (tiles of a fixture, Natural Earth's land), over all the map's canvases. */
async function pixelsNear(page: Page, rgb: readonly number[], tolerance = 24): Promise<number> {
  return page.getByRole('region', { name: 'Map' }).evaluate(
    (region, { rgb: [r0, g0, b0], tolerance: t }) => {
      let count = 0;
      for (const canvas of Array.from(region.querySelectorAll('canvas'))) {
        const ctx = canvas.getContext('2d');
        if (!ctx || canvas.width === 0) continue;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3]! > 200 && Math.abs(data[i]! - r0!) < t && Math.abs(data[i + 1]! - g0!) < t && Math.abs(data[i + 2]! - b0!) < t) count++;
        }
      }
      return count;
    },
    { rgb, tolerance },
  );
}
const LAND = [245, 243, 238];

/** Moves the view (Web Mercator) and resolves after the next complete render. */
async function goTo(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.waitForFunction(() => window.__deskMapTestHook !== undefined);
  await page.evaluate(
    ([lon, lat, zoom]) => {
      const map = window.__deskMapTestHook!.map;
      const x = (lon * 20037508.342789244) / 180;
      const y = Math.log(Math.tan(((90 + lat) * Math.PI) / 360)) * 6378137;
      map.getView().setCenter([x, y]);
      map.getView().setZoom(zoom);
    },
    [lon, lat, zoom] as const,
  );
}

function renderComplete(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__deskMapTestHook!.map;
        map.once('rendercomplete', () => resolve());
        map.render();
      }),
  );
}

/** The stored workspace's layer states, read through the page's own authenticated client. */
function storedLayers(page: Page): Promise<Record<string, { visible: boolean; opacity: number }>> {
  return page.evaluate(async () => {
    const res = await fetch('/api/invoke/workspace.current', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Desk-Token': sessionStorage.getItem('imagery-desk.token') ?? '' },
      body: '{}',
    });
    return ((await res.json()) as { value: { state: { layers: Record<string, { visible: boolean; opacity: number }> } } }).value.state.layers;
  });
}

async function openLayers(page: Page) {
  const toggle = page.getByRole('button', { name: 'Layers', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.getByRole('region', { name: 'Layers panel' });
}

test('layers panel: visibility and opacity are kept in the workspace across a restart', async ({ page, desk }) => {
  await page.goto(desk.url);
  const panel = await openLayers(page);
  await expect(panel.getByRole('radio', { name: 'Natural Earth (offline)' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: 'Feasibility' })).toBeChecked();
  await panel.getByRole('checkbox', { name: 'Graticule' }).uncheck();
  await panel.getByRole('checkbox', { name: 'Acquired segments' }).uncheck();
  await panel.getByRole('slider', { name: 'Footprints opacity' }).fill('40');
  // Keyboard: the slider moves with the arrow keys, Escape closes the panel back onto its button.
  await panel.getByRole('slider', { name: 'AOIs opacity' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Layers', exact: true })).toBeFocused();
  await expect(panel).toBeHidden();
  await expect
    .poll(() => storedLayers(page), { message: 'the layers are written to the workspace' })
    .toMatchObject({ graticule: { visible: false }, segments: { visible: false }, footprints: { opacity: 0.4 }, aois: { opacity: 0.95 } });

  await page.goto(await desk.restart());
  const reopened = await openLayers(page);
  await expect(reopened.getByRole('checkbox', { name: 'Graticule' })).not.toBeChecked();
  await expect(reopened.getByRole('checkbox', { name: 'Acquired segments' })).not.toBeChecked();
  await expect(reopened.getByRole('slider', { name: 'Footprints opacity' })).toHaveValue('40');
  await expect(reopened.getByRole('slider', { name: 'AOIs opacity' })).toHaveValue('95');
  await expect(reopened.getByRole('checkbox', { name: 'Place names' })).toBeChecked();
});

test('offline basemap at city zoom: Natural Earth 10m, borders and place names (docs/screenshot-city.png)', async ({ page, desk }) => {
  await page.goto(withHook(desk.url));
  await goTo(page, 1.4442, 43.6047, 12);
  const layerReady = (name: string) =>
    page.evaluate((n) => {
      const layer = window.__deskMapTestHook!.map.getAllLayers().find((l) => l.get('name') === n);
      return layer?.getVisible() === true && layer.getSource() !== null;
    }, name);
  // The 10m scale is a 6 MB chunk turned into features for the whole world: seconds, not instant.
  await expect.poll(() => layerReady('basemap-10m'), { message: 'the 10m scale is loaded close up', timeout: 30_000 }).toBe(true);
  await expect
    .poll(() => page.evaluate(() => (window.__deskMapTestHook!.map.getAllLayers().find((l) => l.get('name') === 'places')?.getSource() as { getFeatures(): unknown[] } | null)?.getFeatures().length ?? 0), {
      message: 'the town names are loaded close up',
    })
    .toBeGreaterThan(20000);
  await renderComplete(page);
  await page.getByRole('region', { name: 'Map' }).screenshot({ path: join(__dirname, '../docs/screenshot-city.png') });
  expect(await pixelsNear(page, LAND, 6)).toBeGreaterThan(100_000);
});

test('online XYZ basemap: allowed by the CSP, drawn, and offline when its server stops (Natural Earth remains)', async ({ page, desk }) => {
  const tiles = await startTileServer();
  try {
    await page.goto(withHook(desk.url));
    const panel = await openLayers(page);
    await panel.getByRole('button', { name: 'Add a basemap…' }).click();
    const form = panel.getByRole('form', { name: 'Add a basemap' });
    await form.getByLabel('Name').fill('Fixture tiles');
    await form.getByLabel('Tile URL').fill(`${tiles.origin}/{z}/{x}/{y}.png`);
    const reload = page.waitForEvent('load');
    await form.getByRole('button', { name: 'Add basemap' }).click();
    await reload;

    // The app reloads so that the new CSP applies; the workspace brings the basemap back chosen.
    const reloaded = await openLayers(page);
    await expect(reloaded.getByRole('radio', { name: /Fixture tiles/ })).toBeChecked();
    const csp = (await page.request.get(new URL(desk.url).origin + '/')).headers()['content-security-policy'] ?? '';
    expect(csp.split('; ').find((d) => d.startsWith('img-src'))).toBe(`img-src 'self' data: blob: ${tiles.origin}`);
    await expect.poll(() => pixelsNear(page, ONLINE_TILE_RGB), { message: 'the fixture tiles are drawn' }).toBeGreaterThan(20_000);
    expect(tiles.requests()).toBeGreaterThan(0);
    await expect(reloaded.getByRole('status', { name: 'Basemap status' })).toHaveText('Tiles loaded.');

    await tiles.close();
    await goTo(page, 140, -25, 6); // new tiles needed, none can come
    await expect(reloaded.getByRole('status', { name: 'Basemap status' })).toContainText('Offline');
    await renderComplete(page);
    expect(await pixelsNear(page, LAND, 6), 'Natural Earth land shows where the tiles failed').toBeGreaterThan(50_000);
  } finally {
    await tiles.close().catch(() => undefined);
  }
});

test('local MBTiles basemap: opened by path, tiles read by main and drawn', async ({ page, desk }) => {
  const file = join(desk.dataDir, 'field.mbtiles');
  writeMbtiles(file);
  await page.goto(withHook(desk.url));
  const panel = await openLayers(page);
  await panel.getByRole('button', { name: 'Add a basemap…' }).click();
  const form = panel.getByRole('form', { name: 'Add a basemap' });
  await form.getByLabel('Source type').selectOption('file');
  await form.getByLabel('File path').fill(file);
  await form.getByRole('button', { name: 'Add basemap' }).click();
  await expect(panel.getByRole('radio', { name: /Field basemap/ })).toBeChecked();
  await expect.poll(() => pixelsNear(page, LOCAL_TILE_RGB), { message: 'the MBTiles tiles are drawn' }).toBeGreaterThan(20_000);
  await expect(page.getByText('Test tiles')).toBeVisible();
});
