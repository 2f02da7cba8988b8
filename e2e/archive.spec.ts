import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './desk-host';
import { expectNoAxeViolations } from './axe';
import { chooseSource, drawToulouseAoi, expectQuicklookOnMap, footprintPixels, pasteAoi, search, shot, wktToulouseAoi } from './journey';

/** Selects a result, waits for its quicklook, and adds `count` scenes of the mission to the basket. */
async function fillBasket(page: Page, panel: Locator, results: Locator, satellite: RegExp, count: number, shotName?: string) {
  const picks = results.getByRole('option', { name: satellite });
  await expect(picks.nth(count - 1)).toBeVisible();
  for (let i = 0; i < count; i++) {
    await picks.nth(i).click();
    const detail = panel.getByRole('region', { name: /· \d{4}-\d{2}-\d{2}/ });
    await expect(detail.getByRole('status')).toContainText('Quicklook shown on the map');
    if (i === 0 && shotName) {
      await expectQuicklookOnMap(page);
      await detail.getByRole('button', { name: 'Add to basket' }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await shot(page, shotName);
    }
    await detail.getByRole('button', { name: 'Add to basket' }).click();
    await expect(detail.getByRole('button', { name: 'Remove from basket' })).toBeVisible();
  }
  await expect(panel.getByLabel(`${count} scenes in basket`)).toBeVisible();
}

/** The mandatory declaration fields, left at their defaults otherwise. */
async function fillDeclaration(panel: Locator) {
  const market = panel.getByLabel('Primary market');
  await market.selectOption({ index: 1 });
  const secondary = panel.getByLabel('Secondary market');
  if (await secondary.count()) await secondary.selectOption({ index: 1 });
  const country = panel.getByLabel('End-user country');
  if (await country.count()) await country.selectOption('FR');
}

async function priceAndOrder(page: Page, panel: Locator, contract: string, screenshots: { basket: string; confirm: string }): Promise<string> {
  // Results folded away, so that the basket and its options are what the picture shows.
  await panel.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(panel.getByRole('list', { name: 'Basket' })).toBeInViewport();
  await shot(page, screenshots.basket);
  await panel.getByRole('button', { name: 'Get price' }).click();
  const price = panel.getByLabel('Price', { exact: true });
  await expect(price).toContainText('Total');
  await expect(price).toContainText('€');
  await panel.getByRole('button', { name: 'Order…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm order' });
  const summary = dialog.getByLabel('Order summary');
  await expect(summary).toContainText('Price');
  await expect(summary).toContainText(/Price\s*€\s?[\d,.]+/);
  await expect(summary).toContainText(contract);
  await expect(summary).toContainText(/Credit remaining\s*€\s?[\d,.]+/);
  await shot(page, screenshots.confirm);
  await expectNoAxeViolations(page, 'archive order confirmation');
  await dialog.getByRole('button', { name: /^Order for / }).click();
  const placed = page.getByRole('dialog', { name: 'Order placed' });
  await expect(placed.getByRole('status')).toContainText('Sales order');
  const salesOrderId = (await placed.getByRole('status').locator('.mono').first().textContent())?.trim() ?? '';
  expect(salesOrderId).not.toBe('');
  expect(salesOrderId).not.toContain('pending');
  await placed.getByRole('button', { name: 'Close' }).click();
  return salesOrderId;
}

async function expectOrderListed(page: Page, salesOrderId: string, screenshot?: string) {
  await page.getByRole('tab', { name: 'Orders' }).click();
  const orders = page.getByRole('list', { name: 'Archive orders' });
  await expect(orders.getByRole('listitem', { name: `Order ${salesOrderId}` })).toBeVisible();
  if (screenshot) await shot(page, screenshot);
}

test('OneAtlas legacy: draw an AOI, search, quicklook, basket of two, price, confirm, order', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('button', { name: /^Provider: Provider online/ })).toBeVisible();
  await drawToulouseAoi(page);
  const panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox SPOT & Pléiades', 'PleiadesArchiveMono');
  await expect(panel.getByLabel('Contract details')).toContainText('legacy');
  const before = await footprintPixels(page);
  const results = await search(page, panel, '01-search-form.png');
  await expect.poll(() => footprintPixels(page), { message: 'footprints should be drawn on the map' }).toBeGreaterThan(before + 500);
  await page.waitForTimeout(300);
  await shot(page, '02-results-footprints.png');
  await fillBasket(page, panel, results, /PHR|Pl[eé]iades/i, 2, '03-scene-quicklook.png');
  await fillDeclaration(panel);
  const id = await priceAndOrder(page, panel, 'Sandbox SPOT & Pléiades', { basket: '04-basket-options.png', confirm: '05-price-confirm.png' });
  await expectOrderListed(page, id, '06-orders.png');
});

