import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain/account';
import { evaluateOptions } from '../../../shared/domain/option-constraints';
import type { AttemptSet, TaskingDraft } from '../../../shared/domain/tasking';
import type { Channel, Request, Response } from '../../../shared/ipc/contract';
import type { HttpLogEntry } from '../../http';
import { launchDesk, type Launched } from '../../launch';
import { createKeychainVault } from '../../vault/keychain-vault';
import { taskingOrderValidator } from '../../testing/openapi-order-schema';

/**
 * One Tasking end to end through the IPC registry: the real back end (SQLite file, provider clients)
 * against the embedded sandbox over HTTP, then offline against what was stored. Sandbox accounts need
 * no keychain. Every tasking order body the sandbox received is checked against the OneAtlas OpenAPI.
 */

const LEGACY = 'CTR-SANDBOX-LEGACY';
const HOUR = 3_600_000;
const ring = (c: number[][]) => ({ type: 'Polygon' as const, coordinates: [c] });
// The One Tasking guide's AOIs: Toulouse ~132 km² (steps 6-7) and ~10 km² (steps 4-5).
const CITY = ring([[1.37638092041016, 43.5453131406237], [1.50959014892578, 43.5453131406237], [1.50959014892578, 43.6561983054132], [1.37638092041016, 43.6561983054132], [1.37638092041016, 43.5453131406237]]);
const SMALL = ring([[1.43165588378906, 43.5688249301655], [1.43165588378906, 43.6019000546094], [1.46701812744141, 43.6019000546094], [1.46701812744141, 43.5688249301655], [1.43165588378906, 43.5688249301655]]);
const circle = (n: number) => ring([...Array.from({ length: n }, (_, i) => [1.44 + 0.05 * Math.cos((2 * Math.PI * i) / n), 43.6 + 0.05 * Math.sin((2 * Math.PI * i) / n)]), [1.49, 43.6]]);

