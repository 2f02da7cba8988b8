import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain/account';
import type { ProgrammingDraft } from '../../../shared/domain/programming';
import { parseWkt } from '../../../shared/geo/wkt';
import type { Channel, Request, Response } from '../../../shared/ipc/contract';
import { launchDesk, type Launched } from '../../launch';
import { createKeychainVault } from '../../vault/keychain-vault';

/**
 * Origen programming orders end to end through the IPC registry: the real back end (SQLite file, the
 * Origen client) against the embedded sandbox over HTTP, then offline against what was stored. Every
 * body the sandbox received is checked field by field against the guide's request table.
 */

const DAY = 86_400_000;
const ring = (c: number[][]) => ({ type: 'Polygon' as const, coordinates: [c] });
const BEIJING = ring([[116.3, 39.9], [116.5, 39.9], [116.5, 40.0], [116.3, 40.0], [116.3, 39.9]]);
// Beyond 82°N: the sandbox answers the guide's own "Satellite not available" (code 400).
const SVALBARD = ring([[10, 85], [20, 85], [20, 86], [10, 86], [10, 85]]);
const ISLANDS = { type: 'MultiPolygon' as const, coordinates: [[[[116.3, 39.9], [116.4, 39.9], [116.4, 40.0], [116.3, 39.9]]], [[[117, 39], [117.1, 39], [117.1, 39.1], [117, 39]]]] };
const DONUT = { type: 'Polygon' as const, coordinates: [[[116, 39], [117, 39], [117, 40], [116, 40], [116, 39]], [[116.4, 39.4], [116.4, 39.6], [116.6, 39.6], [116.6, 39.4], [116.4, 39.4]]] };
/** The guide's `yyyy-MM-ddTHH:mm:ss` form of an instant, in UTC. */
const origen = (ms: number) => new Date(ms).toISOString().slice(0, 19);

interface Received {
  kind: string;
  id: string;
  body: Record<string, unknown>;
}

