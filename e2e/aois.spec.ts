import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './desk-host';

const FIXTURE = join(__dirname, 'fixtures/three-aois.geojson');

async function importFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import GeoJSON…' }).click();
  await (await chooser).setFiles(path);
}

test('import three AOIs with their repairs, edit them with undo, export and re-import the same', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await expect(page.getByText('No AOI yet')).toBeVisible();

  await importFile(page, FIXTURE);
  const report = page.getByRole('dialog', { name: /Import 3 AOIs from three-aois.geojson/ });
  await expect(report).toBeVisible();
  await expect(report.getByRole('list', { name: 'Repairs for Toulouse (3D)' })).toContainText(/height/i);
  await expect(report.getByRole('list', { name: 'Repairs for Paris (clockwise)' })).toContainText(/wound|winding/i);
  await expect(report.getByRole('list', { name: 'Repairs for Fiji (antimeridian)' })).toContainText(/antimeridian/i);
  await expect(report).toContainText('Skipped 1 non-polygon member');
  await page.screenshot({ path: test.info().outputPath('01-import-report.png') });
  await report.getByRole('button', { name: 'Import 3' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 AOIs' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Areas of interest' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem', { name: 'Paris (clockwise)' })).toContainText('km²');

  // Rename, then undo and redo it from the keyboard.
  await page.getByRole('button', { name: 'Rename Paris (clockwise)' }).click();
  await page.getByLabel('New name for Paris (clockwise)').fill('Paris');
  await page.getByLabel('New name for Paris (clockwise)').press('Enter');
  await expect(list.getByRole('listitem', { name: 'Paris' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem', { name: 'Paris (clockwise)' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(list.getByRole('listitem', { name: 'Paris', exact: true })).toBeVisible();

  // Delete asks first and can be undone.
  await page.getByRole('button', { name: 'Delete Toulouse (3D)' }).click();
  await page.getByRole('dialog', { name: 'Delete AOI?' }).getByRole('button', { name: 'Delete AOI' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);

  // Export all, then import the export into a fresh host: the same AOIs come back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all as GeoJSON' }).click();
  const exported = await (await download).path();
  const text = readFileSync(exported, 'utf8');
  const fc = JSON.parse(text) as { type: string; features: { properties: { name: string }; geometry: unknown }[] };
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.features.map((f) => f.properties.name).sort()).toEqual(['Fiji (antimeridian)', 'Paris', 'Toulouse (3D)']);
  await page.screenshot({ path: test.info().outputPath('02-aois.png') });

  for (const a of ['Fiji (antimeridian)', 'Paris', 'Toulouse (3D)']) {
    await page.getByRole('button', { name: `Delete ${a}` }).click();
    await page.getByRole('dialog', { name: 'Delete AOI?' }).getByRole('button', { name: 'Delete AOI' }).click();
  }
  await expect(page.getByText('No AOI yet')).toBeVisible();
  await importFile(page, exported);
  const again = page.getByRole('dialog', { name: /Import 3 AOIs/ });
  await expect(again.getByText('No repair needed.')).toHaveCount(3);
  await again.getByRole('button', { name: 'Import 3' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  const download2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all as GeoJSON' }).click();
  const reexported = JSON.parse(readFileSync(await (await download2).path(), 'utf8')) as typeof fc;
  const byName = (x: typeof fc) => Object.fromEntries(x.features.map((f) => [f.properties.name, f.geometry]));
  expect(byName(reexported)).toEqual(byName(fc));
});

test('a broken file is refused with its line and column, and nothing changes', async ({ page, desk }, testInfo) => {
  const broken = testInfo.outputPath('broken.geojson');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(broken, '{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature", }\n  ]\n}\n');
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await importFile(page, broken);
  const dialog = page.getByRole('dialog', { name: 'Nothing was imported' });
  await expect(dialog.getByRole('list', { name: 'Problems' })).toContainText(/line 4/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No AOI yet')).toBeVisible();
});

test('paste WKT creates an AOI; an invalid one says where', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await page.getByRole('button', { name: 'Paste WKT…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste WKT' });
  await dialog.getByLabel(/^WKT/).fill('POLYGON((2.25 48.81, 2.42 48.81, 2.42 48.90');
  await dialog.getByRole('button', { name: 'Create AOI' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/character/);
  await dialog.getByLabel(/^WKT/).fill('POLYGON((2.25 48.81, 2.42 48.81, 2.42 48.90, 2.25 48.90, 2.25 48.81))');
  await dialog.getByLabel('Name').fill('Paris WKT');
  await dialog.getByRole('button', { name: 'Create AOI' }).click();
  await expect(page.getByRole('listitem', { name: 'Paris WKT' })).toContainText('Active');
});

test('view the AOIs in 3857, 4326 and 2154, move a vertex by typing metres, export and re-import the same', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await importFile(page, FIXTURE);
  await page.getByRole('dialog', { name: /Import 3 AOIs/ }).getByRole('button', { name: 'Import 3' }).click();
  const list = page.getByRole('list', { name: 'Areas of interest' });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  await page.getByRole('button', { name: 'Select Paris (clockwise)' }).click();
  await expect(list.getByRole('listitem', { name: 'Paris (clockwise)' })).toContainText('Active');
  await page.getByRole('button', { name: 'Zoom to Paris (clockwise)' }).click();
  const details = page.getByRole('region', { name: 'Active AOI Paris (clockwise)' });
  const projection = details.getByLabel('Map projection');
  await expect(projection).toHaveValue('3857');
  await page.waitForTimeout(400); // the zoom animation (250 ms) settles before the picture
  await page.screenshot({ path: test.info().outputPath('03-map-3857.png') });

  await projection.selectOption('4326');
  await details.getByText(/^Vertices \(/).click();
  const table = details.getByRole('table', { name: 'Vertices in EPSG:4326' });
  await expect(table.getByLabel('Vertex 1 longitude')).toHaveValue(/^2\.\d+/);
  await page.screenshot({ path: test.info().outputPath('04-map-4326.png') });

  // 2154 is not a product projection here (no product selected): the user adds it by number.
  await details.getByLabel('Add EPSG code').fill('2154');
  await details.getByRole('button', { name: 'Add' }).click();
  await expect(projection).toHaveValue('2154');
  const lambert = details.getByRole('table', { name: 'Vertices in EPSG:2154' });
  const easting = lambert.getByLabel('Vertex 1 easting');
  const before = Number(await easting.inputValue());
  // Paris lies around (652 000, 6 862 000) in Lambert-93.
  expect(before).toBeGreaterThan(640_000);
  expect(before).toBeLessThan(665_000);
  expect(Number(await lambert.getByLabel('Vertex 1 northing').inputValue())).toBeGreaterThan(6_850_000);
  await page.screenshot({ path: test.info().outputPath('05-map-2154.png') });

  const lonBefore = await exportedFirstVertexLon(page, 'Paris (clockwise)');
  await easting.fill(String(before + 500));
  await easting.press('Enter');
  await expect(easting).toHaveValue((before + 500).toFixed(2));
  // 500 m east at 48.8°N is about 0.0068° of longitude, stored in EPSG:4326.
  const lonAfter = await exportedFirstVertexLon(page, 'Paris (clockwise)');
  expect(lonAfter - lonBefore).toBeCloseTo(500 / (111_320 * Math.cos((48.81 * Math.PI) / 180)), 3);
  await page.keyboard.press('Control+z');
  await expect(easting).toHaveValue(before.toFixed(2));
  await page.keyboard.press('Control+Shift+z');
  await expect(easting).toHaveValue((before + 500).toFixed(2));

  // Export all, delete all, re-import: the same AOIs (with the moved vertex) come back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all as GeoJSON' }).click();
  const exported = await (await download).path();
  const fc = JSON.parse(readFileSync(exported, 'utf8')) as FeatureCollection;
  for (const a of ['Fiji (antimeridian)', 'Paris (clockwise)', 'Toulouse (3D)']) {
    await page.getByRole('button', { name: `Delete ${a}` }).click();
    await page.getByRole('dialog', { name: 'Delete AOI?' }).getByRole('button', { name: 'Delete AOI' }).click();
  }
  await importFile(page, exported);
  await page.getByRole('dialog', { name: /Import 3 AOIs/ }).getByRole('button', { name: 'Import 3' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  const download2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all as GeoJSON' }).click();
  const again = JSON.parse(readFileSync(await (await download2).path(), 'utf8')) as FeatureCollection;
  expect(byName(again)).toEqual(byName(fc));
});

interface FeatureCollection {
  features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[];
}
const byName = (x: FeatureCollection) => Object.fromEntries(x.features.map((f) => [f.properties.name, f.geometry]));

async function exportedFirstVertexLon(page: Page, name: string): Promise<number> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export ${name}` }).click();
  const fc = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as FeatureCollection;
  return fc.features[0]?.geometry.coordinates[0]?.[0]?.[0] ?? NaN;
}
