import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateOptions } from '../../shared/domain/option-constraints';
import { startSandbox, type SandboxServer } from '../../sandbox/server';
import { TokenCache, type HttpLogEntry } from '../http';
import { createArchiveProvider } from './index';
import { acceptedOrders, admin, geoApiAccount, oneAtlasAccount, query, TOULOUSE } from './testkit';
import type { ArchiveOrderRequest, ArchiveProvider, WaitNotice } from './types';

/**
 * The sandbox's fault switches against the real clients: rate limiting with Retry-After, 503 with
 * backoff, tokens expiring early, and an order committed whose reply never comes back.
 */

let sb: SandboxServer;
beforeAll(async () => {
  sb = await startSandbox({ seed: 3 });
});
afterAll(() => sb.close());
beforeEach(async () => {
  await admin(sb.origin, 'POST', '/reset', { seed: 3 });
});

function oneAtlas(extra: { sleep?: (ms: number) => Promise<void>; log?: (e: HttpLogEntry) => void } = {}): ArchiveProvider {
  return createArchiveProvider('oneatlas', oneAtlasAccount(sb.baseUrls), { tokenCache: new TokenCache(), ...extra });
}

async function legacyOrder(p: ArchiveProvider, ref: string): Promise<ArchiveOrderRequest> {
  const scene = (await p.search(query({ constellations: ['PHR'] }))).value.scenes[0]!;
  const { value } = await p.catalogue('CTR-SANDBOX-LEGACY', 'PleiadesArchiveMono', TOULOUSE);
  // As the app does before confirming (credit shown): it also tells the client each contract's backend.
  await p.contracts();
  return {
    contractId: 'CTR-SANDBOX-LEGACY',
    productTypeId: 'PleiadesArchiveMono',
    aoi: TOULOUSE,
    scenes: [{ id: scene.id, sourceId: scene.sourceId }],
    options: evaluateOptions(value.options, {}).choices,
    deliveryType: 'network',
    workspace: null,
    primaryMarket: 'AGRI',
    secondaryMarket: null,
    country: 'FR',
    customerReference: ref,
    notificationEmails: ['orders@example.com'],
  };
}

