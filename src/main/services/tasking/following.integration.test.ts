import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain/account';
import { evaluateOptions } from '../../../shared/domain/option-constraints';
import type { TaskingDraft } from '../../../shared/domain/tasking';
import type { Channel, Request, Response } from '../../../shared/ipc/contract';
import { launchDesk, type Launched } from '../../launch';
import { createKeychainVault } from '../../vault/keychain-vault';

/**
 * Following a tasking over simulated time: the coverage history behind the Taskings view's burn-up
 * chart. The real back end (SQLite file, provider clients) against the embedded sandbox over HTTP, the
 * sandbox clock advanced between refreshes, then offline against what was stored.
 */

const LEGACY = 'CTR-SANDBOX-LEGACY';
const DAY = 86_400_000;
// The One Tasking guide's Toulouse AOI (~132 km²).
const CITY = {
  type: 'Polygon' as const,
  coordinates: [[[1.37638092041016, 43.5453131406237], [1.50959014892578, 43.5453131406237], [1.50959014892578, 43.6561983054132], [1.37638092041016, 43.6561983054132], [1.37638092041016, 43.5453131406237]]],
};

describe('following a tasking: coverage over time', () => {
  let dir: string;
  let app: Launched;
  const vault = createKeychainVault(`imagery-desk-following-${process.pid}`);
  const launch = (env: NodeJS.ProcessEnv) => launchDesk({ dataDir: dir, host: 'web', version: 'test', vault }, env);
  const call = async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
    const r = await app.desk.registry.dispatch(channel, request);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.value as Response<C>;
  };
  const admin = (path: string, body?: unknown) =>
    fetch(`${app.sandbox!.origin}/__admin${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );

  let accountId: string;
  let aoiId: string;
  let taskingId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-following-'));
    app = await launch({});
    accountId = (await call('accounts.list', {})).find((a: Account) => a.provider === 'oneatlas')!.id;
    aoiId = (await call('aois.create', { name: 'city', geometry: CITY })).aoi.id;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('orders a OneSeries tasking whose history starts at 0 % validated', async () => {
    const productTypeId = 'PleiadesTaskingOneSeries';
    const start = Date.parse((await admin('/clock'))['now'] as string) + DAY;
    const end = start + 12 * DAY;
    const q = { accountId, contractId: LEGACY, productTypeId, aoiId, start: new Date(start).toISOString(), end: new Date(end).toISOString(), acquisitionMode: 'MONO' as const, maxCloudCover: 60, maxIncidenceAngle: 45 };
    const f = await call('tasking.feasibility', q);
    expect(f.available).toBe(true);
    const catalogue = (await call('archive.catalogue', { accountId, contractId: LEGACY, productTypeId, aoiId })).value;
    const options = evaluateOptions(catalogue.options, {});
    const market = catalogue.primaryMarkets[0]!.value;
    const draft: TaskingDraft = {
      accountId,
      contractId: LEGACY,
      productTypeId,
      aoiId,
      attemptId: null,
      feasibilityId: f.id,
      period: { start: q.start, end: q.end },
      acquisitionMode: 'MONO',
      maxCloudCover: 60,
      maxIncidenceAngle: 45,
      notificationThreshold: 80,
      options: options.choices,
      deliveryType: catalogue.deliveryTypes[0]!.value,
      primaryMarket: market,
      secondaryMarket: catalogue.secondaryMarkets[market]?.[0]?.value ?? null,
      country: 'FR',
      endUserName: 'Desk tester',
      notificationEmails: ['buyer@example.com'],
      comments: null,
      customerReference: 'desk-follow-series',
    };
    const price = await call('tasking.price', draft);
    const { taskings } = await call('tasking.order', { draft, priceId: price.id, confirmed: true });
    taskingId = taskings[0]!.id;
    expect(taskings[0]!.coverage).toEqual([{ at: expect.any(String), orderedAreaKm2: expect.any(Number), validatedAreaKm2: 0, progress: 0 }]);
  });

  it('each refresh that finds more validated area adds a dated point; steady reads add none', async () => {
    const seen: number[] = [];
    for (let step = 0; step < 6; step++) {
      await admin('/clock/advance', { hours: 60 });
      await call('tasking.refresh', { accountId, contractId: LEGACY });
      // A second refresh finds nothing new: no point, no event.
      await call('tasking.refresh', { accountId, contractId: LEGACY });
      const t = (await call('tasking.detail', { accountId, contractId: LEGACY, taskingId })).value;
      seen.push(t.progress ?? 0);
      const coverage = t.coverage ?? [];
      // One point per distinct reading, in time order, ending at what the tasking says now.
      expect(coverage.at(-1)).toMatchObject({ validatedAreaKm2: t.validatedAreaKm2, progress: t.progress });
      for (let i = 1; i < coverage.length; i++) {
        expect(coverage[i]!.at >= coverage[i - 1]!.at).toBe(true);
        expect(coverage[i]!.progress).not.toBe(coverage[i - 1]!.progress);
      }
    }
    const t = (await call('tasking.detail', { accountId, contractId: LEGACY, taskingId })).value;
    const progress = (t.coverage ?? []).map((p) => p.progress ?? 0);
    // A OneSeries tasking validates acquisitions one after the other: coverage only ever goes up.
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(new Set(seen).size).toBeGreaterThan(1);
    // Status events stayed status changes only.
    expect(new Set(t.events.map((e) => e.status)).size).toBe(t.events.length);
    const segments = (await call('tasking.segments', { accountId, contractId: LEGACY, taskingId })).value;
    expect(segments.filter((s) => s.status === 'Validated').length).toBeGreaterThan(1);
  });

  it('offline, the stored history is what the chart draws', async () => {
    const online = (await call('tasking.detail', { accountId, contractId: LEGACY, taskingId })).value;
    await app.close();
    app = await launch({ DESK_SANDBOX: 'off' });
    const detail = await call('tasking.detail', { accountId, contractId: LEGACY, taskingId });
    expect(detail.offline).toBe(true);
    expect(detail.value.coverage).toEqual(online.coverage);
    const list = await call('tasking.list', { accountId, contractId: LEGACY });
    expect(list.value.find((t) => t.id === taskingId)?.coverage).toEqual(online.coverage);
  });
});
