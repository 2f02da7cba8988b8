import type { ArchiveProviderKind } from '../../shared/domain/providers';
import { SANDBOX_CREDENTIALS } from '../credentials';
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../types';

/**
 * Credential checks shared by every sandbox route. Each returns the provider's 401 response when the
 * request is not authorised, or undefined when it may proceed. Bodies follow each provider's own form.
 */

const header = (req: SandboxRequest, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

type TokenStatus = 'ok' | 'missing' | 'unknown' | 'expired';

function liveToken(token: string | undefined, provider: ArchiveProviderKind, ctx: SandboxContext): TokenStatus {
  if (!token) return 'missing';
  const issued = ctx.state.tokens.get(token);
  if (!issued || issued.provider !== provider) return 'unknown';
  return issued.expiresAt <= ctx.state.now().getTime() ? 'expired' : 'ok';
}

const CAUSES: Record<Exclude<TokenStatus, 'ok'>, string> = { missing: 'Missing token', unknown: 'Invalid token', expired: 'Token expired' };

/** OneAtlas' 401, as its order API documents it: `{message: "Authentication failed (cause: …)"}`. */
const oneAtlas401 = (status: Exclude<TokenStatus, 'ok'>): SandboxResponse => ({
  status: 401,
  headers: { 'WWW-Authenticate': `Bearer realm="IDP"${status === 'missing' ? '' : `, error="invalid_token"`}` },
  body: { message: `Authentication failed (cause: ${CAUSES[status]})` },
});

/** The legacy GeoAPI is a Spring service: its 401 is Spring's error body. */
const geoApi401 = (req: SandboxRequest, message: string, scheme = 'Bearer'): SandboxResponse => ({
  status: 401,
  headers: { 'WWW-Authenticate': scheme },
  body: { timestamp: Date.now(), status: 401, error: 'Unauthorized', message, path: req.path },
});

/** OneAtlas: `Authorization: Bearer <access_token>` from the API-key exchange. */
export function requireOneAtlasBearer(req: SandboxRequest, ctx: SandboxContext): SandboxResponse | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  const status = liveToken(m?.[1], 'oneatlas', ctx);
  return status === 'ok' ? undefined : oneAtlas401(status);
}

/** True when `value` is the canonical base64 encoding of some text (plain text is not). */
function decodeBase64(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(value, 'base64');
  return decoded.toString('base64') === value ? decoded.toString('utf8') : undefined;
}

/** GeoAPI order API: `Authorization: <token>` (Bearer prefix tolerated) and a base64 `X-ADS-Username`. */
export function requireGeoApiOrderAuth(req: SandboxRequest, ctx: SandboxContext): SandboxResponse | undefined {
  const token = (header(req, 'authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
  const status = liveToken(token || undefined, 'geoapi', ctx);
  if (status !== 'ok') {
    return geoApi401(req, status === 'expired' ? 'Access token expired' : status === 'missing' ? 'Missing Authorization header' : 'Invalid access token');
  }
  const encoded = header(req, 'x-ads-username');
  if (!encoded) return geoApi401(req, 'Missing X-ADS-Username header');
  const decoded = decodeBase64(encoded.trim());
  if (decoded === undefined) return geoApi401(req, 'X-ADS-Username must be the base64-encoded user name, not plain text');
  if (decoded !== SANDBOX_CREDENTIALS.geoapi.username) return geoApi401(req, 'Unknown user in X-ADS-Username');
  return undefined;
}

/** GeoAPI legacy search: `Authorization: APIKEY <key>`. */
export function requireGeoApiSearchKey(req: SandboxRequest): SandboxResponse | undefined {
  const m = /^APIKEY\s+(\S+)$/.exec(header(req, 'authorization') ?? '');
  if (m?.[1] === SANDBOX_CREDENTIALS.geoapi.searchApiKey) return undefined;
  return geoApi401(req, m ? 'Invalid API key' : 'Missing Authorization: APIKEY header', 'APIKEY');
}

/** Origen: the account token in `Authorization` (Bearer prefix tolerated) or `X-API-Key`. */
export function requireOrigenToken(req: SandboxRequest): SandboxResponse | undefined {
  const token = (header(req, 'authorization') ?? '').replace(/^Bearer\s+/i, '').trim() || header(req, 'x-api-key');
  if (token === SANDBOX_CREDENTIALS.origen.token) return undefined;
  return { status: 401, body: { code: 401, message: token ? 'Invalid token' : 'Missing token', data: null } };
}