test('GeoAPI legacy: the same journey with the GeoAPI sandbox account', async ({ page, desk }) => {
  await page.goto(desk.url);
  await wktToulouseAoi(page);
  const panel = await chooseSource(page, 'Sandbox — GeoAPI', null, 'PleiadesArchiveMono');
  const results = await search(page, panel);
  await fillBasket(page, panel, results, /PHR|Pl[eé]iades/i, 2);
  await fillDeclaration(panel);
  const id = await priceAndOrder(page, panel, 'Sandbox GeoAPI archive', { basket: '01-geoapi-basket.png', confirm: '02-geoapi-confirm.png' });
  await expectOrderListed(page, id, '03-geoapi-orders.png');
});

test('Pléiades Neo: request a quotation, export its PDF, accept it, the order is listed', async ({ page, desk }) => {
  await page.goto(desk.url);
  await wktToulouseAoi(page);
  const panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox Pléiades Neo', 'PleiadesNeoArchiveMono');
  await expect(panel.getByLabel('Contract details')).toContainText('neo');
  const results = await search(page, panel);
  await fillBasket(page, panel, results, /PNEO|Neo/i, 1);
  await fillDeclaration(panel);
  await panel.getByRole('button', { name: 'Request quotation' }).click();
  const quotation = panel.getByRole('generic', { name: /^Quotation / }).or(panel.getByLabel(/^Quotation \S+$/));
  await expect(quotation).toContainText('sent');
  await expect(quotation).toContainText('€');
  await quotation.scrollIntoViewIfNeeded();
  await shot(page, '01-quotation.png');
  const quotationId = ((await quotation.getAttribute('aria-label')) ?? '').replace(/^Quotation /, '');
  const total = /Total\s*(€[\d,.]+)/.exec((await quotation.textContent()) ?? '')?.[1] ?? '';
  expect(total).not.toBe('');

  const download = page.waitForEvent('download');
  await quotation.getByRole('button', { name: /^Export quotation .* as PDF$/ }).click();
  const pdf = readFileSync((await (await download).path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  await quotation.getByRole('button', { name: /^Accept quotation / }).click();
  const dialog = page.getByRole('dialog', { name: 'Accept quotation?' });
  await expect(dialog.getByLabel('Quotation summary')).toContainText('Sandbox Pléiades Neo');
  await expect(dialog.getByLabel('Quotation summary')).toContainText(/Credit remaining\s*€\s?[\d,.]+/);
  await shot(page, '02-accept-quotation.png');
  await dialog.getByRole('button', { name: /^Accept and order for / }).click();
  const accepted = page.getByRole('dialog', { name: 'Quotation accepted' });
  await expect(accepted.getByRole('status')).toContainText('created');
  const orderText = (await accepted.getByRole('status').textContent()) ?? '';
  const salesOrderId = /Order (\S+) created/.exec(orderText)?.[1] ?? '';
  await accepted.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Orders' }).click();
  await expect(page.getByRole('list', { name: 'Archive orders' }).getByRole('listitem', { name: `Order ${salesOrderId}` })).toContainText(total);
  const listed = page.getByRole('list', { name: 'Quotations' }).getByRole('listitem', { name: `Quotation ${quotationId}` });
  await expect(listed).toContainText('accepted');
  await shot(page, '03-orders-with-quotation.png');
});

test('offline: stored searches, quicklooks and orders stay browsable; provider actions say why not', async ({ page, desk }) => {
  await page.goto(desk.url);
  await wktToulouseAoi(page);
  let panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox SPOT & Pléiades', 'PleiadesArchiveMono');
  const results = await search(page, panel);
  const first = results.getByRole('option', { name: /PHR|Pl[eé]iades/i }).first();
  // An option's name is its own text: its date and satellite (the first two columns) name it.
  const firstLabel = new RegExp(`^${((await first.textContent()) ?? '').trim().split(' ').slice(0, 2).join(' ')} `);
  await fillBasket(page, panel, results, /PHR|Pl[eé]iades/i, 1);
  await fillDeclaration(panel);
  const id = await priceAndOrder(page, panel, 'Sandbox SPOT & Pléiades', { basket: '01-online-basket.png', confirm: '02-online-confirm.png' });

  const url = await desk.restart({ DESK_SANDBOX: 'off' });
  await page.goto(url);
  // The app says it is offline as soon as it starts, before any action is tried.
  await expect(page.getByRole('button', { name: /^Provider: Offline — showing stored data/ })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Archive' }).click();
  panel = page.getByRole('region', { name: 'Archive' });
  await expect(panel.getByRole('status').filter({ hasText: /^Offline — showing data stored/ })).toBeVisible({ timeout: 20_000 });
  await shot(page, '03-offline-banner.png');

  // The workspace brings the panel back as it was left: the Search step folded under the results.
  const searchStep = panel.getByRole('button', { name: /^Search\b/ }).and(panel.locator('[aria-expanded]'));
  if ((await searchStep.getAttribute('aria-expanded')) === 'false') await searchStep.click();
  const searchButton = panel.getByRole('button', { name: 'Search archive' });
  await expect(searchButton).toBeDisabled();
  await expect(searchButton).toHaveAttribute('title', /Needs the provider, which cannot be reached/);

  await panel.getByText(/^Search history \(\d+\)$/).click();
  await panel.getByRole('list', { name: 'Past searches' }).getByRole('button').first().click();
  const reopened = panel.getByRole('listbox', { name: /^Search results, \d+ scenes/ });
  await expect(reopened.getByRole('option').first()).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: /^Stored search of / })).toBeVisible();
  await reopened.getByRole('option', { name: firstLabel }).click();
  const detail = panel.getByRole('region', { name: /· \d{4}-\d{2}-\d{2}/ });
  await expect(detail.getByRole('status')).toContainText('Quicklook shown on the map (stored copy)');
  await expectQuicklookOnMap(page);
  await page.waitForTimeout(300);
  await shot(page, '04-offline-results-quicklook.png');

  await detail.getByRole('button', { name: 'Add to basket' }).click();
  await panel.getByLabel('Primary market').selectOption({ index: 1 }).catch(() => undefined);
  const priceButton = panel.getByRole('button', { name: 'Get price' });
  await expect(priceButton).toBeDisabled();
  await expect(priceButton).toHaveAttribute('title', /Needs the provider, which cannot be reached/);

  await expectOrderListed(page, id, '05-offline-orders.png');
  await page.getByRole('button', { name: 'Refresh' }).click();
  const offlineNote = page.getByRole('status').filter({ hasText: /^Offline — / });
  await expect(offlineNote).toContainText(/stored ones.*Could not connect/);
  await expect(offlineNote).toContainText('Nothing was sent');
  await shot(page, '06-offline-refresh.png');
});

