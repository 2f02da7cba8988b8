import type { Locator, Page } from '@playwright/test';
import { expect, test } from './desk-host';

/** Steps several journeys share: AOIs from WKT, the archive source, a search, and map pixel counts. */

export const TOULOUSE_WKT = 'POLYGON((1.4 43.56, 1.5 43.56, 1.5 43.64, 1.4 43.64, 1.4 43.56))';
// A wider box around Toulouse, only to bring the map there before drawing the AOI by hand.
export const AROUND_TOULOUSE_WKT = 'POLYGON((1.3 43.5, 1.6 43.5, 1.6 43.7, 1.3 43.7, 1.3 43.5))';

export const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(name) });

/**
 * Counts map pixels of one colour family: the footprints' outline blue (Okabe–Ito blue over the
 * basemap), or vegetation green, i.e. the draped quicklook (the basemap there is beige and grey).
 */
export async function mapPixels(page: Page, kind: 'footprint' | 'quicklook'): Promise<number> {
  return page.getByRole('region', { name: 'Map' }).evaluate((region, which) => {
    let count = 0;
    for (const canvas of Array.from(region.querySelectorAll('canvas'))) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        const hit = which === 'footprint' ? a > 100 && b > 130 && b - r > 90 && b - g > 40 : a > 200 && g > 70 && g - b > 25 && g >= r;
        if (hit) count++;
      }
    }
    return count;
  }, kind);
}
export const footprintPixels = (page: Page) => mapPixels(page, 'footprint');
export const quicklookPixels = (page: Page) => mapPixels(page, 'quicklook');
export const expectQuicklookOnMap = (page: Page) =>
  expect.poll(() => quicklookPixels(page), { message: 'the quicklook should be draped on the map' }).toBeGreaterThan(5000);

export async function pasteAoi(page: Page, name: string, wkt: string) {
  await page.getByRole('button', { name: 'Paste WKT…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste WKT' });
  await dialog.getByLabel(/^WKT/).fill(wkt);
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create AOI' }).click();
  await expect(page.getByRole('listitem', { name })).toContainText('Active');
}

/** Brings the map over Toulouse, then draws the AOI as a rectangle on it with the AOI tools. */
export async function drawToulouseAoi(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await pasteAoi(page, 'Around Toulouse', AROUND_TOULOUSE_WKT);
  await page.getByRole('button', { name: 'Zoom to Around Toulouse' }).click();
  await page.waitForTimeout(400); // the zoom animation (250 ms) settles before drawing on it
  const box = (await page.getByRole('region', { name: 'Map' }).boundingBox())!;
  await page.getByRole('button', { name: 'Draw rectangle' }).click();
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.click(...at(0.33, 0.3));
  await page.mouse.move(...at(0.5, 0.5), { steps: 5 });
  await page.mouse.move(...at(0.67, 0.7), { steps: 5 });
  await page.mouse.click(...at(0.67, 0.7));
  await expect(page.getByRole('status').filter({ hasText: /Created “AOI / })).toBeVisible();
  // The helper goes; the drawn AOI is the active one.
  await page.getByRole('button', { name: 'Delete Around Toulouse' }).click();
  await page.getByRole('dialog', { name: 'Delete AOI?' }).getByRole('button', { name: 'Delete AOI' }).click();
  const list = page.getByRole('list', { name: 'Areas of interest' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toContainText('Active');
}

export async function wktToulouseAoi(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await pasteAoi(page, 'Toulouse', TOULOUSE_WKT);
}

/** Archive section: account, Test connection, contract and product type. */
export async function chooseSource(page: Page, account: string, contract: string | null, productTypeId: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Archive' }).click();
  const panel = page.getByRole('region', { name: 'Archive' });
  const accountSelect = panel.getByLabel('Account', { exact: true });
  const option = accountSelect.getByRole('option', { name: new RegExp(`^${account}`) });
  await accountSelect.selectOption((await option.getAttribute('value'))!);
  await panel.getByRole('button', { name: 'Test connection' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Connected: \d+ contracts?\.$/ })).toBeVisible();
  if (contract) await panel.getByLabel('Contract', { exact: true }).selectOption({ label: contract });
  await panel.getByLabel('Product type', { exact: true }).selectOption(productTypeId);
  await expect(panel.getByLabel('Contract details')).toContainText('Credit remaining');
  return panel;
}

export async function search(page: Page, panel: Locator, screenshot?: string): Promise<Locator> {
  const form = panel.getByRole('form', { name: 'Archive search' });
  await form.getByLabel('From').fill('2023-01-01');
  await form.getByLabel('To').fill('2024-12-31');
  if (screenshot) await shot(page, screenshot);
  await form.getByRole('button', { name: 'Search archive' }).click();
  const results = panel.getByRole('listbox', { name: /^Search results, \d+ scenes/ });
  await expect(results).toBeVisible({ timeout: 20_000 });
  await expect(results.getByRole('option').first()).toBeVisible();
  return results;
}
