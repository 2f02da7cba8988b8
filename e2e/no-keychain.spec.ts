import { DeskHost, expect, test } from './desk-host';
import { chooseSource, search, wktToulouseAoi } from './journey';

/**
 * A machine without a Secret Service (a minimal Linux session, a container): the sandbox accounts use
 * the simulator's public credentials and never the keychain, so the archive works end to end, while the
 * app says plainly that real accounts cannot keep secrets here.
 */
test('with no keychain reachable, a sandbox archive search completes and nothing says "refused"', async ({ page }) => {
  const host = new DeskHost();
  // The host is its own process: pointing its session bus at nothing makes every keychain call fail,
  // whatever private bus the test run itself has (scripts/with-keychain.sh).
  const url = await host.start({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
  try {
    await page.goto(url);
    await expect(page.getByRole('status', { name: 'Connection state' })).toContainText('keychain unavailable');
    await expect(page.getByRole('button', { name: /^Provider: Provider online/ })).toBeVisible();
    await expect(page.getByRole('banner')).not.toContainText(/refused/i);

    await page.getByRole('tab', { name: 'Accounts' }).click();
    const panel = page.getByRole('region', { name: 'Accounts' });
    await expect(panel.getByRole('alert')).toContainText(/keychain/i);
    const sandbox = page.getByRole('listitem', { name: 'Sandbox — OneAtlas' });
    await expect(sandbox).toContainText('Public sandbox credential');
    await expect(sandbox).not.toContainText('Set (in keychain)');
    // Editing a sandbox account offers no secret to change: main would refuse one anyway.
    await page.getByRole('button', { name: 'Edit Sandbox — OneAtlas' }).click();
    const form = page.getByRole('form', { name: 'Edit account' });
    await expect(form).toContainText('public credentials');
    await expect(form.getByRole('textbox', { name: 'API key' })).toHaveCount(0);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await wktToulouseAoi(page);
    const archive = await chooseSource(page, 'Sandbox — OneAtlas', 'Sandbox SPOT & Pléiades', 'PleiadesArchiveMono');
    const results = await search(page, archive);
    await expect(results.getByRole('option').first()).toBeVisible();
    await expect(page.getByRole('banner')).not.toContainText(/refused/i);
  } finally {
    await host.stop();
    host.dispose();
  }
});
