/**
 * The only code that ever sees a secret. Secrets live in the OS keychain under the service
 * `imagery-desk`, one entry per (account, secret name); nothing here writes them anywhere else.
 */
export interface Vault {
  status(): Promise<{ available: boolean; message: string }>;
  get(accountId: string, key: string): Promise<string | null>;
  set(accountId: string, key: string, value: string): Promise<void>;
  delete(accountId: string, key: string): Promise<void>;
}

export const VAULT_SERVICE = 'imagery-desk';

/** Raised when the keychain cannot be reached: the caller must fail the action, never fall back. */
export class VaultUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      'The system keychain is not available, so the secret was not saved. ' +
        'Imagery Desk never stores secrets in clear: unlock or install a keychain ' +
        '(on Linux a Secret Service such as GNOME Keyring or KWallet) and try again. ' +
        `(${cause instanceof Error ? cause.message : String(cause)})`,
    );
    this.name = 'VaultUnavailableError';
  }
}

export const entryName = (accountId: string, key: string): string => `${accountId}/${key}`;
