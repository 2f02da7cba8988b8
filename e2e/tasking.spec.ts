import { expect, test } from './desk-host';
import { expectNoAxeViolations } from './axe';
import { pasteAoi, shot } from './journey';
import { admin, chooseOffer, cityAoi, declare, priceAndOrder, sandboxOrigin, taskingOrdersReceived } from './tasking-journey';

test('OneDay: attempts on the map and the timeline, choose one, price, order once, then follow it', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.url);
  await cityAoi(page);
  const panel = await chooseOffer(page, /^Pléiades OneDay/);
  await expect(panel.getByLabel('AOI to task')).toContainText('meets the 100 km² minimum');
  await panel.getByRole('button', { name: 'Find attempts' }).click();
  const list = panel.getByRole('listbox', { name: 'Acquisition attempts' });
  await expect(list.getByRole('option').first()).toBeVisible();
  await list.getByRole('option').nth(2).click();
  await expect(panel.getByLabel('Selected attempt')).toContainText('Order deadline');
  await page.waitForTimeout(500);
  await shot(page, 'tasking-oneday-attempts.png');
  await expectNoAxeViolations(page, 'tasking attempts');
  await panel.getByRole('button', { name: 'Choose this acquisition' }).click();
  await declare(panel);
  const id = await priceAndOrder(page, panel);
  expect(id).toMatch(/\S/);
  await shot(page, 'tasking-oneday-ordered.png');
});

test('OnePlan: feasibility on the map, then price and order from its answer', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.url);
  await cityAoi(page);
  const panel = await chooseOffer(page, /^Pléiades OnePlan/);
  await panel.getByRole('button', { name: 'Check feasibility' }).click();
  const answer = panel.getByLabel('Feasibility answer');
  await expect(answer).toContainText(/Classification\s*(EASY|CHALLENGING)/);
  await expect(answer).toContainText(/Automation\s*AUTOMATIC/);
  await shot(page, 'tasking-oneplan-feasibility.png');
  await expectNoAxeViolations(page, 'tasking feasibility');
  await declare(panel);
  const id = await priceAndOrder(page, panel);
  expect(id).toMatch(/\S/);
  await expect(panel.getByRole('tab', { name: 'Taskings' })).toHaveAttribute('aria-selected', 'true');
});

test('OneNow: the package of attempts is ordered as a whole', async ({ page, desk }) => {
  await page.goto(desk.url);
  await cityAoi(page);
  const panel = await chooseOffer(page, /^Pléiades OneNow/);
  // OneNow takes a start only: there is no end to give.
  await expect(panel.getByLabel('Until (optional)')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Find attempts' }).click();
  const list = panel.getByRole('listbox', { name: 'Acquisition attempts' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await panel.getByRole('button', { name: 'Choose this package (3 acquisitions)' }).click();
  await declare(panel);
  const id = await priceAndOrder(page, panel, async () => {
    await expect(page.getByRole('dialog', { name: 'Confirm tasking order' }).getByLabel('Tasking order summary')).toContainText('3 planned by the provider');
  });
  expect(id).toMatch(/\S/);
});

test('bad input is said beside its field and nothing is sent', async ({ page, desk }) => {
  await page.goto(desk.url);
  const origin = await sandboxOrigin(page);
  await page.getByRole('tab', { name: 'AOIs' }).click();
  // About 10 km²: below the Pléiades OneDay minimum of 100 km².
  await pasteAoi(page, 'Small', 'POLYGON((1.4317 43.5688, 1.4670 43.5688, 1.4670 43.6019, 1.4317 43.6019, 1.4317 43.5688))');
  const panel = await chooseOffer(page, /^Pléiades OneDay/);
  await expect(panel.getByLabel('AOI to task')).toContainText(/below the 100 km² this offer needs/);
  await expect(panel.getByRole('button', { name: 'Find attempts' })).toBeDisabled();
  await panel.getByRole('radio', { name: /^Pléiades OnePlan/ }).check();
  await panel.getByLabel('Max cloud cover (%)').fill('120');
  await expect(panel.getByRole('alert').filter({ hasText: 'Cloud cover is a percentage from 0 to 100; 120 is outside it.' })).toBeVisible();
  await panel.getByLabel('Max cloud cover (%)').fill('20');
  await panel.getByLabel('End', { exact: true }).fill('2020-01-01T00:00');
  await expect(panel.getByRole('alert').filter({ hasText: /before it starts/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Check feasibility' })).toBeDisabled();
  expect(await taskingOrdersReceived(origin)).toHaveLength(0);
});

test('commit-then-drop: the order reaches the provider once and is found by its reference', async ({ page, desk }) => {
  await page.goto(desk.url);
  const origin = await sandboxOrigin(page);
  await cityAoi(page);
  const panel = await chooseOffer(page, /^Pléiades OneDay/);
  await panel.getByRole('button', { name: 'Find attempts' }).click();
  await panel.getByRole('listbox', { name: 'Acquisition attempts' }).getByRole('option').first().click();
  await panel.getByRole('button', { name: 'Choose this acquisition' }).click();
  await declare(panel);
  const reference = await panel.getByLabel('Customer reference', { exact: true }).inputValue();
  const id = await priceAndOrder(page, panel, async () => {
    // The provider stores the next order, then drops the connection before answering.
    await admin(origin, '/faults', { dropAfterCommitNext: 1 });
  });
  expect(id).toMatch(/\S/);
  const received = (await taskingOrdersReceived(origin)).filter((o) => o.customerReference === reference);
  expect(received).toHaveLength(1);
});