test('a rate-limited search waits as Retry-After says, showing the wait, then answers', async ({ page, desk }) => {
  await page.goto(desk.url);
  const shown = (await page.getByText(/^Provider sandbox at/).textContent()) ?? '';
  const origin = `http://${/Provider sandbox at\s*(\S+)/.exec(shown)?.[1] ?? ''}`;
  await wktToulouseAoi(page);
  const panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox SPOT & Pléiades', 'PleiadesArchiveMono');
  const faults = await fetch(`${origin}/__admin/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rateLimitNext: 1, retryAfterSeconds: 3 }),
  });
  expect(faults.ok).toBe(true);
  const form = panel.getByRole('form', { name: 'Archive search' });
  await form.getByLabel('From').fill('2023-01-01');
  await form.getByLabel('To').fill('2024-12-31');
  await form.getByRole('button', { name: 'Search archive' }).click();
  const waiting = panel.getByRole('status').filter({ hasText: /^Rate limited by the provider — retrying in \d s/ });
  await expect(waiting).toBeVisible();
  await expect(waiting.getByRole('progressbar', { name: 'Waiting for the provider' })).toBeVisible();
  await shot(page, '01-rate-limited.png');
  await expect(panel.getByRole('listbox', { name: /^Search results, \d+ scenes/ })).toBeVisible({ timeout: 15_000 });
  await expect(waiting).toBeHidden();
});

test('an AOI below the product minimum says so where the order is priced', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'AOIs' }).click();
  // About 4.5 km²: far below the 100 km² minimum of SPOT archive in the sandbox.
  await pasteAoi(page, 'Small site', 'POLYGON((1.44 43.59, 1.47 43.59, 1.47 43.61, 1.44 43.61, 1.44 43.59))');
  const panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox SPOT & Pléiades', 'SpotArchiveMono');
  await expect(panel.getByText(/^AOI is [\d.]+ km²; .*minimum order area is 100 km²/).filter({ visible: true })).toHaveCount(1);
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await expect(page.getByRole('status', { name: 'Minimum area warning' })).toContainText('minimum order area is 100 km²');
});

test('Pléiades Neo: a quotation refused with one of the documented reasons stays listed as refused', async ({ page, desk }) => {
  await page.goto(desk.url);
  await wktToulouseAoi(page);
  const panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox Pléiades Neo', 'PleiadesNeoArchiveMono');
  const results = await search(page, panel);
  await fillBasket(page, panel, results, /PNEO|Neo/i, 1);
  await fillDeclaration(panel);
  await panel.getByRole('button', { name: 'Request quotation' }).click();
  const quotation = panel.getByLabel(/^Quotation \S+$/);
  await expect(quotation).toContainText('sent');
  const quotationId = ((await quotation.getAttribute('aria-label')) ?? '').replace(/^Quotation /, '');
  await quotation.getByRole('button', { name: `Refuse quotation ${quotationId}` }).click();
  const dialog = page.getByRole('dialog', { name: `Refuse quotation ${quotationId}` });
  const reasons = dialog.getByRole('radiogroup', { name: 'Reason for refusing' }).getByRole('radio');
  await expect(reasons).toHaveCount(7);
  await expect(dialog.getByRole('button', { name: 'Refuse quotation' })).toBeDisabled();
  await reasons.nth(2).check();
  await shot(page, '01-refuse-quotation.png');
  await dialog.getByRole('button', { name: 'Refuse quotation' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: 'Orders' }).click();
  const listed = page.getByRole('list', { name: 'Quotations' }).getByRole('listitem', { name: `Quotation ${quotationId}` });
  await expect(listed).toContainText('refused');
  await expect(listed.getByRole('button', { name: `Accept quotation ${quotationId}` })).toHaveCount(0);
});

// Each provider searched with each constellation it offers ticked alone (#14: GeoAPI was sent OneAtlas's "PHR").
for (const { account, contract, productTypeId, constellations } of [
  { account: 'Sandbox — OneAtlas', contract: 'Sandbox SPOT & Pléiades', productTypeId: 'PleiadesArchiveMono', constellations: ['SPOT', 'Pléiades', 'Pléiades Neo'] },
  { account: 'Sandbox — GeoAPI', contract: null, productTypeId: 'PleiadesArchiveMono', constellations: ['SPOT', 'Pléiades'] },
]) {
  test(`${account}: a search with each constellation ticked alone answers that constellation's scenes`, async ({ page, desk }) => {
    await page.goto(desk.url);
    await wktToulouseAoi(page);
    const panel = await chooseSource(page, account, contract, productTypeId);
    const form = panel.getByRole('form', { name: 'Archive search' });
    const boxes = form.getByRole('group', { name: /^Constellations/ }).getByRole('checkbox');
    await expect(boxes).toHaveCount(constellations.length);
    const searchStep = panel.getByRole('button', { name: /^Search\b/ }).and(panel.locator('[aria-expanded]'));
    for (const name of constellations) {
      // A search folds its step away: open it again to change the constellations.
      if ((await searchStep.getAttribute('aria-expanded')) === 'false') await searchStep.click();
      for (const other of constellations) await form.getByRole('checkbox', { name: other, exact: true }).setChecked(other === name);
      const results = await search(page, panel);
      await expect(panel.getByRole('alert')).toHaveCount(0);
      // The new answer replaces the last one's rows: wait for it rather than read the old first row.
      const family = name === 'SPOT' ? /^\S+ SPOT\d/ : name === 'Pléiades' ? /^\S+ PHR1/ : /^\S+ PNEO\d/;
      await expect(results.getByRole('option').first(), `${name} search answers ${name} scenes`).toHaveAccessibleName(family);
    }
  });
}
