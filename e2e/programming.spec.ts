import { expect, test } from './desk-host';
import { expectNoAxeViolations } from './axe';
import { pasteAoi, shot } from './journey';
import { chooseOrigen, createOrder, programmingOrders, programmingReceived, reviewAndCreate, setWindow } from './programming-journey';
import { admin, cityAoi, sandboxOrigin } from './tasking-journey';

// Local dates far enough ahead to stay in the future; 56 days apart, so every 2 weeks gives 5 acquisitions.
const START = '2030-05-01T10:00';
const END = '2030-06-26T10:00';

test('optical recurring order: the form, its summary, one create with the guide’s body, then the order on the map', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.url);
  const origin = await sandboxOrigin(page);
  await cityAoi(page);
  const form = await chooseOrigen(page);
  await expect(form.getByLabel('AOI to program')).toContainText(/Toulouse city · 1\d\d km² · 5 vertices/);
  await expect(form.getByLabel('Provider')).toHaveValue('changguang');
  await form.getByLabel('Resolution').selectOption({ label: 'Super High, 0.3 m' });
  await form.getByLabel('Max cloud cover (%)').fill('15');
  const { startDate, endDate } = await setWindow(form, START, END);
  await form.getByRole('checkbox', { name: 'Repeat the acquisition' }).check();
  await form.getByLabel('Repeat every').fill('2');
  await form.getByLabel('Unit').selectOption('week');
  await expect(form.getByRole('status', { name: 'Acquisitions' })).toContainText(/5 acquisitions — every 2 weeks from .* UTC to .* UTC$/);
  await shot(page, 'programming-optical-form.png');

  const before = (await programmingReceived(origin)).length;
  const number = await createOrder(page, form, async (summary) => {
    await expect(summary).toContainText('Chang Guang (Jilin-1, optical)');
    await expect(summary).toContainText('Super High, 0.3 m');
    await expect(summary).toContainText('every 2 weeks');
    await expect(summary).toContainText(/Toulouse city · 1\d\d km²/);
    await shot(page, 'programming-optical-confirm.png');
    await expectNoAxeViolations(page, 'programming confirmation');
  });
  expect(number).toMatch(/^PROG_ORDER_\d{12}$/);
  const received = await programmingReceived(origin);
  expect(received).toHaveLength(before + 1);
  const got = received.at(-1)!;
  expect(got.id).toBe(number);
  // The guide's table, field by field, in its order.
  expect(Object.keys(got.body)).toEqual(['provider', 'geometry', 'startDate', 'endDate', 'recurring', 'recurringDay', 'recurringUnit', 'maxCloud', 'resolutionType']);
  expect(got.body).toEqual({
    provider: 'changguang',
    geometry: expect.stringMatching(/^POLYGON \(\(1\.37638/),
    startDate,
    endDate,
    recurring: true,
    recurringDay: 2,
    recurringUnit: 2,
    maxCloud: 15,
    resolutionType: 1,
  });

  const orders = await programmingOrders(page);
  const card = orders.getByRole('listitem', { name: `Programming order ${number}` });
  await expect(card).toContainText('Super High, 0.3 m');
  await expect(card).toContainText('Every 2 weeks');
  await card.getByRole('button', { name: new RegExp(`^${number}, Chang Guang`) }).click();
  await expect(card.getByRole('button', { name: new RegExp(`^${number}, `) })).toHaveAttribute('aria-pressed', 'true');
  await card.getByText(/^Status history/).click();
  await expect(card.getByRole('list', { name: `Status events of ${number}` })).toContainText('pending');
  await page.waitForTimeout(500);
  await shot(page, 'programming-orders-selected.png');
});

test('SAR order: no cloud cover, the radar modes, one create without recurrence', async ({ page, desk }) => {
  await page.goto(desk.url);
  const origin = await sandboxOrigin(page);
  await cityAoi(page);
  const form = await chooseOrigen(page);
  await form.getByLabel('Provider').selectOption('tianyi');
  await expect(form.getByLabel('Max cloud cover (%)')).toHaveCount(0);
  await expect(form).toContainText('Cloud cover is irrelevant for SAR');
  await expect(form.getByLabel('Resolution').getByRole('option')).toHaveText(['Spotlight (SP), 1 m', 'Stripmap (SM), 3 m', 'Narrow Scan (NS), 12 m', 'Narrow Scan TOPS, 12 m', 'Wide Scan (ES), 20 m']);
  await form.getByLabel('Resolution').selectOption({ label: 'Spotlight (SP), 1 m' });
  const { startDate, endDate } = await setWindow(form, START, '2030-05-08T10:00');
  await expect(form.getByRole('status', { name: 'Acquisitions' })).toContainText(/1 acquisition — once, from/);
  await shot(page, 'programming-sar-form.png');
  const number = await createOrder(page, form, async (summary) => {
    await expect(summary).toContainText('Spacety (tianyi, SAR)');
    await expect(summary).not.toContainText('Max cloud');
  });
  const got = (await programmingReceived(origin)).at(-1)!;
  expect(got.id).toBe(number);
  expect(got.body).toEqual({ provider: 'tianyi', geometry: expect.stringMatching(/^POLYGON/), startDate, endDate, recurring: false, resolutionType: 4 });
});

