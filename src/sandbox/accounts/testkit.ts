import { SANDBOX_CREDENTIALS } from '../credentials';
import { startSandbox, type SandboxServer, type StartOptions } from '../server';

/**
 * Test helpers shared by the sandbox's HTTP tests: a started sandbox plus clients that authenticate
 * the way each guide says. Real HTTP via fetch; nothing is mocked.
 */

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<Reply<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const body = (type.includes('json') && text ? JSON.parse(text) : text) as T;
  return { status: res.status, headers: res.headers, body };
}

export const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export interface Harness {
  sandbox: SandboxServer;
  oneAtlasToken(): Promise<string>;
  geoApiToken(): Promise<string>;
  /** JSON request with OneAtlas bearer auth against the order host. */
  oa<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token?: string): Promise<Reply<T>>;
  /** JSON request with GeoAPI token + base64 username against the order host. */
  geo<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token?: string): Promise<Reply<T>>;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Reply<T>>;
}

const jsonInit = (method: string, headers: Record<string, string>, body?: unknown): RequestInit => ({
  method,
  headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export async function harness(opts: StartOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox(opts);
  const urls = sandbox.baseUrls;
  const cache: Record<string, string> = {};
  const h: Harness = {
    sandbox,
    async oneAtlasToken() {
      const r = await call<{ access_token: string }>(
        `${urls.oneatlas.auth}/auth/realms/IDP/protocol/openid-connect/token`,
        form({ apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'IDP' }),
      );
      if (r.status !== 200) throw new Error(`OneAtlas token: ${r.status}`);
      return r.body.access_token;
    },
    async geoApiToken() {
      const c = SANDBOX_CREDENTIALS.geoapi;
      const r = await call<{ access_token: string }>(
        `${urls.geoapi.auth}/ADS-ID/core/connect/token`,
        form({ client_id: c.clientId, client_secret: c.clientSecret, scope: 'order.api', grant_type: 'client_credentials' }),
      );
      if (r.status !== 200) throw new Error(`GeoAPI token: ${r.status}`);
      return r.body.access_token;
    },
    // Like a real client: a cached token that comes back 401 (the clock moved on) is renewed once.
    async oa<T>(method: string, path: string, body?: unknown, token?: string) {
      const send = (t: string) => call<T>(`${urls.oneatlas.order}${path}`, jsonInit(method, { authorization: `Bearer ${t}` }, body));
      if (token !== undefined) return send(token);
      const r = await send((cache['oa'] ??= await h.oneAtlasToken()));
      return r.status === 401 ? send((cache['oa'] = await h.oneAtlasToken())) : r;
    },
    async geo<T>(method: string, path: string, body?: unknown, token?: string) {
      const send = (t: string) => call<T>(`${urls.geoapi.order}${path}`, jsonInit(method, { authorization: t, 'x-ads-username': b64(SANDBOX_CREDENTIALS.geoapi.username) }, body));
      if (token !== undefined) return send(token);
      const r = await send((cache['geo'] ??= await h.geoApiToken()));
      return r.status === 401 ? send((cache['geo'] = await h.geoApiToken())) : r;
    },
    admin(method, path, body) {
      return call(`${sandbox.origin}/__admin${path}`, jsonInit(method, {}, body));
    },
  };
  return h;
}

/** A square AOI of about `km` kilometres a side centred on lon/lat. */
export function squareAoi(lon: number, lat: number, km: number) {
  const dLat = km / 2 / 111.2;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return {
    type: 'Polygon' as const,
    coordinates: [[[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]]],
  };
}
