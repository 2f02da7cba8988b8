import type { AuthSession, HttpClient, TokenCache } from '../../http';
import { endpointOf } from '../common/account';
import { sessionCaller, staticCaller, type Caller } from '../common/caller';
import type { ProviderAccount } from '../types';
import { geoApiSession, orderHeaders, searchHeaders } from './auth';

/** What every GeoAPI module needs: the order API (token) and the search API (API key), kept apart. */
export interface GeoApiContext {
  account: ProviderAccount;
  session: AuthSession;
  order: Caller;
  search: Caller;
  url(endpoint: 'order' | 'search', path: string): string;
}

export function geoApiContext(account: ProviderAccount, http: HttpClient, cache: TokenCache): GeoApiContext {
  const session = geoApiSession(account, http, cache);
  return {
    account,
    session,
    order: sessionCaller(session, orderHeaders(account)),
    search: staticCaller(http, searchHeaders(account)),
    url: (endpoint, path) => `${endpointOf(account, endpoint, endpoint === 'order' ? 'order API URL' : 'search API URL')}${path}`,
  };
}
