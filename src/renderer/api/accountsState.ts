import type { Account } from '../../shared/domain/account';
import type { ShownError } from './errors';

/**
 * The provider accounts and the active one, as every section reads them. The Accounts feature owns
 * the state (useAccounts); the shape lives here so the top bar, Archive and Orders can take it
 * without importing another feature.
 */
export interface AccountsState {
  list: Account[];
  loading: boolean;
  error?: ShownError;
  activeId: string;
  setActive(id: string): Promise<void>;
  refresh(): Promise<void>;
}
