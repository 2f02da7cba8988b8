import { createKeychainVault } from '../vault/keychain-vault';

/**
 * Integration tests need the real OS keychain. `npm test` runs them inside a private D-Bus session with
 * an unlocked gnome-keyring and sets DESK_REQUIRE_KEYCHAIN=1, so a missing keychain fails there; a
 * developer running vitest by hand without one sees them skipped, with the reason.
 */
export async function keychainForTests(): Promise<{ available: boolean; reason: string }> {
  const status = await createKeychainVault('imagery-desk-test-probe').status();
  if (!status.available && process.env['DESK_REQUIRE_KEYCHAIN'] === '1') {
    throw new Error(`DESK_REQUIRE_KEYCHAIN=1 but no keychain is reachable: ${status.message}`);
  }
  return { available: status.available, reason: status.message };
}
