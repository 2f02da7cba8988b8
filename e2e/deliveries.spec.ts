import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './desk-host';
import { expectNoAxeViolations } from './axe';
import { barValue, directDownload, fileCard, onDisk, openMyData, orderArchiveScene, StandaloneSandbox } from './deliveries-journey';
import { admin, sandboxOrigin } from './tasking-journey';

const MIB = 1024 * 1024;
const withHook = (url: string) => url.replace('/#', '/?map-test-hook#');

/** What the map draws for My data, through the test hook. */
const mapProbe = (page: Page) => page.evaluate(() => window.__deskMapTestHook!.deliveries.probe());

/** The product delivered for `salesOrderId`, opened: its option and the detail's Product id. */
async function openDelivered(list: Locator, panel: Locator, salesOrderId: string): Promise<string> {
  const option = list.getByRole('option', { name: new RegExp(`Order ${salesOrderId} `) });
  await expect(option).toBeVisible();
  await option.click();
  await expect(panel.getByRole('status').filter({ hasText: 'Quicklook shown on the map' })).toBeVisible();
  // The summary's last fact is the product id (the provider's catalogue item id).
  return ((await panel.getByLabel('Product summary').getByRole('definition').last().textContent()) ?? '').trim();
}

async function useFolder(panel: Locator, folder: string): Promise<void> {
  await panel.getByRole('textbox', { name: 'Download folder' }).fill(folder);
  await panel.getByRole('button', { name: 'Use this folder' }).click();
  await expect(panel.getByRole('button', { name: 'Use this folder' })).toBeDisabled();
}

/** Every button in the panel has a name: role queries fail on none, so list the nameless ones. */
async function expectNamedButtons(panel: Locator): Promise<void> {
  const nameless = await panel.locator('button').evaluateAll((buttons) =>
    buttons.filter((b) => !(b.getAttribute('aria-label') || b.textContent || '').trim()).map((b) => b.outerHTML.slice(0, 80)),
  );
  expect(nameless).toEqual([]);
}

