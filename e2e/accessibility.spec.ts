import { expectNoAxeViolations } from './axe';
import { expect, test } from './desk-host';
import { chooseSource, search, wktToulouseAoi } from './journey';

// axe-core (WCAG 2.0/2.1 A and AA) on every section as a new user first sees it, and on the archive results.
test('every section has no WCAG A/AA violation', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('button', { name: /^Provider: Provider online/ })).toBeVisible();
  for (const tab of ['Accounts', 'AOIs', 'Archive', 'Tasking', 'Compare', 'Orders', 'My data']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(400);
    await expectNoAxeViolations(page, `${tab} section`);
  }
});

test('the archive results and the selected scene have no WCAG A/AA violation', async ({ page, desk }) => {
  await page.goto(desk.url);
  await wktToulouseAoi(page);
  const panel = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox SPOT & Pléiades', 'PleiadesArchiveMono');
  const results = await search(page, panel);
  await results.getByRole('option').first().click();
  await expectNoAxeViolations(page, 'Archive results');
});
