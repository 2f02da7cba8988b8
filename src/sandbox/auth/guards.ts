import { SANDBOX_CREDENTIALS } from '../credentials';
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../types';

/**
 * Credential checks shared by every sandbox route. Each returns the provider's 401 response when the
 * request is not authorised, or undefined when it may proceed. The auth module refines the bodies.
 */
const unauthorized = (message: string, extra: Record<string, string> = {}): SandboxResponse => ({
  status: 401,
  headers: { 'WWW-Authenticate': 'Bearer', ...extra },
  body: { error: 'unauthorized', message },
});

const header = (req: SandboxRequest, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

function liveToken(token: string | undefined, provider: 'oneatlas' | 'geoapi', ctx: SandboxContext): 'ok' | 'missing' | 'unknown' | 'expired' {
  if (!token) return 'missing';
  const issued = ctx.state.tokens.get(token);
  if (!issued || issued.provider !== provider) return 'unknown';
  return issued.expiresAt <= ctx.state.now().getTime() ? 'expired' : 'ok';
}

/** OneAtlas: `Authorization: Bearer <access_token>` from the API-key exchange. */
export function requireOneAtlasBearer(req: SandboxRequest, ctx: SandboxContext): SandboxResponse | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  const status = liveToken(m?.[1], 'oneatlas', ctx);
  if (status === 'ok') return undefined;
  return unauthorized(status === 'expired' ? 'Access token expired' : status === 'missing' ? 'Missing bearer token' : 'Invalid access token');
}

/** GeoAPI order API: `Authorization: <token>` (Bearer prefix tolerated) and a base64 `X-ADS-Username`. */
export function requireGeoApiOrderAuth(req: SandboxRequest, ctx: SandboxContext): SandboxResponse | undefined {
  const token = (header(req, 'authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
  const status = liveToken(token || undefined, 'geoapi', ctx);
  if (status !== 'ok') return unauthorized(status === 'expired' ? 'Access token expired' : status === 'missing' ? 'Missing Authorization header' : 'Invalid access token');
  const encoded = header(req, 'x-ads-username');
  if (!encoded) return unauthorized('Missing X-ADS-Username header');
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  if (decoded !== SANDBOX_CREDENTIALS.geoapi.username) return unauthorized('X-ADS-Username must be the base64-encoded user name');
  return undefined;
}

/** GeoAPI legacy search: `Authorization: APIKEY <key>`. */
export function requireGeoApiSearchKey(req: SandboxRequest): SandboxResponse | undefined {
  const m = /^APIKEY\s+(\S+)$/.exec(header(req, 'authorization') ?? '');
  if (m?.[1] === SANDBOX_CREDENTIALS.geoapi.searchApiKey) return undefined;
  return unauthorized(m ? 'Invalid API key' : 'Missing Authorization: APIKEY header', { 'WWW-Authenticate': 'APIKEY' });
}

/** Origen: the account token in `Authorization` (Bearer prefix tolerated) or `X-API-Key`. */
export function requireOrigenToken(req: SandboxRequest): SandboxResponse | undefined {
  const token = (header(req, 'authorization') ?? '').replace(/^Bearer\s+/i, '').trim() || header(req, 'x-api-key');
  if (token === SANDBOX_CREDENTIALS.origen.token) return undefined;
  return { status: 401, body: { code: 401, message: token ? 'Invalid token' : 'Missing token', data: null } };
}
