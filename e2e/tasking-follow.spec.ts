import { expect, test } from './desk-host';
import { expectNoAxeViolations } from './axe';
import { shot } from './journey';
import { admin, chooseOffer, cityAoi, declare, orderAttempt, priceAndOrder, sandboxOrigin } from './tasking-journey';

test('after the acquisitions, a proposed segment is accepted and another refused; both stay browsable offline after a restart', async ({ page, desk }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.url);
  const origin = await sandboxOrigin(page);
  await cityAoi(page);
  const panel = await chooseOffer(page, /^Pléiades OneDay/);
  const first = await orderAttempt(page, panel, 0);
  const second = await orderAttempt(page, panel, 1);
  expect(first).not.toBe(second);

  // Past both acquisitions: each OneDay acquisition is proposed for the buyer's decision.
  await admin(origin, '/clock/advance', { days: 20 });
  await panel.getByRole('button', { name: 'Refresh taskings' }).click();
  const list = panel.getByRole('list', { name: /^Taskings of contract / });
  await expect(list.getByRole('button', { name: new RegExp(`^${first}, .*1 proposed segment waits`) })).toBeVisible();

  await list.getByRole('button', { name: new RegExp(`^${first}, `) }).click();
  await panel.getByRole('button', { name: /^Accept .+…$/ }).first().click();
  await page.getByRole('dialog', { name: 'Accept this acquisition?' }).getByRole('button', { name: 'Accept segment' }).click();
  await expect(panel.getByRole('list', { name: new RegExp(`^Segments of ${first}`) })).toContainText('Validated');
  await shot(page, 'tasking-accepted.png');
  await expectNoAxeViolations(page, 'tasking detail');

  await list.getByRole('button', { name: new RegExp(`^${second}, `) }).click();
  await panel.getByRole('button', { name: /^Refuse .+…$/ }).first().click();
  const refuse = page.getByRole('dialog', { name: 'Refuse this acquisition?' });
  await refuse.getByRole('button', { name: 'Refuse segment' }).click();
  await expect(refuse.getByRole('alert')).toContainText('Say why you refuse it');
  await refuse.getByLabel(/^Why do you refuse it\?/).fill('Clouds over the city centre');
  await refuse.getByRole('button', { name: 'Refuse segment' }).click();
  const segments = panel.getByRole('list', { name: new RegExp(`^Segments of ${second}`) });
  await expect(segments).toContainText('Refused');
  await expect(segments).toContainText('Clouds over the city centre');

  // Offline after a restart: the taskings, their segments and the reason are still there, as stored.
  await page.waitForTimeout(1500); // the workspace's debounced save of the open tasking
  const url = await desk.restart({ DESK_SANDBOX: 'off' });
  await page.goto(url);
  const again = page.getByRole('region', { name: 'Tasking' });
  await expect(again.getByRole('tab', { name: 'Taskings' })).toHaveAttribute('aria-selected', 'true');
  await expect(again.getByRole('list', { name: /^Taskings of contract / }).getByRole('button')).toHaveCount(2);
  const stored = again.getByRole('list', { name: new RegExp(`^Segments of ${second}`) });
  await expect(stored).toContainText('Clouds over the city centre');
  await expect(again.getByText(/Stored copy as of|Offline/).first()).toBeVisible();
  await shot(page, 'tasking-offline.png');
});

test('a running tasking is cancelled after a confirmation that says what cancelling means', async ({ page, desk }) => {
  await page.goto(desk.url);
  await cityAoi(page);
  const panel = await chooseOffer(page, /^Pléiades OnePlan/);
  await panel.getByRole('button', { name: 'Check feasibility' }).click();
  await expect(panel.getByLabel('Feasibility answer')).toContainText('AUTOMATIC');
  await declare(panel);
  const id = await priceAndOrder(page, panel);
  await panel.getByRole('button', { name: 'Cancel tasking…' }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel tasking ${id}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel tasking' }).click();
  await expect(panel.getByRole('list', { name: /^Taskings of contract / }).getByRole('button', { name: new RegExp(`^${id}, .*Cancel`) })).toBeVisible();
});
