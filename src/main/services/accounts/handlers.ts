import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { AccountsService } from './service';

export function accountsHandlers(deps: { accounts: AccountsService; restoreSandbox(): Promise<void> }): FeatureHandlers<'accounts'> {
  const { accounts } = deps;
  return {
    'accounts.list': () => accounts.list(),
    'accounts.create': ({ account, secrets }) => accounts.create(account, secrets),
    'accounts.update': ({ id, account, secrets }) => accounts.update(id, account, secrets),
    'accounts.remove': ({ id }) => accounts.remove(id),
    'accounts.restoreSandbox': async () => {
      await deps.restoreSandbox();
      return accounts.list();
    },
  };
}
