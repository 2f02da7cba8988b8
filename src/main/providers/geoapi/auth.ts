import { createSession, tokenCacheKey, type AuthSession, type HttpClient, type TokenCache } from '../../http';
import { endpointOf, identityOf, secretOf } from '../common/account';
import { requestGrant } from '../common/grant';
import type { ProviderAccount } from '../types';

/**
 * GeoAPI legacy (the GeoAPI archive guide, step 1): client credentials for scope `order.api` give a token that the
 * order API takes as the bare `Authorization` value, always with `X-ADS-Username`: the user name in
 * base64 (plain text is refused). The search API is separate and takes `Authorization: APIKEY <key>`.
 */

export function geoApiSession(account: ProviderAccount, http: HttpClient, cache: TokenCache): AuthSession {
  const url = `${endpointOf(account, 'auth', 'authentication URL')}/ADS-ID/core/connect/token`;
  const clientId = secretOf(account, 'clientId', 'client ID');
  const clientSecret = secretOf(account, 'clientSecret', 'client secret');
  const form = { client_id: clientId, client_secret: clientSecret, scope: 'order.api', grant_type: 'client_credentials' };
  return createSession({
    http,
    cache,
    // Both halves identify the grant: a changed id or secret is a different token.
    cacheKey: tokenCacheKey(account.id, url, `${clientId}\n${clientSecret}`),
    fetchGrant: (ctx) => requestGrant(http, { method: 'POST', url, kind: 'read', body: { form }, ...ctx }, 'GeoAPI'),
  });
}

export function orderHeaders(account: ProviderAccount): (token: string) => Record<string, string> {
  const username = Buffer.from(identityOf(account, 'username', 'user name'), 'utf8').toString('base64');
  return (token) => ({ authorization: token, 'x-ads-username': username });
}

export const searchHeaders = (account: ProviderAccount) => (): Record<string, string> => ({ authorization: `APIKEY ${secretOf(account, 'searchApiKey', 'search API key')}` });