describe('Origen programming orders through the registry', () => {
  let dir: string;
  let app: Launched;
  const vault = createKeychainVault(`imagery-desk-programming-${process.pid}`);
  const launch = (env: NodeJS.ProcessEnv) => launchDesk({ dataDir: dir, host: 'web', version: 'test', vault }, env);

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
  const received = async () => ((await admin('/orders'))['items'] as Received[]).filter((r) => r.kind === 'programming');

  let accountId: string;
  const aois: Record<string, string> = {};
  const start = Date.now() + DAY;
  const draft = (over: Partial<ProgrammingDraft> = {}): ProgrammingDraft => ({
    accountId,
    aoiId: aois['beijing']!,
    provider: 'changguang',
    resolutionType: 1,
    start: new Date(start).toISOString(),
    end: new Date(start + 28 * DAY).toISOString(),
    recurrence: { every: 2, unit: 'week' },
    maxCloud: 20,
    ...over,
  });
  const create = (d: ProgrammingDraft) => call('programming.create', { draft: d, confirmed: true });
  const createFails = (d: ProgrammingDraft) => failure('programming.create', { draft: d, confirmed: true });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-programming-'));
    app = await launch({});
    accountId = (await call('accounts.list', {})).find((a: Account) => a.provider === 'origen')!.id;
    for (const [name, geometry] of Object.entries({ beijing: BEIJING, svalbard: SVALBARD, islands: ISLANDS, donut: DONUT })) aois[name] = (await call('aois.create', { name, geometry })).aoi.id;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('optical (changguang): one recurring order, the body field by field as the guide’s table says', async () => {
    const before = (await received()).length;
    const order = await create(draft());
    expect(order).toMatchObject({ provider: 'changguang', resolutionType: 1, status: 'pending', orderNumber: expect.stringMatching(/^PROG_ORDER_\d{12}$/), recurrence: { every: 2, unit: 'week' } });
    expect(order.events.map((e) => e.status)).toEqual(['submitting', 'pending']);
    ids['optical'] = order.id;
    const got = await received();
    expect(got).toHaveLength(before + 1);
    const record = got.at(-1)!;
    expect(record.id).toBe(order.orderNumber);
    const body = record.body;
    // The guide's table, in its order: every field typed as it says, nothing else sent.
    expect(Object.keys(body)).toEqual(['provider', 'geometry', 'startDate', 'endDate', 'recurring', 'recurringDay', 'recurringUnit', 'maxCloud', 'resolutionType']);
    expect(body['provider']).toBe('changguang');
    expect(typeof body['geometry']).toBe('string');
    expect(body['geometry']).toMatch(/^POLYGON \(\(/);
    expect(parseWkt(body['geometry'] as string)).toEqual(BEIJING);
    expect(body['startDate']).toBe(origen(start));
    expect(body['startDate']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(body['endDate']).toBe(origen(start + 28 * DAY));
    expect(body['recurring']).toBe(true);
    expect(body['recurringDay']).toBe(2);
    expect(body['recurringUnit']).toBe(2);
    expect(body['maxCloud']).toBe(20);
    expect(body['resolutionType']).toBe(1);
    expect(order.sent).toEqual(body);
  });

  it('SAR (tianyi): no cloud cover, no recurrence fields, a SAR resolution', async () => {
    const order = await create(draft({ provider: 'tianyi', resolutionType: 5, recurrence: null, maxCloud: null }));
    expect(order).toMatchObject({ provider: 'tianyi', resolutionType: 5, status: 'pending', maxCloud: null, recurrence: null });
    ids['sar'] = order.id;
    const body = (await received()).at(-1)!.body;
    expect(body).toEqual({ provider: 'tianyi', geometry: expect.stringMatching(/^POLYGON/), startDate: origen(start), endDate: origen(start + 28 * DAY), recurring: false, resolutionType: 5 });
  });

  it('refuses bad input with a sentence beside its field, and sends and stores nothing', async () => {
    const sent = (await received()).length;
    const stored = (await call('programming.list', { accountId })).value.orders.length;
    const cases: [Partial<ProgrammingDraft>, string, RegExp][] = [
      [{ resolutionType: 4 }, 'resolutionType', /SAR mode of Spacety/],
      [{ provider: 'tianyi', resolutionType: 2, maxCloud: null }, 'resolutionType', /optical mode of Chang Guang/],
      [{ start: new Date(Date.now() - DAY).toISOString() }, 'start', /past/],
      [{ end: new Date(start - DAY).toISOString() }, 'end', /before it starts/],
      [{ recurrence: { every: 2, unit: null } }, 'recurrence.unit', /unit/],
      [{ recurrence: { every: null, unit: 'day' } }, 'recurrence.every', /every how many days/],
      [{ maxCloud: 101 }, 'maxCloud', /0 to 100/],
      [{ provider: 'tianyi', resolutionType: 6, maxCloud: 10 }, 'maxCloud', /irrelevant for SAR/],
      [{ aoiId: aois['islands']! }, 'aoiId', /2 separate parts.*vertex table/],
      [{ aoiId: aois['donut']! }, 'aoiId', /a hole.*vertex table/],
    ];
    for (const [over, field, message] of cases) {
      const err = await createFails(draft(over));
      expect(err, field).toMatchObject({ code: 'INVALID_REQUEST', details: { field } });
      expect(err.message).toMatch(message);
    }
    expect((await received()).length).toBe(sent);
    expect((await call('programming.list', { accountId })).value.orders.length).toBe(stored);
  });

  it('shows the provider’s own message when its envelope says 400 (HTTP 200), and keeps the refusal', async () => {
    const err = await createFails(draft({ aoiId: aois['svalbard']! }));
    expect(err.code).toBe('PROVIDER_ERROR');
    expect(err.message).toMatch(/^Satellite not available/);
    expect(err.details).toMatchObject({ status: 200, providerCode: '400' });
    const refused = (await call('programming.list', { accountId })).value.orders[0]!;
    expect(refused).toMatchObject({ status: 'refused', orderNumber: null, message: err.message });
  });

  it('a wrong token (401) says so and points at the account', async () => {
    const sandboxAccount = (await call('accounts.list', {})).find((a: Account) => a.id === accountId)!;
    const wrong = await call('accounts.create', { account: { provider: 'origen', label: 'Origen (wrong token)', endpoints: sandboxAccount.endpoints, identity: {} }, secrets: { token: 'not-the-token' } });
    try {
      const err = await createFails({ ...draft(), accountId: wrong.id });
      expect(err.code).toBe('PROVIDER_AUTH');
      expect(err.message).toMatch(/wrong or has expired.*Open the account/);
      expect((await failure('programming.refresh', { accountId: wrong.id })).code).toBe('PROVIDER_AUTH');
    } finally {
      await call('accounts.remove', { id: wrong.id });
    }
  });

  it('the other geometry form (GeoJSON string, the guide’s example) is an account setting', async () => {
    const sandboxAccount = (await call('accounts.list', {})).find((a: Account) => a.id === accountId)!;
    const geojson = await call('accounts.create', { account: { provider: 'origen', label: 'Origen GeoJSON', endpoints: sandboxAccount.endpoints, identity: { geometryForm: 'geojson' } }, secrets: { token: 'sandbox-origen-token' } });
    try {
      await create({ ...draft(), accountId: geojson.id });
      const body = (await received()).at(-1)!.body;
      expect(JSON.parse(body['geometry'] as string)).toEqual(BEIJING);
    } finally {
      await call('accounts.remove', { id: geojson.id });
    }
  });

  it('a 5xx while creating leaves the order unconfirmed, never resent', async () => {
    const before = (await received()).length;
    await admin('/faults', { unavailableNext: 1 });
    const err = await createFails(draft({ resolutionType: 2 }));
    expect(err.code).toBe('ORDER_UNCONFIRMED');
    expect(err.message).toMatch(/will not send it again/);
    expect((await received()).length).toBe(before);
    expect((await call('programming.list', { accountId })).value.orders[0]).toMatchObject({ status: 'unconfirmed', orderNumber: null });
  });

  it('commit-then-drop: exactly one order reaches the service, the local one is unconfirmed, and refresh finds it', async () => {
    const before = (await received()).length;
    await admin('/faults', { dropAfterCommitNext: 1 });
    const err = await createFails(draft({ resolutionType: 3, maxCloud: 35 }));
    expect(err.code).toBe('ORDER_UNCONFIRMED');
    expect(err.message).toMatch(/sent at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC.*may or may not have been created.*will not send it again/);
    const orderId = (err.details as { orderId: string }).orderId;
    const got = await received();
    expect(got).toHaveLength(before + 1);
    const local = (await call('programming.detail', { accountId, orderId })).value;
    expect(local).toMatchObject({ status: 'unconfirmed', orderNumber: null, message: err.message });
    expect(local.events.map((e) => e.status)).toEqual(['submitting', 'unconfirmed']);
    // The list extension shows an order carrying exactly what was sent: it is that one.
    const refreshed = await call('programming.refresh', { accountId });
    expect(refreshed.tracked).toBe(true);
    const found = refreshed.orders.find((o) => o.id === orderId)!;
    expect(found).toMatchObject({ orderNumber: got.at(-1)!.id, status: 'pending', message: null });
    expect((await received()).length).toBe(before + 1);
  });

  it('refresh records each status change with its date as the sandbox clock moves', async () => {
    await admin('/clock/advance', { hours: 2 });
    const first = await call('programming.refresh', { accountId });
    const optical = first.orders.find((o) => o.id === ids['optical'])!;
    expect(optical).toMatchObject({ status: 'acquisition_analysis', statusName: 'Acquisition analysis' });
    expect(optical.events.map((e) => e.status)).toEqual(['submitting', 'pending', 'acquisition_analysis']);
    expect(Date.parse(optical.events[2]!.at)).toBeGreaterThan(Date.parse(optical.events[1]!.at));
    // A second refresh with nothing new records nothing.
    expect((await call('programming.refresh', { accountId })).orders.find((o) => o.id === ids['optical'])!.events).toHaveLength(3);

    await admin('/clock/advance', { days: 70 });
    const later = await call('programming.list', { accountId });
    expect(later.offline).toBe(false);
    for (const id of [ids['optical']!, ids['sar']!]) {
      const o = later.value.orders.find((x) => x.id === id)!;
      expect(['delivered', 'failed']).toContain(o.status);
      const path = o.events.map((e) => e.status);
      expect(path.slice(0, 3)).toEqual(['submitting', 'pending', 'acquisition_analysis']);
      expect(path.at(-1)).toBe(o.status);
      if (o.status === 'failed') expect(o.message).toEqual(expect.any(String));
    }
    const detail = await call('programming.detail', { accountId, orderId: ids['sar']! });
    expect(detail.offline).toBe(false);
  });

  it('a field the service refuses is named beside the draft field (its clock is now ahead of ours)', async () => {
    const err = await createFails(draft());
    expect(err).toMatchObject({ code: 'PROVIDER_ERROR', details: { field: 'start', providerField: 'startDate' } });
    expect(err.message).toMatch(/^startDate must not be in the past/);
  });

  it('offline (DESK_SANDBOX=off): stored orders and details are read with offline: true', async () => {
    const online = (await call('programming.list', { accountId })).value.orders;
    await app.close();
    app = await launch({ DESK_SANDBOX: 'off' });
    const list = await call('programming.list', { accountId });
    expect(list.offline).toBe(true);
    expect(list.value.orders).toEqual(online);
    const detail = await call('programming.detail', { accountId, orderId: ids['optical']! });
    expect(detail).toMatchObject({ offline: true, value: { id: ids['optical'], aoi: { name: 'beijing', geometry: BEIJING } } });
  });
});
