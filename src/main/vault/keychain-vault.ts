import * as keytar from '@napi-rs/keyring/keytar';
import { entryName, VAULT_SERVICE, VaultUnavailableError, type Vault } from './vault';

type Keytar = Pick<typeof keytar, 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>;

/** The OS keychain via @napi-rs/keyring (keytar-compatible; macOS Keychain, Windows Credential Manager, Secret Service). */
export function createKeychainVault(service = VAULT_SERVICE, backend: Keytar = keytar): Vault {
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw new VaultUnavailableError(err);
    }
  };
  return {
    async status() {
      try {
        await backend.findCredentials(service);
        return { available: true, message: 'Secrets are kept in the system keychain.' };
      } catch (err) {
        return { available: false, message: new VaultUnavailableError(err).message };
      }
    },
    get: (accountId, key) => guard(() => backend.getPassword(service, entryName(accountId, key))),
    set: (accountId, key, value) => guard(() => backend.setPassword(service, entryName(accountId, key), value)),
    delete: async (accountId, key) => {
      await guard(() => backend.deletePassword(service, entryName(accountId, key)));
    },
  };
}
