import type { Account } from '../../../shared/domain/account';
import type { Aoi } from '../../../shared/domain/aoi';
import { hasCapability, PROVIDERS, type KindWith, type ProviderKind } from '../../../shared/domain/providers';
import { DeskFailure } from '../../errors';
import type { ProgrammingClient } from '../../providers';
import type { CallOptions } from '../../providers/types';
import type { ProgrammingOrdersRepo } from '../../store/programming-orders-repo';
import type { Activity } from '../shared/activity';
import { secretsOf, type AccountSource } from '../shared/provider-access';

/**
 * What the programming room's modules share. shared/provider-access builds archive clients only, so
 * this room reaches its accounts the same way (endpoints and identity from the store, secrets read per
 * call, sandbox accounts from the public constants) with the programming factory.
 */
export interface ProgrammingDeps {
  accounts: AccountSource;
  factory(kind: KindWith<'programming'>, account: { id: string; endpoints: Record<string, string>; identity: Record<string, string>; secrets: Record<string, string> }): ProgrammingClient;
  activity: Activity;
  orders: ProgrammingOrdersRepo;
  aoi(id: string): Aoi;
  now(): Date;
}

const isProgrammingKind = (kind: ProviderKind): kind is KindWith<'programming'> => hasCapability(kind, 'programming');

export async function programmingAccount(deps: ProgrammingDeps, accountId: string): Promise<Account & { provider: KindWith<'programming'> }> {
  const account = (await deps.accounts.list()).find((a) => a.id === accountId);
  if (!account) throw new DeskFailure('NOT_FOUND', 'This account no longer exists.');
  if (!isProgrammingKind(account.provider)) {
    throw new DeskFailure('UNSUPPORTED', `${PROVIDERS[account.provider].label} accounts take no programming orders; pick an Origen market account.`, { field: 'accountId' });
  }
  return account as Account & { provider: KindWith<'programming'> };
}

/** Runs `work` with the account's programming client, its waits reported to the activity list. */
export async function withProgramming<T>(deps: ProgrammingDeps, accountId: string, work: (client: ProgrammingClient, call: CallOptions, account: Account) => Promise<T>): Promise<T> {
  const account = await programmingAccount(deps, accountId);
  const secrets = await secretsOf(deps.accounts, account);
  const client = deps.factory(account.provider, { id: account.id, endpoints: account.endpoints, identity: account.identity, secrets });
  const tracker = deps.activity.track(account.id);
  try {
    return await work(client, { onWait: tracker.onWait }, account);
  } finally {
    tracker.done();
  }
}
