import { DeskFailure } from '../../errors';
import type { ProviderAccount } from '../types';

/** An account missing what a call needs is the user's to fix in the account form, not a provider failure. */

export function endpointOf(account: ProviderAccount, key: string, label: string): string {
  const url = account.endpoints[key]?.trim();
  if (!url) throw new DeskFailure('ACCOUNT_INCOMPLETE', `This account has no ${label}. Add it in the account settings.`, { field: `endpoints.${key}` });
  return url.replace(/\/+$/, '');
}

export function secretOf(account: ProviderAccount, key: string, label: string): string {
  const value = account.secrets[key];
  if (!value) throw new DeskFailure('ACCOUNT_INCOMPLETE', `This account has no ${label}. Add it in the account settings.`, { field: `secrets.${key}` });
  return value;
}

export function identityOf(account: ProviderAccount, key: string, label: string): string {
  const value = account.identity[key]?.trim();
  if (!value) throw new DeskFailure('ACCOUNT_INCOMPLETE', `This account has no ${label}. Add it in the account settings.`, { field: `identity.${key}` });
  return value;
}
