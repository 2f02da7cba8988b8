import { createHash } from 'node:crypto';
import type { Account } from '../../../shared/domain/account';
import { isArchiveKind, PROVIDERS, type ArchiveProviderKind } from '../../../shared/domain/providers';
import { DeskFailure } from '../../errors';
import type { ArchiveProvider, CallOptions } from '../../providers/types';
import type { Activity } from './activity';

export interface ProviderFactory {
  (kind: ArchiveProviderKind, account: { id: string; endpoints: Record<string, string>; identity: Record<string, string>; secrets: Record<string, string> }): ArchiveProvider;
}

export interface Reached {
  account: Account;
  provider: ArchiveProvider;
  /** Reports waits to the activity list; call `done` when the call is over. */
  call: CallOptions & { done(): void };
}

/**
 * Builds the provider client of one account: its endpoints and identity from the store, its secrets
 * from the keychain (read per call, never kept), waits reported to the activity list.
 */
/** Every secret the account's provider needs, or MISSING_SECRET naming the first one absent. */
export async function secretsOf(accounts: AccountSource, acc: Account): Promise<Record<string, string>> {
  const secrets: Record<string, string> = {};
  for (const spec of PROVIDERS[acc.provider].secrets) {
    const value = await accounts.secret(acc.id, spec.key);
    if (value === null) {
      // Set once but gone from the keychain (reset, another machine) reads differently from never set.
      const message = acc.secretsSet[spec.key]
        ? `The ${spec.label} of “${acc.label}” is missing from the system keychain (it was reset, or this is another machine). Re-enter it in the account.`
        : `“${acc.label}” has no ${spec.label} set. Add it in the account.`;
      throw new DeskFailure('MISSING_SECRET', message, { field: `secrets.${spec.key}`, accountId: acc.id });
    }
    secrets[spec.key] = value;
  }
  return secrets;
}

/** What provider access needs of the accounts room: the accounts, and one secret at a time. */
export interface AccountSource {
  list(): Promise<Account[]> | Account[];
  secret(accountId: string, key: string): Promise<string | null>;
}

export function createProviderAccess(deps: { accounts: AccountSource; factory: ProviderFactory; activity: Activity }) {
  // One client per account version and secrets: clients remember what they learnt (a contract's
  // backend, the workspace), which saves provider round trips on every price and order.
  const clients = new Map<string, ArchiveProvider>();
  const account = async (accountId: string): Promise<Account> => {
    const found = (await deps.accounts.list()).find((a) => a.id === accountId);
    if (!found) throw new DeskFailure('NOT_FOUND', 'This account no longer exists.');
    return found;
  };

  return {
    account,
    async reach(accountId: string): Promise<Reached> {
      const acc = await account(accountId);
      if (!isArchiveKind(acc.provider)) {
        throw new DeskFailure('UNSUPPORTED', `${PROVIDERS[acc.provider].label} accounts do not offer archive search; pick a OneAtlas or GeoAPI account.`);
      }
      const secrets = await secretsOf(deps.accounts, acc);
      const key = `${acc.id}|${acc.updatedAt}|${createHash('sha256').update(JSON.stringify(secrets)).digest('hex')}`;
      let provider = clients.get(key);
      if (!provider) {
        for (const k of clients.keys()) if (k.startsWith(`${acc.id}|`)) clients.delete(k);
        provider = deps.factory(acc.provider, { id: acc.id, endpoints: acc.endpoints, identity: acc.identity, secrets });
        clients.set(key, provider);
      }
      const tracker = deps.activity.track(acc.id);
      return { account: acc, provider, call: { onWait: tracker.onWait, done: tracker.done } };
    },
  };
}
export type ProviderAccess = ReturnType<typeof createProviderAccess>;

/** Runs one provider call with its wait tracking cleaned up whatever happens. */
export async function withProvider<T>(access: ProviderAccess, accountId: string, work: (r: Reached) => Promise<T>): Promise<T> {
  const reached = await access.reach(accountId);
  try {
    return await work(reached);
  } finally {
    reached.call.done();
  }
}
