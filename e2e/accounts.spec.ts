import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './desk-host';

const SECRET = `e2e-oneatlas-key-${Date.now().toString(36)}-never-in-the-db`;

/** Counts distinct colours on the map's canvases: a blank or failed render has one or two. */
async function distinctMapColours(page: import('@playwright/test').Page): Promise<number> {
  return page.getByRole('region', { name: 'Map' }).evaluate((region) => {
    const colours = new Set<number>();
    for (const canvas of Array.from(region.querySelectorAll('canvas'))) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return colours.size;
  });
}

test('first start shows one sandbox account per provider, with its public credentials', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'Accounts' }).click();
  for (const label of ['Sandbox — OneAtlas', 'Sandbox — GeoAPI', 'Sandbox — Origen']) {
    await expect(page.getByRole('listitem', { name: label })).toContainText('Sandbox — simulated, no real orders');
  }
  await expect(page.getByRole('listitem', { name: 'Sandbox — GeoAPI' })).toContainText('sandbox-user');
  await expect(page.getByRole('listitem', { name: 'Sandbox — OneAtlas' })).toContainText('sandbox-oneatlas-key');
  await expect(page.getByLabel('Active account')).toContainText('Sandbox — OneAtlas');
});

test('the map renders, an account with a secret survives a restart, and the secret never reaches the database', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: 'Connection state' })).toContainText('Browser mode · connected');
  await expect.poll(() => distinctMapColours(page), { message: 'map canvas should show the basemap' }).toBeGreaterThan(8);
  await page.screenshot({ path: test.info().outputPath('01-start.png') });

  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.getByRole('form', { name: 'Add account' });
  await form.getByLabel('Provider').selectOption({ label: 'Airbus OneAtlas' });
  await form.getByLabel('Label').fill('OneAtlas — production');
  await form.getByLabel('API key').fill(SECRET);
  await page.screenshot({ path: test.info().outputPath('02-form.png') });
  await form.getByRole('button', { name: 'Add account' }).click();

  const card = page.getByRole('listitem', { name: 'OneAtlas — production' });
  await expect(card).toContainText('Set (in keychain)');
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  expect(await page.content()).not.toContain(SECRET);

  const url = await desk.restart();
  await page.goto(url);
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await expect(page.getByRole('listitem', { name: 'OneAtlas — production' })).toContainText('Set (in keychain)');
  await expect(page.getByLabel('Active account')).toContainText('OneAtlas — production');
  await page.screenshot({ path: test.info().outputPath('03-after-restart.png') });

  await desk.stop();
  for (const file of ['imagery-desk.sqlite', 'imagery-desk.sqlite-wal']) {
    const path = join(desk.dataDir, file);
    if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(SECRET)), `${file} must not contain the secret`).toBe(false);
  }
});

test('editing keeps a secret unless replaced, removing asks first and removes the account', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.getByRole('form', { name: 'Add account' });
  await form.getByLabel('Provider').selectOption({ label: 'Airbus GeoAPI (legacy)' });
  await form.getByLabel('Label').fill('GeoAPI qualification');
  await form.getByLabel('Username').fill('analyst');
  await form.getByLabel('Client ID').fill('client-1');
  await form.getByLabel('Client secret').fill('secret-1');
  await form.getByRole('button', { name: 'Add account' }).click();

  const card = page.getByRole('listitem', { name: 'GeoAPI qualification' });
  await expect(card).toContainText('analyst');
  await card.getByRole('button', { name: 'Edit GeoAPI qualification' }).click();
  const edit = page.getByRole('form', { name: 'Edit account' });
  await expect(edit.getByRole('textbox', { name: 'Client secret' })).toHaveAttribute('placeholder', /Set — leave empty to keep/);
  await edit.getByLabel('Label', { exact: true }).fill('GeoAPI — qualification');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  const renamed = page.getByRole('listitem', { name: 'GeoAPI — qualification' });
  await expect(renamed).toContainText('Set (in keychain)');

  await renamed.getByRole('button', { name: 'Remove GeoAPI — qualification' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove account?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: 'Remove GeoAPI — qualification' }).click();
  await page.getByRole('dialog', { name: 'Remove account?' }).getByRole('button', { name: 'Remove account' }).click();
  await expect(renamed).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Removed' })).toBeVisible();

  // Sandbox accounts removed by mistake come back with one click.
  await page.getByRole('button', { name: 'Remove Sandbox — Origen' }).click();
  await page.getByRole('dialog', { name: 'Remove account?' }).getByRole('button', { name: 'Remove account' }).click();
  await expect(page.getByRole('listitem', { name: 'Sandbox — Origen' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Restore sandbox accounts' }).click();
  // Its credential is the simulator's public one, never the keychain's.
  await expect(page.getByRole('listitem', { name: 'Sandbox — Origen' })).toContainText('Public sandbox credential');
  await expect(page.getByRole('button', { name: 'Restore sandbox accounts' })).toHaveCount(0);
});

test('a form error names the problem and saves nothing', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.getByRole('form', { name: 'Add account' });
  await form.getByLabel('Provider').selectOption({ label: 'Origen market' });
  await form.getByLabel('Label').fill('Origen');
  await form.getByLabel('Market service URL').fill('ftp://not-http.example');
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(form.getByRole('alert')).toContainText('http');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('list', { name: 'Provider accounts' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Origen', exact: true })).toHaveCount(0);
});
