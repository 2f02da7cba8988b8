import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, harness, type Harness } from './accounts/testkit';
import { legacyOrder } from './ordering/guideExamples';

/** Admin controls (reset, seed, clock, faults) and the "commit then drop" reconciliation story. */

let h: Harness;
beforeAll(async () => {
  h = await harness({ seed: 3 });
});
beforeEach(async () => {
  await h.admin('POST', '/reset');
});
afterAll(() => h.sandbox.close());

type Json = Record<string, unknown>;
const orders = async () => (await h.admin<{ items: Json[] }>('GET', '/orders')).body.items;
const credit = async () => (await h.oa<{ contracts: Json[] }>('GET', '/api/v1/contracts')).body.contracts.find((c) => c['contractId'] === 'CTR-SANDBOX-LEGACY')?.['creditRemaining'];

describe('admin', () => {
  it('reset forgets orders, restores credit and revokes tokens', async () => {
    const token = await h.oneAtlasToken();
    const before = await credit();
    await h.oa('POST', '/api/v1/orders', legacyOrder('to-forget'));
    expect(await orders()).toHaveLength(1);
    expect(await credit()).not.toBe(before);
    expect((await h.admin('POST', '/reset')).status).toBe(200);
    expect(await orders()).toEqual([]);
    expect(await credit()).toBe(before);
    expect((await h.oa('GET', '/api/v1/contracts', undefined, token)).status).toBe(401);
  });
  it('seed makes ids deterministic: the same seed gives the same sales order ids', async () => {
    const run = async (seed: number) => {
      await h.admin('POST', '/seed', { seed });
      return (await h.oa('POST', '/api/v1/orders', legacyOrder('seeded'))).body['salesOrderId'];
    };
    const a = await run(5);
    expect(await run(5)).toBe(a);
    expect(await run(6)).not.toBe(a);
    expect((await h.admin('POST', '/seed', { seed: -1 })).status).toBe(400);
  });
  it('is loopback-only and validates its inputs', async () => {
    expect((await h.admin('POST', '/clock/advance', { days: -1 })).status).toBe(400);
    expect((await h.admin('POST', '/faults', { explode: 1 })).status).toBe(400);
    expect((await h.admin('GET', '/clock')).body['now']).toEqual(expect.any(String));
  });
});

describe('faults', () => {
  it('429 with Retry-After, for the next N provider requests only', async () => {
    expect((await h.oa('GET', '/api/v1/contracts')).status).toBe(200);
    await h.admin('POST', '/faults', { rateLimitNext: 2, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) {
      const r = await h.oa('GET', '/api/v1/contracts');
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('7');
      expect(r.headers.get('content-type')).toContain('json');
    }
    expect((await h.oa('GET', '/api/v1/contracts')).status).toBe(200);
  });
  it('503 for the next provider request', async () => {
    expect((await h.geo('GET', '/api/v1/me/contracts')).status).toBe(200); // holds a live token first
    await h.admin('POST', '/faults', { unavailableNext: 1 });
    expect((await h.geo('GET', '/api/v1/me/contracts')).status).toBe(503);
    expect((await h.geo('GET', '/api/v1/me/contracts')).status).toBe(200);
  });
  it('adds latency', async () => {
    await h.admin('POST', '/faults', { latencyMs: 120 });
    const started = Date.now();
    await call(`${h.sandbox.baseUrls.oneatlas.order}/api/v1/contracts`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    await h.admin('POST', '/faults', { latencyMs: 0 });
  });
  it('drop-after-commit: the connection drops, the order exists and is found by customerReference', async () => {
    const token = await h.oneAtlasToken();
    await h.admin('POST', '/faults', { dropAfterCommitNext: 1 });
    const url = `${h.sandbox.baseUrls.oneatlas.order}/api/v1/orders`;
    const body = JSON.stringify(legacyOrder('desk-ambiguous-1'));
    await expect(fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body })).rejects.toThrow();
    const committed = await orders();
    expect(committed).toHaveLength(1);
    expect(committed[0]).toMatchObject({ customerReference: 'desk-ambiguous-1', body: JSON.parse(body) });
    const found = await h.oa<{ features: Json[] }>('POST', '/api/v2/orders/search', { paging: { itemsPerPage: 5 }, criteria: { q: '(customerReference:desk-ambiguous-1)' } });
    expect(found.body.features[0]?.['salesOrderId']).toBe(committed[0]?.['id']);
    // The fault was used up: the next order answers normally.
    expect((await h.oa('POST', '/api/v1/orders', legacyOrder('desk-next'))).status).toBe(201);
  });
  it('drop-after-commit does not fire on refused orders', async () => {
    await h.admin('POST', '/faults', { dropAfterCommitNext: 1 });
    expect((await h.oa('POST', '/api/v1/orders', legacyOrder('x', { primaryMarket: 'NOPE' }))).status).toBe(400);
    expect((await h.admin<Json>('GET', '/faults')).body['dropAfterCommitNext']).toBe(1);
  });
});