test('bad input is said beside its field and nothing is sent; the provider’s refusal is shown as it said it', async ({ page, desk }) => {
  await page.goto(desk.url);
  const origin = await sandboxOrigin(page);
  await page.getByRole('tab', { name: 'AOIs' }).click();
  // Beyond 82°N: Origen's satellites cannot image there ("Satellite not available").
  await pasteAoi(page, 'Svalbard north', 'POLYGON((10 85, 20 85, 20 86, 10 86, 10 85))');
  const form = await chooseOrigen(page);
  const review = form.getByRole('button', { name: 'Review programming order…' });
  await form.getByLabel('Max cloud cover (%)').fill('120');
  await expect(form.getByRole('alert').filter({ hasText: 'Maximum cloud cover is a whole percentage from 0 to 100; 120 is outside it.' })).toBeVisible();
  await form.getByLabel('Max cloud cover (%)').fill('20');
  await setWindow(form, START, '2030-04-01T10:00');
  await expect(form.getByRole('alert').filter({ hasText: /before it starts/ })).toBeVisible();
  await form.getByLabel('Start', { exact: true }).fill('2020-01-01T10:00');
  await expect(form.getByRole('alert').filter({ hasText: /which is past: a satellite is programmed for the future/ })).toBeVisible();
  await form.getByLabel('Start', { exact: true }).fill(START);
  await form.getByLabel('End', { exact: true }).fill(END);
  await form.getByRole('checkbox', { name: 'Repeat the acquisition' }).check();
  await form.getByLabel('Repeat every').fill('');
  await expect(form.getByRole('alert').filter({ hasText: 'A recurring order needs its interval' })).toBeVisible();
  await expect(review).toBeDisabled();
  await shot(page, 'programming-bad-input.png');
  await form.getByLabel('Repeat every').fill('1');
  await form.getByLabel('Unit').selectOption('month');
  await expect(review).toBeEnabled();

  await reviewAndCreate(page, form);
  const refusal = form.getByRole('alert', { name: 'Origen refused the order' });
  await expect(refusal).toContainText('PROVIDER_ERROR');
  await expect(refusal).toContainText('Satellite not available');
  await shot(page, 'programming-refused.png');
  expect(await programmingReceived(origin)).toHaveLength(0);
});

test('commit-then-drop: the order reaches Origen once, the form says unconfirmed and nothing is resent', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.url);
  const origin = await sandboxOrigin(page);
  await cityAoi(page);
  const form = await chooseOrigen(page);
  await setWindow(form, START, END);
  await reviewAndCreate(page, form, async () => {
    // Origen stores the next order, then drops the connection before answering.
    await admin(origin, '/faults', { dropAfterCommitNext: 1 });
  });
  const note = form.getByRole('alert', { name: 'Order unconfirmed' });
  await expect(note).toContainText(/Unconfirmed — sent at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(note).toContainText('will not send it again');
  await expect(note).toContainText('ask Origen whether an order with this window and area exists');
  await shot(page, 'programming-unconfirmed.png');
  await page.waitForTimeout(1500);
  expect(await programmingReceived(origin)).toHaveLength(1);

  // Creating again is the user's decision, and the dialog says so before anything is sent.
  await form.getByRole('button', { name: 'Review programming order…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm programming order' });
  await expect(dialog.getByRole('alert')).toContainText('is still unconfirmed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The Orders section lists it once: the service's list extension matches it without resending it.
  const orders = await programmingOrders(page);
  const [received] = await programmingReceived(origin);
  await expect(orders.getByRole('listitem')).toHaveCount(1);
  await expect(orders.getByRole('listitem').first()).toContainText(received!.id);
  await shot(page, 'programming-unconfirmed-orders.png');
  expect(await programmingReceived(origin)).toHaveLength(1);
});

test('offline restart: the programming orders stay browsable in the Orders section', async ({ page, desk }) => {
  await page.goto(desk.url);
  await cityAoi(page);
  const form = await chooseOrigen(page);
  await setWindow(form, START, END);
  const number = await createOrder(page, form);
  const online = await programmingOrders(page);
  await expect(online.getByRole('listitem', { name: `Programming order ${number}` })).toBeVisible();

  const url = await desk.restart({ DESK_SANDBOX: 'off' });
  await page.goto(url);
  const orders = await programmingOrders(page);
  const card = orders.getByRole('listitem', { name: `Programming order ${number}` });
  await expect(card).toContainText('Very High, 0.5 m');
  await expect(orders.getByText(/^Stored copy as of .* Origen cannot be reached/)).toBeVisible();
  await card.getByRole('button', { name: new RegExp(`^${number}, `) }).click();
  await expect(card).toContainText('Body sent to Origen');
  await shot(page, 'programming-offline.png');
});
