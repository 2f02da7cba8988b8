import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64, call, harness, type Harness } from './accounts/testkit';
import { SANDBOX_CREDENTIALS, SANDBOX_PREFIXES } from './credentials';
import { ALL_MOUNTS } from './mounts';

/**
 * Whatever arrives — arbitrary JSON, wrong types, garbage bytes, huge bodies — the sandbox answers
 * with a JSON error (never a 5xx, never a dropped socket) and keeps serving. Requests carry valid
 * credentials so that bodies reach the handlers' own validation rather than stopping at the 401.
 */

let h: Harness;
let auth: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  h = await harness();
  const geoToken = await h.geoApiToken();
  const creds = SANDBOX_CREDENTIALS;
  auth = {
    [SANDBOX_PREFIXES.oneatlas.auth]: {},
    [SANDBOX_PREFIXES.geoapi.auth]: {},
    [SANDBOX_PREFIXES.oneatlas.order]: { authorization: `Bearer ${await h.oneAtlasToken()}` },
    [SANDBOX_PREFIXES.geoapi.order]: { authorization: geoToken, 'x-ads-username': b64(creds.geoapi.username) },
    [SANDBOX_PREFIXES.geoapi.search]: { authorization: `APIKEY ${creds.geoapi.searchApiKey}` },
    [SANDBOX_PREFIXES.origen.market]: { authorization: creds.origen.token },
  };
  const oa = auth[SANDBOX_PREFIXES.oneatlas.order] ?? {};
  auth[SANDBOX_PREFIXES.oneatlas.data] = oa;
  auth[SANDBOX_PREFIXES.oneatlas.search] = oa;
});
afterAll(() => h.sandbox.close());

const PARAMS: Record<string, string> = { contractId: 'CTR-SANDBOX-NEO', cisContractId: 'CTR-SANDBOX-NEO', productTypeId: 'PleiadesNeoArchiveMono', quotationId: 'QUO1' };
const routes = ALL_MOUNTS.flatMap((m) =>
  m.routes
    // Bodies are fuzzed: GET and HEAD requests carry none.
    .filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
    .map((r) => ({ prefix: m.prefix, method: r.method, path: r.pattern.replace(/:(\w+)/g, (_, k: string) => PARAMS[k] ?? 'x') })),
);
// Routes whose every request needs a specific, valid body: arbitrary input must be a 4xx. (A search
// with empty criteria is a valid search, so search routes only need to stay below 500.)
const STRICT = /\/(prices|orders|quotations|refuse|token)$/;

async function send(route: (typeof routes)[number], body: string | Uint8Array | undefined, contentType?: string) {
  const headers: Record<string, string> = { ...(auth[route.prefix] ?? {}), ...(contentType ? { 'content-type': contentType } : {}) };
  const res = await fetch(`${h.sandbox.origin}${route.prefix}${route.path}`, { method: route.method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

function checkReply(route: (typeof routes)[number], r: { status: number; type: string; text: string }) {
  expect(r.status, `${route.method} ${route.prefix}${route.path}`).toBeLessThan(500);
  expect(r.type).toContain('json');
  expect(() => JSON.parse(r.text) as unknown).not.toThrow();
  if (STRICT.test(route.path)) expect(r.status).toBeGreaterThanOrEqual(400);
}

const alive = async () => expect((await h.oa('GET', '/api/v1/contracts')).status).toBe(200);

describe('robustness', () => {
  it('mounts some order routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(8);
  });

  it('arbitrary JSON values (fc.json) never crash a route', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.json({ maxDepth: 4 }), async (route, body) => {
        checkReply(route, await send(route, body, 'application/json'));
      }),
      { numRuns: 200 },
    );
    await alive();
  }, 60_000);

  it('anything serialised, including order-shaped objects with wrong types, never crashes a route', async () => {
    const orderish = fc.record(
      { contractId: fc.anything(), aoi: fc.anything(), items: fc.anything(), optionsPerProductType: fc.anything(), primaryMarket: fc.anything(), paging: fc.anything(), criteria: fc.anything(), rejectionReasonId: fc.anything() },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(fc.anything(), orderish), async (route, value) => {
        const text = JSON.stringify(value) as string | undefined;
        checkReply(route, await send(route, text ?? '', 'application/json'));
      }),
      { numRuns: 200 },
    );
    await alive();
  }, 60_000);

  it('garbage bytes under any content type never crash a route', async () => {
    const types = fc.constantFrom(undefined, 'application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.uint8Array({ maxLength: 2048 }), types, async (route, bytes, type) => {
        const r = await send(route, bytes, type);
        expect(r.status).toBeLessThan(500);
        expect(r.type).toContain('json');
      }),
      { numRuns: 150 },
    );
    await alive();
  }, 60_000);

  it('refuses a body over the size limit with a JSON 413 and keeps serving', async () => {
    const r = await call(`${h.sandbox.baseUrls.oneatlas.order}/api/v1/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(9 * 1024 * 1024) });
    expect(r.status).toBe(413);
    await alive();
  });

  it('deeply nested JSON is refused, not a stack overflow', async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const route = routes.find((r) => r.path === '/api/v1/prices')!;
    checkReply(route, await send(route, deep, 'application/json'));
    await alive();
  });
});
