import type { Locator, Page } from '@playwright/test';
import { expect, test } from './desk-host';
import { expectNoAxeViolations } from './axe';
import { chooseSource, search, wktToulouseAoi } from './journey';
import { admin, sandboxOrigin } from './tasking-journey';

/**
 * Price comparison (#13): the Archive basket's scenes and tasking product types of other accounts,
 * priced side by side against the real sandbox, one refused on its own row; the table is stored and
 * shows again after a reload; "Order…" opens the Archive section's normal flow on that offer.
 */

const SHOTS = '/tmp/shots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}` });

/** Selects the first result of a mission and puts it in the basket. */
async function addToBasket(panel: Locator, results: Locator, mission: RegExp): Promise<void> {
  await results.getByRole('option', { name: mission }).first().click();
  const detail = panel.getByRole('region', { name: /· \d{4}-\d{2}-\d{2}/ });
  await detail.getByRole('button', { name: 'Add to basket' }).click();
  await expect(detail.getByRole('button', { name: 'Remove from basket' })).toBeVisible();
}

/** "€1,234.50" -> 1234.5 */
const amountOf = (text: string): number => Number(text.replace(/[^\d.]/g, ''));

/** The body rows of the table, in the order shown. */
const bodyRows = (table: Locator) => table.locator('tbody').getByRole('row');

async function expectFourRowsOneRefused(table: Locator): Promise<number[]> {
  const rows = bodyRows(table);
  await expect(rows).toHaveCount(4);
  // The refused Pléiades OneDay row is last and says why across the figures it could not give.
  const refused = rows.nth(3);
  await expect(refused).toContainText('Pléiades OneDay');
  await expect(refused).toContainText(/The AOI is [\d.]+ km², this product needs 100 km²: enlarge it\./);
  await expect(refused.getByRole('cell', { name: /enlarge it/ })).toHaveAttribute('colspan', '5');
  const amounts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const amount = (await rows.nth(i).getByRole('cell').nth(5).textContent()) ?? '';
    expect(amount).toMatch(/^€[\d,]+(\.\d+)?$/);
    amounts.push(amountOf(amount));
  }
  expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
  return amounts;
}