describe('rate limiting and unavailability', () => {
  it('waits out a 429 for its Retry-After (real sleep), reports the wait, then succeeds', async () => {
    const oa = oneAtlas();
    await oa.testConnection();
    await admin(sb.origin, 'POST', '/faults', { rateLimitNext: 1, retryAfterSeconds: 1 });
    const waits: WaitNotice[] = [];
    const started = Date.now();
    const { value } = await oa.productTypes('CTR-SANDBOX-LEGACY', { onWait: (n) => waits.push(n) });
    expect(waits).toEqual([{ reason: 'rate-limited', seconds: 1, attempt: 1 }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(value.map((p) => p.productTypeId)).toContain('PleiadesArchiveMono');
  });

  it('backs off on 503s and succeeds on the third attempt', async () => {
    const slept: number[] = [];
    const oa = oneAtlas({ sleep: async (ms) => void slept.push(ms) });
    await oa.testConnection();
    await admin(sb.origin, 'POST', '/faults', { unavailableNext: 2 });
    const waits: WaitNotice[] = [];
    const { value } = await oa.search(query(), { onWait: (n) => waits.push(n) });
    expect(value.scenes.length).toBeGreaterThan(0);
    expect(waits.map((w) => [w.reason, w.attempt])).toEqual([['unavailable', 1], ['unavailable', 2]]);
    expect(slept[0]).toBeGreaterThanOrEqual(500);
    expect(slept[0]).toBeLessThanOrEqual(1000);
    expect(slept[1]).toBeGreaterThanOrEqual(1000);
    expect(slept[1]).toBeLessThanOrEqual(2000);
  });

  it('gives up after three retries with PROVIDER_RATE_LIMITED', async () => {
    const oa = oneAtlas({ sleep: async () => undefined });
    await oa.testConnection();
    await admin(sb.origin, 'POST', '/faults', { rateLimitNext: 4, retryAfterSeconds: 1 });
    await expect(oa.productTypes('CTR-SANDBOX-LEGACY')).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMITED', details: { retryAfterSeconds: 1 } });
  });

  it('never retries an order on 503: ambiguous, and nothing was ordered', async () => {
    const slept: number[] = [];
    const oa = oneAtlas({ sleep: async (ms) => void slept.push(ms) });
    const req = await legacyOrder(oa, 'fault-503');
    await admin(sb.origin, 'POST', '/faults', { unavailableNext: 1 });
    await expect(oa.order(req)).rejects.toMatchObject({ code: 'ORDER_AMBIGUOUS', ambiguous: true, details: { status: 503 } });
    expect(slept).toEqual([]);
    expect(await oa.ordersByReference('fault-503')).toEqual([]);
    expect((await acceptedOrders(sb.origin)).filter((r) => r.customerReference === 'fault-503')).toHaveLength(0);
  });
});

describe('expired tokens', () => {
  it('refreshes once, transparently, when the provider says the token expired', async () => {
    const log: HttpLogEntry[] = [];
    const oa = oneAtlas({ log: (e) => log.push(e) });
    await oa.productTypes('CTR-SANDBOX-LEGACY');
    await admin(sb.origin, 'POST', '/clock/advance', { seconds: 3601 });
    const { value } = await oa.productTypes('CTR-SANDBOX-LEGACY');
    expect(value.length).toBeGreaterThan(0);
    const tokenCalls = log.filter((e) => e.url.endsWith('/openid-connect/token'));
    expect(tokenCalls.map((e) => e.status)).toEqual([200, 200]);
    expect(log.filter((e) => e.url.endsWith('/productTypes')).map((e) => e.status)).toEqual([200, 401, 200]);
  });

  it('renews a token the sandbox issued with a short lifetime, and never logs a secret', async () => {
    await admin(sb.origin, 'POST', '/token-lifetime', { seconds: 60 });
    const log: HttpLogEntry[] = [];
    const oa = oneAtlas({ log: (e) => log.push(e) });
    await oa.contracts();
    await admin(sb.origin, 'POST', '/clock/advance', { seconds: 61 });
    await expect(oa.contracts()).resolves.toMatchObject({ value: expect.arrayContaining([expect.objectContaining({ contractId: 'CTR-SANDBOX-NEO' })]) });
    expect(JSON.stringify(log)).not.toContain('sandbox-oneatlas-key');
  });
});

describe('an order committed, then the connection dropped', () => {
  it('OneAtlas: ORDER_AMBIGUOUS, found again by customer reference, exactly one order placed', async () => {
    const oa = oneAtlas();
    const req = await legacyOrder(oa, 'drop-oa-1');
    await admin(sb.origin, 'POST', '/faults', { dropAfterCommitNext: 1 });
    const err = await oa.order(req).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ORDER_AMBIGUOUS', message: expect.stringContaining('may have been placed') });
    const found = await oa.ordersByReference('drop-oa-1');
    expect(found).toEqual([expect.objectContaining({ customerReference: 'drop-oa-1', salesOrderId: expect.stringMatching(/^SAL/), status: 'IN_PROGRESS' })]);
    const placed = (await acceptedOrders(sb.origin)).filter((r) => r.customerReference === 'drop-oa-1');
    expect(placed).toHaveLength(1);
    expect(placed[0]?.id).toBe(found[0]?.salesOrderId);
  });

  it('OneAtlas quotation accept: ORDER_AMBIGUOUS, and the order search shows it accepted', async () => {
    const oa = oneAtlas();
    const scene = (await oa.search(query({ constellations: ['PNEO'] }))).value.scenes[0]!;
    const { value } = await oa.catalogue('CTR-SANDBOX-NEO', 'PleiadesNeoArchiveMono', TOULOUSE);
    const req = { ...(await legacyOrder(oa, 'drop-oa-quote')), contractId: 'CTR-SANDBOX-NEO', productTypeId: 'PleiadesNeoArchiveMono', scenes: [{ id: scene.id, sourceId: scene.sourceId }], options: evaluateOptions(value.options, {}).choices };
    const quote = (await oa.quotations!.request(req)).value;
    await admin(sb.origin, 'POST', '/faults', { dropAfterCommitNext: 1 });
    await expect(oa.quotations!.accept('CTR-SANDBOX-NEO', quote.quotationId)).rejects.toMatchObject({ code: 'ORDER_AMBIGUOUS' });
    expect(await oa.ordersByReference('drop-oa-quote')).toEqual([expect.objectContaining({ quotationId: quote.quotationId, salesOrderId: expect.stringMatching(/^SAL/), status: 'IN_PROGRESS' })]);
  });

  it('GeoAPI: ORDER_AMBIGUOUS, exactly one order placed, and no lookup to pretend otherwise', async () => {
    const geo = createArchiveProvider('geoapi', geoApiAccount(sb.baseUrls), { tokenCache: new TokenCache() });
    const scene = (await geo.search(query({ constellations: ['PHR'] }))).value.scenes[0]!;
    const { value } = await geo.catalogue('SANDBOX-GEOAPI', 'PleiadesArchiveMono', TOULOUSE);
    const req: ArchiveOrderRequest = { ...(await legacyOrder(oneAtlas(), 'drop-geo-1')), contractId: 'SANDBOX-GEOAPI', scenes: [{ id: scene.id, sourceId: scene.sourceId }], options: evaluateOptions(value.options, {}).choices, country: null };
    await admin(sb.origin, 'POST', '/faults', { dropAfterCommitNext: 1 });
    await expect(geo.order(req)).rejects.toMatchObject({ code: 'ORDER_AMBIGUOUS' });
    expect((await acceptedOrders(sb.origin)).filter((r) => r.customerReference === 'drop-geo-1')).toHaveLength(1);
    await expect(geo.ordersByReference('drop-geo-1')).rejects.toMatchObject({ code: 'ORDER_LOOKUP_UNSUPPORTED' });
  });
});