describe('One Tasking through the registry', () => {
  let dir: string;
  let app: Launched;
  const log: HttpLogEntry[] = [];
  const vault = createKeychainVault(`imagery-desk-tasking-${process.pid}`);
  const launch = (env: NodeJS.ProcessEnv) => launchDesk({ dataDir: dir, host: 'web', version: 'test', vault, provider: { log: (e) => log.push(e) } }, env);

  const call = async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
    const r = await app.desk.registry.dispatch(channel, request);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.value as Response<C>;
  };
  const failure = async <C extends Channel>(channel: C, request: Request<C>) => {
    const r = await app.desk.registry.dispatch(channel, request);
    if (r.ok) throw new Error(`${channel} succeeded`);
    return r.error;
  };
  const admin = (path: string, body?: unknown) =>
    fetch(`${app.sandbox!.origin}/__admin${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
  const sandboxNow = async () => Date.parse((await admin('/clock'))['now'] as string);
  const taskingRecords = async () => ((await admin('/orders'))['items'] as { kind: string; customerReference?: string; body: unknown }[]).filter((r) => r.kind === 'tasking');

  let accountId: string;
  const aois: Record<string, string> = {};
  let oneDay: AttemptSet;
  const ordered: Record<string, string> = {};

  const base = async (productTypeId: string, aoiId: string, customerReference: string): Promise<TaskingDraft> => {
    const catalogue = (await call('archive.catalogue', { accountId, contractId: LEGACY, productTypeId, aoiId })).value;
    const options = evaluateOptions(catalogue.options, {});
    expect(options.valid, JSON.stringify(options.errors)).toBe(true);
    const market = catalogue.primaryMarkets[0]!.value;
    return {
      accountId,
      contractId: LEGACY,
      productTypeId,
      aoiId,
      attemptId: null,
      feasibilityId: null,
      period: null,
      acquisitionMode: 'MONO',
      maxCloudCover: 25,
      maxIncidenceAngle: 30,
      notificationThreshold: null,
      options: options.choices,
      deliveryType: catalogue.deliveryTypes[0]!.value,
      primaryMarket: market,
      secondaryMarket: catalogue.secondaryMarkets[market]?.[0]?.value ?? null,
      country: 'FR',
      endUserName: 'Desk tester',
      notificationEmails: ['buyer@example.com'],
      comments: 'ordered by the tasking integration test',
      customerReference,
    };
  };
  const query = (productTypeId: string, aoiId: string, start: number, end: number | null) => ({
    accountId,
    contractId: LEGACY,
    productTypeId,
    aoiId,
    start: new Date(start).toISOString(),
    end: end === null ? null : new Date(end).toISOString(),
    acquisitionMode: 'MONO' as const,
    maxCloudCover: 25,
    maxIncidenceAngle: 30,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-tasking-'));
    app = await launch({});
    accountId = (await call('accounts.list', {})).find((a: Account) => a.provider === 'oneatlas')!.id;
    for (const [name, geometry] of Object.entries({ city: CITY, small: SMALL, jagged: circle(1200) })) aois[name] = (await call('aois.create', { name, geometry })).aoi.id;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the contract tasking offers with their programming type and minimum area', async () => {
    const offers = (await call('tasking.productTypes', { accountId, contractId: LEGACY })).value;
    expect(offers.find((o) => o.productTypeId === 'PleiadesTaskingOneDay')).toMatchObject({ mission: 'PLEIADES', progType: 'ONEDAY', minimumOrderAreaKm2: 100 });
    expect(offers.find((o) => o.productTypeId === 'SpotTaskingOnePlan')).toMatchObject({ mission: 'SPOT', progType: 'ONEPLAN' });
  });

  it('ONEDAY: attempts, choose one, price, order once, list and detail', async () => {
    const now = Date.now();
    oneDay = await call('tasking.attempts', query('PleiadesTaskingOneDay', aois['city']!, now + HOUR, null));
    expect(oneDay.available).toBe(true);
    expect(oneDay.attempts.length).toBeGreaterThan(4);
    for (const a of oneDay.attempts) {
      expect(a.segmentKey).toMatch(/^[0-9a-f]+::\[/);
      expect(a.footprint.type).toBe('Polygon');
      expect(Date.parse(a.orderDeadline)).toBeLessThan(Date.parse(a.acquisitionStart));
      expect(a.aoiCoverage).toBeGreaterThan(0.99);
    }
    const chosen = oneDay.attempts[0]!;
    const draft = { ...(await base('PleiadesTaskingOneDay', aois['city']!, 'desk-tk-oneday')), attemptId: chosen.id };
    const price = await call('tasking.price', draft);
    expect(price.lines[0]).toMatchObject({ productTypeId: 'PleiadesTaskingOneDay', areaKm2: 132 });
    expect(price.creditRemaining).toBeGreaterThan(0);
    expect((await failure('tasking.order', { draft: { ...draft, maxCloudCover: 20 }, priceId: price.id, confirmed: true })).code).toBe('STALE_PRICE');
    const { order, taskings } = await call('tasking.order', { draft, priceId: price.id, confirmed: true });
    expect(order).toMatchObject({ kind: 'tasking', customerReference: 'desk-tk-oneday', totalAmount: price.totalAmount });
    expect(order.events.map((e) => e.status)).toEqual(['submitting', 'IN_PROGRESS']);
    expect(taskings).toHaveLength(1);
    ordered['oneday'] = taskings[0]!.id;
    // The segment key went out exactly as received.
    const sent = (await taskingRecords()).find((r) => r.customerReference === 'desk-tk-oneday')!.body as { items: { segmentKey: string }[] };
    expect(sent.items[0]!.segmentKey).toBe(chosen.segmentKey);
    expect((await failure('tasking.order', { draft, priceId: price.id, confirmed: true })).code).toBe('DUPLICATE_REFERENCE');

    const list = await call('tasking.list', { accountId, contractId: LEGACY });
    expect(list.offline).toBe(false);
    expect(list.value.find((t) => t.id === ordered['oneday'])).toMatchObject({ customerReference: 'desk-tk-oneday', programmingType: 'OneDay', status: 'In Progress' });
    const detail = await call('tasking.detail', { accountId, contractId: LEGACY, taskingId: ordered['oneday']! });
    expect(detail.value.orderedAreaKm2).toBeGreaterThan(100);
    expect(detail.value.events[0]).toMatchObject({ status: 'In Progress', note: 'ordered' });
  });

  it('bad input is refused with a sentence, and nothing is sent', async () => {
    const now = Date.now();
    const day = 86_400_000;
    const expired = oneDay.attempts[2]!;
    const past = new Date(now - HOUR).toISOString();
    app.desk.db.prepare("UPDATE tasking_attempts SET order_deadline = ?, json = json_set(json, '$.orderDeadline', ?) WHERE id = ?").run(past, past, expired.id);
    const draft = { ...(await base('PleiadesTaskingOneDay', aois['city']!, 'desk-tk-bad')), attemptId: oneDay.attempts[1]!.id };
    log.length = 0;
    const cases: [Promise<{ code: string; message: string; details?: { field?: string } }>, string, RegExp][] = [
      [failure('tasking.attempts', query('PleiadesTaskingOneDay', aois['city']!, now - 10 * day, now - 5 * day)), 'end', /past/],
      [failure('tasking.attempts', query('PleiadesTaskingOneDay', aois['city']!, now + 5 * day, now + 2 * day)), 'end', /before it starts/],
      [failure('tasking.attempts', query('PleiadesTaskingOneDay', aois['jagged']!, now + HOUR, null)), 'aoiId', /1201 vertices.*at most 999/],
      [failure('tasking.attempts', query('PleiadesTaskingOneDay', aois['small']!, now + HOUR, null)), 'aoiId', /^The AOI is \d+(\.\d)? km², this product needs 100 km²: enlarge it/],
      [failure('tasking.feasibility', { ...query('SpotTaskingOnePlan', aois['small']!, now + HOUR, now + 30 * day), maxCloudCover: 120 }), 'maxCloudCover', /0 to 100/],
      [failure('tasking.price', { ...draft, primaryMarket: '' }), 'primaryMarket', /primary market/],
      [failure('tasking.price', { ...draft, notificationEmails: [] }), 'notificationEmails', /e-mail/],
      [failure('tasking.price', { ...draft, notificationEmails: ['not-an-address'] }), 'notificationEmails', /not an e-mail/],
      [failure('tasking.price', { ...draft, attemptId: expired.id }), 'attemptId', /deadline has passed/],
    ];
    for (const [pending, field, message] of cases) {
      const err = await pending;
      expect(err.details?.field, err.message).toBe(field);
      expect(err.message).toMatch(message);
    }
    expect((await failure('tasking.price', { ...draft, attemptId: expired.id })).code).toBe('SEGMENT_EXPIRED');
    expect(log).toEqual([]);
  });

  it('ONEPLAN: feasibility, price on the product minimum, order, then cancel before any acquisition', async () => {
    const start = (await sandboxNow()) + 2 * 86_400_000;
    const end = start + 30 * 86_400_000;
    const f = await call('tasking.feasibility', { ...query('SpotTaskingOnePlan', aois['small']!, start, end), maxCloudCover: 10, maxIncidenceAngle: 50 });
    expect(f).toMatchObject({ progType: 'ONEPLAN', available: true, automation: 'AUTOMATIC' });
    const draft: TaskingDraft = {
      ...(await base('SpotTaskingOnePlan', aois['small']!, 'desk-tk-oneplan')),
      feasibilityId: f.id,
      period: { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
      maxCloudCover: 10,
      maxIncidenceAngle: 50,
      notificationThreshold: 25,
    };
    const price = await call('tasking.price', draft);
    expect(price.lines[0]).toMatchObject({ productTypeId: 'SpotTaskingOnePlan', areaKm2: 500 });
    const { order, taskings } = await call('tasking.order', { draft, priceId: price.id, confirmed: true });
    expect(order.salesOrderId).toBeTruthy();
    expect(taskings[0]).toMatchObject({ programmingType: 'OnePlan', status: 'In Progress' });
    const canceled = await call('tasking.cancel', { accountId, contractId: LEGACY, taskingId: taskings[0]!.id, confirmed: true });
    expect(canceled.status).toBe('Canceled');
    expect(canceled.events.map((e) => e.status)).toEqual(['In Progress', 'Canceled']);
    expect(canceled.events[1]!.note).toBe('canceled by the user');
  });

  it('ONENOW: the package of attempts is ordered with its one segment key', async () => {
    const set = await call('tasking.attempts', query('PleiadesTaskingOneNow', aois['city']!, Date.now() + HOUR, null));
    expect(set.attempts.length).toBeGreaterThan(0);
    expect(new Set(set.attempts.map((a) => a.segmentKey)).size).toBe(1);
    const draft = { ...(await base('PleiadesTaskingOneNow', aois['city']!, 'desk-tk-onenow')), attemptId: set.attempts[0]!.id };
    const price = await call('tasking.price', draft);
    const { taskings } = await call('tasking.order', { draft, priceId: price.id, confirmed: true });
    expect(taskings[0]).toMatchObject({ programmingType: 'OneNow' });
  });

  it('a tasking order whose connection drops after the commit is reconciled by reference, never sent twice', async () => {
    const start = (await sandboxNow()) + 3 * 86_400_000;
    const f = await call('tasking.feasibility', { ...query('PleiadesTaskingOnePlan', aois['city']!, start, start + 20 * 86_400_000), maxCloudCover: 20, maxIncidenceAngle: 40 });
    const draft: TaskingDraft = {
      ...(await base('PleiadesTaskingOnePlan', aois['city']!, 'desk-tk-drop')),
      feasibilityId: f.id,
      period: { start: new Date(start).toISOString(), end: new Date(start + 20 * 86_400_000).toISOString() },
      maxCloudCover: 20,
      maxIncidenceAngle: 40,
    };
    const price = await call('tasking.price', draft);
    await admin('/faults', { dropAfterCommitNext: 1 });
    const { order, taskings } = await call('tasking.order', { draft, priceId: price.id, confirmed: true });
    expect(order.salesOrderId).toBeTruthy();
    expect(taskings).toHaveLength(1);
    expect((await taskingRecords()).filter((r) => r.customerReference === 'desk-tk-drop')).toHaveLength(1);
  });

  it('every tasking order body sent satisfies the OpenAPI "Tasking SPOT & Pleiades" schema', async () => {
    const validate = taskingOrderValidator();
    const sent = (await taskingRecords()).filter((r) => r.customerReference?.startsWith('desk-tk-'));
    expect(sent.map((r) => r.customerReference).sort()).toEqual(['desk-tk-drop', 'desk-tk-oneday', 'desk-tk-onenow', 'desk-tk-oneplan']);
    for (const r of sent) expect(validate(r.body), r.customerReference).toEqual([]);
  });

  it('after acquisitions, Proposed segments are accepted or refused (reason kept) and each change is dated', async () => {
    const second = oneDay.attempts[1]!;
    const draft = { ...(await base('PleiadesTaskingOneDay', aois['city']!, 'desk-tk-oneday-2')), attemptId: second.id };
    const price = await call('tasking.price', draft);
    ordered['oneday2'] = (await call('tasking.order', { draft, priceId: price.id, confirmed: true })).taskings[0]!.id;
    // Acquired, downlinked and processed (the sandbox needs 3 h after the acquisition).
    const hours = Math.ceil((Date.parse(second.acquisitionEnd) - (await sandboxNow())) / HOUR) + 4;
    await admin('/clock/advance', { hours });
    await call('tasking.refresh', { accountId, contractId: LEGACY });

    const [a, b] = [ordered['oneday']!, ordered['oneday2']!];
    const segA = (await call('tasking.segments', { accountId, contractId: LEGACY, taskingId: a })).value;
    const segB = (await call('tasking.segments', { accountId, contractId: LEGACY, taskingId: b })).value;
    expect(segA[0]).toMatchObject({ status: 'Proposed', taskingId: a });
    expect(segA[0]!.footprint?.type).toBe('Polygon');
    expect(segB[0]?.status).toBe('Proposed');

    const accepted = await call('tasking.acceptSegment', { accountId, contractId: LEGACY, taskingId: a, segmentId: segA[0]!.id });
    expect(accepted.status).toBe('Validated');
    expect(accepted.events.map((e) => e.status)).toEqual(['Proposed', 'Validated']);
    const refused = await call('tasking.refuseSegment', { accountId, contractId: LEGACY, taskingId: b, segmentId: segB[0]!.id, reason: 'Haze over the city centre' });
    expect(refused).toMatchObject({ status: 'Refused', refusalReason: 'Haze over the city centre' });
    expect(refused.events.at(-1)?.note).toMatch(/Haze/);
    expect((await failure('tasking.acceptSegment', { accountId, contractId: LEGACY, taskingId: b, segmentId: segB[0]!.id })).code).toBe('PROVIDER_ERROR');

    const done = await call('tasking.detail', { accountId, contractId: LEGACY, taskingId: a });
    expect(done.value.status).toBe('Completed');
    expect(done.value.events.map((e) => e.status)).toEqual(['In Progress', 'Completed']);
    expect(done.value.events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('offline (DESK_SANDBOX=off): stored taskings and segments are listed with offline: true', async () => {
    await app.close();
    app = await launch({ DESK_SANDBOX: 'off' });
    const list = await call('tasking.list', { accountId, contractId: LEGACY });
    expect(list.offline).toBe(true);
    expect(list.value.map((t) => t.customerReference)).toEqual(expect.arrayContaining(['desk-tk-oneday', 'desk-tk-oneplan', 'desk-tk-onenow', 'desk-tk-drop']));
    const segments = await call('tasking.segments', { accountId, contractId: LEGACY, taskingId: ordered['oneday']! });
    expect(segments.offline).toBe(true);
    expect(segments.value[0]?.status).toBe('Validated');
    expect((await call('tasking.detail', { accountId, contractId: LEGACY, taskingId: ordered['oneday2']! })).offline).toBe(true);
    expect((await failure('tasking.refresh', { accountId, contractId: LEGACY })).code).toBe('PROVIDER_UNREACHABLE');
  });
});
