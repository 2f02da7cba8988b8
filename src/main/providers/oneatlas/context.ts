import type { AuthSession, HttpClient, TokenCache } from '../../http';
import { endpointOf } from '../common/account';
import { sessionCaller, type Caller } from '../common/caller';
import type { ProviderAccount } from '../types';
import { bearer, oneAtlasSession } from './auth';

/** What every OneAtlas module needs: the account, an authorised caller and the account's hosts. */
export interface OneAtlasContext {
  account: ProviderAccount;
  session: AuthSession;
  api: Caller;
  /** `<endpoint><path>` on one of the account's hosts. */
  url(endpoint: 'order' | 'data' | 'search', path: string): string;
  /** backendSource per contract, remembered from the last contracts read (order bodies depend on it). */
  backendSources: Map<string, 'legacy' | 'neo' | null>;
}

const LABELS = { order: 'order API URL', data: 'data API URL', search: 'search API URL' } as const;

export function oneAtlasContext(account: ProviderAccount, http: HttpClient, cache: TokenCache): OneAtlasContext {
  const session = oneAtlasSession(account, http, cache);
  return {
    account,
    session,
    api: sessionCaller(session, bearer),
    url: (endpoint, path) => `${endpointOf(account, endpoint, LABELS[endpoint])}${path}`,
    backendSources: new Map(),
  };
}

export const enc = encodeURIComponent;