test.describe('My data', () => {
  let folder = '';
  test.beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'desk-downloads-'));
  });
  test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('a delivered archive order is listed, linked to its order and drawn; its file downloads with progress, pauses itself when cut, resumes and matches the provider’s checksum', async ({ page, desk }) => {
    test.setTimeout(150_000);
    await page.goto(withHook(desk.url));
    const origin = await sandboxOrigin(page);
    const salesOrderId = await orderArchiveScene(page, 'e2e-mydata-1');

    const { panel, list } = await openMyData(page);
    // Not delivered yet: the workspace is empty.
    await expect(panel.getByText(/Nothing delivered into this account’s workspace yet/)).toBeVisible();
    await admin(origin, '/clock/advance', { hours: 7 });
    await panel.getByRole('button', { name: /^Refresh delivered products of / }).click();
    await expect(list.getByRole('option')).toHaveCount(1);
    const productId = await openDelivered(list, panel, salesOrderId);
    expect(productId).not.toBe('');
    await expect(panel.getByLabel('Came from')).toHaveText(new RegExp(`^From Order ${salesOrderId} · `));
    await expect.poll(() => mapProbe(page)).toEqual({ drawn: [productId], selected: productId, quicklook: productId });
    await expectNamedButtons(panel);

    await useFolder(panel, folder);
    await admin(origin, '/downloads', { sizeBytes: 4 * MIB, bytesPerSecond: MIB });
    await admin(origin, '/faults', { cutDownloadNext: 3 });
    const card = fileCard(panel);
    const name = ((await card.getAttribute('aria-label')) ?? '').replace(/^File /, '');
    await card.getByRole('button', { name: `Download ${name}` }).click();

    const bar = card.getByRole('progressbar', { name: `Download of ${name}` });
    await expect(bar).toHaveAttribute('aria-valuemax', String(4 * MIB));
    const first = await barValue(bar);
    await expect.poll(() => barValue(bar), { message: 'the bar should rise while bytes arrive' }).toBeGreaterThan(first);
    await expect(card.getByText(/ of 4\.0 MB · .+\/s · \d.* left/)).toBeVisible();
    await expect(panel.getByRole('progressbar', { name: 'All downloads' })).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/mydata-running.png' });

    // Cut three times: the automatic retries give up and it pauses itself, saying why and what Resume does.
    const status = card.getByRole('status', { name: `Status of ${name}` });
    await expect(status).toHaveText(/^Paused — .+Resume/, { timeout: 30_000 });
    const kept = await barValue(bar);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(4 * MIB);
    await page.screenshot({ path: '/tmp/shots/mydata-paused.png' });

    await card.getByRole('button', { name: `Resume ${name}` }).click();
    await expect(status).toHaveText('Done ✓ checksum verified', { timeout: 30_000 });
    await expect(list.getByRole('option')).toHaveAccessibleName(/1 file: downloaded ✓$/);
    await expect(panel.getByRole('progressbar', { name: 'All downloads' })).toHaveCount(0);
    // Browser mode cannot open a file manager: the path is given to copy, with the reason.
    const path = await card.getByRole('textbox', { name: `Path of ${name}` }).inputValue();
    expect(path).toBe(join(folder, name));
    await expect(card.getByText(/cannot open your file manager/)).toBeVisible();
    await expect(card.getByRole('button', { name: `Copy path of ${name}` })).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/mydata-done.png' });
    await expectNoAxeViolations(page, 'My data, download done');

    const direct = await directDownload(origin, productId);
    const disk = onDisk(path);
    expect(disk.size).toBe(4 * MIB);
    expect(disk.sha).toBe(direct.sha);
    expect(direct.reprDigest).toBe(`sha-256=:${Buffer.from(disk.sha, 'hex').toString('base64')}:`);
    expect(disk.parts).toEqual([]);
    await expectNamedButtons(panel);

    // Where it came from opens in its own section: the order brought into view and focused.
    await panel.getByLabel('Came from').getByRole('button', { name: 'Open in Orders' }).click();
    const order = page.getByRole('list', { name: 'Archive orders' }).getByRole('listitem', { name: `Order ${salesOrderId}` });
    await expect(order).toHaveAttribute('aria-current', 'true');
    await expect(order).toBeFocused();
  });

  test('a paused download keeps its bytes across a restart, resumes to the identical file, and the list stays browsable offline', async ({ page, desk }) => {
    test.setTimeout(180_000);
    // The embedded sandbox starts afresh with each desk process: run one on its own, on the port the
    // sandbox accounts were made for, so the order and its delivery outlive the desk's restarts.
    await page.goto(desk.url);
    const port = Number(new URL(await sandboxOrigin(page)).port);
    await desk.stop();
    const sandbox = new StandaloneSandbox();
    try {
      const origin = await sandbox.start(port);
      await page.goto(withHook(await desk.start({ DESK_SANDBOX: 'off' })));
      const salesOrderId = await orderArchiveScene(page, 'e2e-mydata-2');
      await admin(origin, '/clock/advance', { hours: 7 });
      let { panel, list } = await openMyData(page);
      const productId = await openDelivered(list, panel, salesOrderId);
      await useFolder(panel, folder);
      await admin(origin, '/downloads', { sizeBytes: 4 * MIB, bytesPerSecond: MIB });

      let card = fileCard(panel);
      const name = ((await card.getAttribute('aria-label')) ?? '').replace(/^File /, '');
      let bar = card.getByRole('progressbar', { name: `Download of ${name}` });

      // Cancelling deletes the partial file, so it is asked first; keeping it changes nothing.
      await card.getByRole('button', { name: `Download ${name}` }).click();
      await expect.poll(() => barValue(bar)).toBeGreaterThan(0);
      await card.getByRole('button', { name: `Cancel ${name}…` }).click();
      const confirm = page.getByRole('dialog', { name: `Stop downloading ${name}?` });
      await expect(confirm).toContainText('will be deleted');
      await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(card.getByRole('status', { name: `Status of ${name}` })).toHaveText('Downloading');
      await card.getByRole('button', { name: `Cancel ${name}…` }).click();
      await confirm.getByRole('button', { name: 'Stop and delete the partial file' }).click();
      await expect(card.getByText('Cancelled; the partial file was deleted.')).toBeVisible();
      await expect.poll(() => readdirSync(folder)).toEqual([]);

      await card.getByRole('button', { name: `Download again ${name}` }).click();
      await expect.poll(() => barValue(bar)).toBeGreaterThan(MIB);
      await card.getByRole('button', { name: `Pause ${name}` }).click();
      let status = card.getByRole('status', { name: `Status of ${name}` });
      await expect(status).toHaveText('Paused');
      const kept = await barValue(bar);
      expect(kept).toBeGreaterThan(MIB);
      expect(kept).toBeLessThan(4 * MIB);

      await page.goto(withHook(await desk.restart({ DESK_SANDBOX: 'off' })));
      ({ panel, list } = await openMyData(page));
      await expect(list.getByRole('option')).toHaveAccessibleName(/1 file: paused at \d+ %$/);
      await openDelivered(list, panel, salesOrderId);
      card = fileCard(panel);
      bar = card.getByRole('progressbar', { name: `Download of ${name}` });
      status = card.getByRole('status', { name: `Status of ${name}` });
      await expect(status).toHaveText(/^Paused/);
      expect(await barValue(bar)).toBe(kept);
      await card.getByRole('button', { name: `Resume ${name}` }).click();
      await expect(status).toHaveText('Done ✓ checksum verified', { timeout: 30_000 });
      const disk = onDisk(join(folder, name));
      expect(disk.sha).toBe((await directDownload(origin, productId)).sha);
      expect(disk.parts).toEqual([]);

      // Offline: the provider is gone; the stored list, its "as of" and the finished download stay.
      await sandbox.stop();
      await page.goto(withHook(await desk.restart({ DESK_SANDBOX: 'off' })));
      ({ panel, list } = await openMyData(page));
      await expect(panel.getByText(/^Offline — showing data stored/)).toBeVisible();
      await expect(panel.getByText(/^Stored copy as of /)).toBeVisible();
      await expect(list.getByRole('option', { name: new RegExp(`Order ${salesOrderId} .*1 file: downloaded ✓$`) })).toBeVisible();
      // By keyboard: the list takes the focus, an arrow makes the row active, Enter selects it.
      await list.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
      await expect(fileCard(panel).getByRole('status', { name: `Status of ${name}` })).toHaveText('Done ✓ checksum verified');
      await expect.poll(() => mapProbe(page)).toMatchObject({ drawn: [productId], selected: productId });
      await page.screenshot({ path: '/tmp/shots/mydata-offline.png' });
    } finally {
      await sandbox.stop();
    }
  });
});
