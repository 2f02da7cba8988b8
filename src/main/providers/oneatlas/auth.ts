import { createSession, tokenCacheKey, type AuthSession, type HttpClient, type TokenCache } from '../../http';
import { endpointOf, secretOf } from '../common/account';
import { requestGrant } from '../common/grant';
import type { ProviderAccount } from '../types';

/**
 * OneAtlas: the API key is exchanged for a bearer token at the IDP realm (form `apikey`,
 * `grant_type=api_key`, `client_id=IDP`); the token goes in `Authorization: Bearer …` everywhere else.
 */

export function oneAtlasSession(account: ProviderAccount, http: HttpClient, cache: TokenCache): AuthSession {
  const url = `${endpointOf(account, 'auth', 'authentication URL')}/auth/realms/IDP/protocol/openid-connect/token`;
  const apiKey = secretOf(account, 'apiKey', 'API key');
  return createSession({
    http,
    cache,
    cacheKey: tokenCacheKey(account.id, url, apiKey),
    fetchGrant: (ctx) =>
      requestGrant(http, { method: 'POST', url, kind: 'read', body: { form: { apikey: apiKey, grant_type: 'api_key', client_id: 'IDP' } }, ...ctx }, 'OneAtlas'),
  });
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
