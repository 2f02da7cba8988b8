import { randomUUID } from 'node:crypto';
import { SANDBOX_CREDENTIALS, SANDBOX_PREFIXES } from '../credentials';
import { json, type Mount, type SandboxRequest, type SandboxResponse } from '../types';
import { issueToken } from './tokens';

/**
 * The two token endpoints. OneAtlas is a Keycloak realm (API key grant); the legacy GeoAPI is an
 * OpenID Connect server (client-credentials grant). Both read form bodies only, as the real ones do,
 * and answer errors in the OAuth2 `{error, error_description}` form.
 */

const oauthError = (status: number, error: string, description: string): SandboxResponse =>
  json(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });

/** Form fields, or undefined when the body is not a form (a JSON body is not read by these servers). */
function form(req: SandboxRequest): Record<string, string> | undefined {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.includes('application/x-www-form-urlencoded')) return undefined;
  return (req.body as Record<string, string> | undefined) ?? {};
}

function oneAtlasToken(req: SandboxRequest, state: Parameters<typeof issueToken>[0]): SandboxResponse {
  const f = form(req) ?? {};
  if (!f['grant_type']) return oauthError(400, 'invalid_request', 'Missing form parameter: grant_type');
  if (f['grant_type'] !== 'api_key') return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type: ${f['grant_type']}`);
  if (f['client_id'] !== 'IDP') return oauthError(401, 'unauthorized_client', 'Invalid client or Invalid client credentials (client_id must be IDP)');
  if (!f['apikey']) return oauthError(401, 'invalid_grant', 'Missing API key (form parameter apikey)');
  if (f['apikey'] !== SANDBOX_CREDENTIALS.oneatlas.apiKey) return oauthError(401, 'invalid_grant', 'Invalid API key');
  const { accessToken, expiresIn } = issueToken(state, 'oneatlas', 'sandbox-service-account', 'IDP');
  return json(
    200,
    {
      access_token: accessToken,
      expires_in: expiresIn,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      session_state: randomUUID(),
      scope: '',
    },
    { 'Cache-Control': 'no-store' },
  );
}

function geoApiToken(req: SandboxRequest, state: Parameters<typeof issueToken>[0]): SandboxResponse {
  const f = form(req) ?? {};
  const creds = SANDBOX_CREDENTIALS.geoapi;
  if (f['grant_type'] !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
  if (f['client_id'] !== creds.clientId || f['client_secret'] !== creds.clientSecret) {
    return oauthError(401, 'invalid_client', f['client_id'] ? 'Unknown client or wrong client_secret' : 'Missing client_id');
  }
  if (f['scope'] !== undefined && f['scope'].split(' ').some((s) => s !== 'order.api')) {
    return oauthError(400, 'invalid_scope', `Unknown scope "${f['scope']}" (this client may request order.api)`);
  }
  const { accessToken, expiresIn } = issueToken(state, 'geoapi', creds.clientId, 'order.api');
  return json(200, { access_token: accessToken, expires_in: expiresIn, token_type: 'Bearer' }, { 'Cache-Control': 'no-store' });
}

/** Routes of the auth module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const authMounts: Mount[] = [
  {
    prefix: SANDBOX_PREFIXES.oneatlas.auth,
    routes: [{ method: 'POST', pattern: '/auth/realms/IDP/protocol/openid-connect/token', handler: (req, { state }) => oneAtlasToken(req, state) }],
  },
  {
    prefix: SANDBOX_PREFIXES.geoapi.auth,
    routes: [{ method: 'POST', pattern: '/ADS-ID/core/connect/token', handler: (req, { state }) => geoApiToken(req, state) }],
  },
];