test('a comparison of four offers with one refused: sorted, stored, and ordered through the normal flow', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.url);
  const origin = await sandboxOrigin(page);
  await wktToulouseAoi(page); // ~72 km²: under the 100 km² minimum of Pléiades OneDay tasking

  // The basket: a Pléiades and a SPOT scene found with the GeoAPI sandbox account.
  const archive = await chooseSource(page, 'Sandbox — GeoAPI', null, 'PleiadesArchiveMono');
  const results = await search(page, archive);
  await addToBasket(archive, results, /PHR|Pl[eé]iades/i);
  await addToBasket(archive, results, /SPOT/i);
  await expect(archive.getByLabel('2 scenes in basket')).toBeVisible();

  await page.getByRole('tab', { name: 'Compare' }).click();
  const panel = page.getByRole('region', { name: 'Compare prices' });
  await expect(panel.getByLabel('AOI compared')).toContainText('Toulouse');
  await expect(panel.getByText('Archive: the 2 scenes in your basket')).toBeVisible();
  const compare = panel.getByRole('button', { name: /^Compare \d+ offers?$/ });
  await expect(compare).toBeDisabled();
  await expect(panel.getByText('Tick at least one offer to compare.')).toBeVisible();

  // Two archive offers of GeoAPI, two tasking offers of OneAtlas.
  const geoapi = panel.getByRole('group', { name: /^Airbus GeoAPI.*Sandbox GeoAPI archive/ });
  await geoapi.getByRole('checkbox', { name: /^Pleiades 0\.5-m · / }).check();
  await geoapi.getByRole('checkbox', { name: /^SPOT 1\.5-m · / }).check();
  const oneatlas = panel.getByRole('group', { name: /^Airbus OneAtlas.*Sandbox SPOT & Pléiades/ });
  await oneatlas.getByRole('checkbox', { name: 'Pléiades OnePlan', exact: true }).check();
  await oneatlas.getByRole('checkbox', { name: 'Pléiades OneDay', exact: true }).check();
  await expect(geoapi).toContainText('2 of');
  await shot(page, 'compare-1-picker.png');

  await expect(compare).toHaveText('Compare 4 offers');
  // A slow provider, so the progress is seen: the panel is busy and says what it is pricing.
  await admin(origin, '/faults', { latencyMs: 400 });
  await compare.click();
  await expect(panel.getByRole('status').filter({ hasText: 'Pricing 4 offers…' })).toBeVisible();
  await expect(panel).toHaveAttribute('aria-busy', 'true');
  await expect(panel.getByRole('button', { name: 'Pricing 4 offers…' })).toBeDisabled();
  await shot(page, 'compare-2-pricing.png');
  const table = panel.getByRole('table', { name: /^4 offers for Toulouse/ });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  await admin(origin, '/faults', { latencyMs: 0 });
  await expect(table.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'ascending');
  const amounts = await expectFourRowsOneRefused(table);
  // GeoAPI SPOT archive bills the AOI at the product's 100 km² minimum: 450 €.
  const spotRow = bodyRows(table).filter({ hasText: 'SPOT 1.5-m' });
  await expect(spotRow.getByRole('cell').nth(4)).toHaveText('100 km²');
  await expect(spotRow.getByRole('cell').nth(5)).toHaveText('€450.00');
  // The OnePlan row names its earliest acquisition (local time, UTC in its title).
  const planRow = bodyRows(table).filter({ hasText: 'Pléiades OnePlan' });
  await expect(planRow.locator('time').first()).toHaveAttribute('title', /UTC$/);
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'compare-3-table.png');
  await expectNoAxeViolations(page, 'price comparison table');

  // Sorting, from the keyboard: the amount flips to descending, the refused row stays last.
  await table.getByRole('button', { name: /^Amount/ }).press('Enter');
  await expect(table.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(table).nth(0).getByRole('cell').nth(5)).toHaveText(new RegExp(`^€${amounts[2]!.toLocaleString('en', { minimumFractionDigits: 2 }).replace(/\./g, '\\.')}$`));
  await expect(bodyRows(table).nth(3)).toContainText('enlarge it');
  await table.getByRole('button', { name: /^Amount/ }).click();

  // Reload: the stored table shows at once, with the time it was stored.
  await page.reload();
  await page.getByRole('tab', { name: 'Compare' }).click();
  const stored = page.getByRole('region', { name: 'Compare prices' }).getByRole('table', { name: /^4 offers for Toulouse/ });
  await expect(stored).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Showing the last comparison for this AOI, stored just now/ })).toBeVisible();
  expect(await expectFourRowsOneRefused(stored)).toEqual(amounts);
  await shot(page, 'compare-4-stored.png');

  // "Order…" on the SPOT row: the Archive section on that account, product and scene, at the price step.
  await bodyRows(stored).filter({ hasText: 'SPOT 1.5-m' }).getByRole('button', { name: /^Order… SPOT 1\.5-m · .*\(Archive, Sandbox — GeoAPI\)$/ }).click();
  const flow = page.getByRole('region', { name: 'Archive', exact: true });
  await expect(flow).toBeVisible();
  await expect(flow.getByLabel('1 scenes in basket')).toBeVisible();
  await expect(flow.getByRole('list', { name: 'Basket' }).getByRole('listitem')).toContainText(/SPOT/);
  await expect(flow.getByRole('button', { name: 'Account and product' })).toContainText('SPOT 1.5-m');
  await flow.getByLabel('Primary market').selectOption({ index: 1 });
  const secondary = flow.getByLabel('Secondary market');
  if (await secondary.count()) await secondary.selectOption({ index: 1 });
  const country = flow.getByLabel('End-user country');
  if (await country.count()) await country.selectOption('FR');
  await flow.getByRole('button', { name: 'Get price' }).click();
  const price = flow.getByLabel('Price', { exact: true });
  await expect(price).toContainText('Total');
  await expect(price).toContainText('€450.00');
  await expect(flow.getByRole('button', { name: 'Order…' })).toBeEnabled();
  await price.scrollIntoViewIfNeeded();
  await shot(page, 'compare-5-order-flow.png');

  // A tasking row opens the Tasking section on its account, contract and product type, at New tasking.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await bodyRows(page.getByRole('table', { name: /^4 offers for Toulouse/ })).filter({ hasText: 'Pléiades OnePlan' }).getByRole('button', { name: /^Order… Pléiades OnePlan / }).click();
  const tasking = page.getByRole('region', { name: 'Tasking', exact: true });
  await expect(tasking.getByLabel('Account', { exact: true }).locator('option:checked')).toHaveText(/^Sandbox — OneAtlas/);
  await expect(tasking.getByLabel('Contract', { exact: true }).locator('option:checked')).toHaveText('Sandbox SPOT & Pléiades');
  await expect(tasking.getByRole('tab', { name: 'New tasking' })).toHaveAttribute('aria-selected', 'true');
  await expect(tasking.getByRole('radio', { name: /^Pléiades OnePlan/ })).toBeChecked();
  await shot(page, 'compare-6-tasking-flow.png');
});
