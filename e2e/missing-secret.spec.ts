import * as keytar from '@napi-rs/keyring/keytar';
import { expect, test } from './desk-host';

/** The keychain service Imagery Desk stores secrets under (src/main/vault/vault.ts). */
const VAULT_SERVICE = 'imagery-desk';
const SECRET = `e2e-lost-key-${Date.now().toString(36)}`;
const LABEL = 'OneAtlas — lost key';

/**
 * A secret that was saved but is gone from the keychain (a keyring reset, another machine) is the
 * user's to re-enter, not a provider's refusal: the top bar says so and opens that account's form.
 */
test('a secret missing from the keychain is named as such, and "Re-enter secret" opens the account', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  const add = page.getByRole('form', { name: 'Add account' });
  await add.getByLabel('Provider').selectOption({ label: 'Airbus OneAtlas' });
  await add.getByLabel('Label').fill(LABEL);
  await add.getByLabel('API key').fill(SECRET);
  await add.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('listitem', { name: LABEL })).toContainText('Set (in keychain)');

  // The keychain loses it behind the app's back, as a reset keyring would (same private session bus).
  const entries = await keytar.findCredentials(VAULT_SERVICE);
  const lost = entries.filter((e) => e.password === SECRET);
  expect(lost).toHaveLength(1);
  await keytar.deletePassword(VAULT_SERVICE, lost[0]!.account);

  const active = page.getByLabel('Active account');
  await active.selectOption({ label: `${LABEL} · Airbus OneAtlas` });
  const chip = page.getByRole('button', { name: /^Provider: / });
  await expect(chip).toHaveAccessibleName(/^Provider: Secret missing from the keychain/);
  await expect(page.getByRole('banner')).not.toContainText(/refused/i);

  // From another section, the fix lands on that account's form with its secret field.
  await page.getByRole('tab', { name: 'AOIs' }).click();
  await page.getByRole('button', { name: 'Re-enter secret' }).click();
  const edit = page.getByRole('form', { name: 'Edit account' });
  await expect(edit.getByLabel('Label')).toHaveValue(LABEL);
  await edit.getByRole('textbox', { name: 'API key' }).fill(SECRET);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${LABEL}”` })).toBeVisible();
  // Back in the keychain; what the provider then says (production is not reachable here) is not "missing".
  await expect(chip).not.toHaveAccessibleName(/Secret missing/);
});
