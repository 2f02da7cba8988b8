import { SANDBOX_PREFIXES } from '../credentials';
import { ALL_MOUNTS } from '../mounts';
import { startSandbox, type SandboxServer } from '../server';
import type { Mount } from '../types';
import { createTaskingOrder } from './orders';
import { priceTaskingRequest } from './pricing';

/**
 * Test helpers for the tasking suites. `/api/v1/prices` and `/api/v1/orders` belong to the ordering
 * module: when it serves them, its routes come first and the tests exercise the real delegation;
 * until then these fallbacks put the tasking handlers behind the same paths.
 */
const fallback: Mount = {
  prefix: SANDBOX_PREFIXES.oneatlas.order,
  routes: [
    { method: 'POST', pattern: '/api/v1/prices', handler: priceTaskingRequest },
    { method: 'POST', pattern: '/api/v1/orders', handler: createTaskingOrder, commitsOrder: true },
  ],
};

/** Provider JSON as the tests read it: loosely typed on purpose, the assertions check the shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface Kit {
  sandbox: SandboxServer;
  base: string;
  token: string;
  /** `token` null sends no Authorization header; omitted, the kit's current token. */
  post(path: string, body: unknown, token?: string | null): Promise<{ status: number; body: Loose }>;
  get(path: string, token?: string | null): Promise<{ status: number; body: Loose }>;
  /** Advances the simulated clock, then takes a fresh token (the old one may have expired). */
  advance(hours: number, refresh?: boolean): Promise<void>;
}

export async function oneAtlasToken(sandbox: SandboxServer): Promise<string> {
  const res = await fetch(`${sandbox.baseUrls.oneatlas.auth}/auth/realms/IDP/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'apikey=sandbox-oneatlas-key&grant_type=api_key&client_id=IDP',
  });
  if (res.ok) return ((await res.json()) as { access_token: string }).access_token;
  const token = `test-token-${Math.random()}`;
  sandbox.state.tokens.set(token, { token, provider: 'oneatlas', expiresAt: sandbox.state.now().getTime() + 3600_000 });
  return token;
}

/** `taskingFirst` puts the tasking handlers ahead of the ordering routes, to test them directly. */
export async function startKit(startTime: Date, seed = 42, taskingFirst = false): Promise<Kit> {
  const mounts = taskingFirst ? [fallback, ...ALL_MOUNTS] : [...ALL_MOUNTS, fallback];
  const sandbox = await startSandbox({ port: 0, seed, startTime, mounts });
  const base = sandbox.baseUrls.oneatlas.order;
  const call = async (method: string, path: string, body: unknown, tok: string | null) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (tok) headers['Authorization'] = `Bearer ${tok}`;
    const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const kit: Kit = {
    sandbox,
    base,
    token: await oneAtlasToken(sandbox),
    post: (path, body, tok) => call('POST', path, body, tok === undefined ? kit.token : tok),
    get: (path, tok) => call('GET', path, undefined, tok === undefined ? kit.token : tok),
    advance: async (hours, refresh = true) => {
      const res = await fetch(`${sandbox.origin}/__admin/clock/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ hours }) });
      if (!res.ok) throw new Error(`clock advance failed: ${res.status}`);
      if (refresh) kit.token = await oneAtlasToken(sandbox);
    },
  };
  return kit;
}
