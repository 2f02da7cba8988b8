import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain/account';
import type { ListedScene } from '../../../shared/domain/archive';
import type { Comparison, ComparisonOffer, ComparisonRow } from '../../../shared/domain/comparison';
import type { Channel, Request, Response } from '../../../shared/ipc/contract';
import { defaultAttemptWindow } from '../../../shared/domain/tasking-defaults';
import { launchDesk, type Launched } from '../../launch';
import { keychainForTests } from '../../testing/keychain';
import { params } from '../../store/archive-test-fixtures';
import { createKeychainVault } from '../../vault/keychain-vault';

const keychain = await keychainForTests();

/**
 * Price comparison end to end through the IPC registry: the real back end (SQLite file, keychain,
 * provider clients) against the embedded sandbox over HTTP, then offline against what was stored.
 * Expected amounts come from the sandbox's published list prices (src/sandbox/accounts/products.ts):
 * Pléiades archive 10 €/km² (minimum 25), SPOT archive 4.5 €/km² (minimum 100), Pléiades OnePlan
 * 20 €/km² and OneDay 56 €/km² (minimum 100), no contract discount on the legacy contracts.
 */
describe.skipIf(!keychain.available)('price comparison through the registry', () => {
  let dir: string;
  let app: Launched;
  let sandboxStopped = false;
  const vault = createKeychainVault(`imagery-desk-comparison-${process.pid}`);

  const call = async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
    const r = await app.desk.registry.dispatch(channel, request);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.value as Response<C>;
  };

  const round2 = (n: number) => Math.round(n * 100) / 100;
  const DAY = 86_400_000;
  let accounts: Account[];
  const account = (provider: string) => accounts.find((a) => a.provider === provider && a.sandbox)!;
  const aois: Record<string, { id: string; areaKm2: number }> = {};
  const searches: Record<string, { searchId: string; scenes: ListedScene[] }> = {};
  let cityRun: Comparison | undefined;

  const search = async (provider: 'oneatlas' | 'geoapi', aoiId: string) => {
    const page = await call('archive.search', params({ accountId: account(provider).id, contractId: null, aoiId, from: '2023-01-01', pageSize: 100 }));
    return { searchId: page.search.searchId, scenes: page.scenes };
  };
  /** The scene of a constellation covering most of the AOI. */
  const best = (scenes: ListedScene[], constellation: RegExp) => {
    const found = scenes.filter((s) => constellation.test(s.constellation)).sort((a, b) => (b.aoiCoverage ?? 0) - (a.aoiCoverage ?? 0))[0];
    expect(found, `a ${constellation} scene`).toBeDefined();
    return found!;
  };
  const rowOf = (rows: ComparisonRow[], productTypeId: string) => {
    const row = rows.find((r) => r.offer.productTypeId === productTypeId);
    expect(row, productTypeId).toBeDefined();
    return row!;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-comparison-'));
    app = await launchDesk({ dataDir: dir, host: 'web', version: 'test', vault }, {});
    accounts = await call('accounts.list', {});
    // Toulouse, ~72 km² (below the 100 km² Pléiades OneDay minimum), and the One Tasking guide's ~132 km² city.
    const toulouse = await call('aois.create', { name: 'Toulouse', geometry: { type: 'Polygon', coordinates: [[[1.4, 43.56], [1.5, 43.56], [1.5, 43.64], [1.4, 43.64], [1.4, 43.56]]] } });
    const city = await call('aois.create', {
      name: 'City',
      geometry: { type: 'Polygon', coordinates: [[[1.37638092041016, 43.5453131406237], [1.50959014892578, 43.5453131406237], [1.50959014892578, 43.6561983054132], [1.37638092041016, 43.6561983054132], [1.37638092041016, 43.5453131406237]]] },
    });
    aois['toulouse'] = toulouse.aoi;
    aois['city'] = city.aoi;
    searches['oneatlas'] = await search('oneatlas', toulouse.aoi.id);
    searches['geoapi'] = await search('geoapi', toulouse.aoi.id);
  });
  afterAll(async () => {
    if (sandboxStopped) app.desk.close();
    else await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the archive offers fitting each scene and every tasking offer, and names an account it cannot read', async () => {
    const oneatlas = account('oneatlas');
    const noKey = await call('accounts.create', { account: { provider: 'oneatlas', label: 'OneAtlas without key', endpoints: oneatlas.endpoints, identity: {} }, secrets: {} });
    try {
      const { searchId, scenes } = searches['oneatlas']!;
      const pleiades = best(scenes, /^PHR/);
      const spot = best(scenes, /^SPOT/);
      const got = await call('comparison.candidates', { aoiId: aois['toulouse']!.id, searchId, sceneIds: [pleiades.id, spot.id] });

      // What the archive and tasking rooms list, read through their own channels.
      const contracts = (await call('archive.contracts', { accountId: oneatlas.id })).value;
      const expectedArchive: string[] = [];
      const expectedTasking: string[] = [];
      for (const c of contracts) {
        const types = (await call('archive.productTypes', { accountId: oneatlas.id, contractId: c.contractId })).value;
        for (const [scene, mission] of [[pleiades, 'PLEIADES'], [spot, 'SPOT']] as const) {
          for (const t of types.filter((x) => x.mission === mission)) expectedArchive.push(`${c.contractId}/${t.productTypeId}/${scene.id}`);
        }
        for (const t of (await call('tasking.productTypes', { accountId: oneatlas.id, contractId: c.contractId })).value) expectedTasking.push(`${c.contractId}/${t.productTypeId}`);
      }
      const archive = got.candidates.filter((c) => c.offer.kind === 'archive');
      const tasking = got.candidates.filter((c) => c.offer.kind === 'tasking');
      expect(archive.map((c) => (c.offer.kind === 'archive' ? `${c.offer.contractId}/${c.offer.productTypeId}/${c.offer.sceneId}` : '')).sort()).toEqual(expectedArchive.sort());
      expect(expectedArchive.length).toBeGreaterThanOrEqual(4); // two scenes, legacy and trial contracts
      expect(tasking.every((c) => c.offer.accountId === oneatlas.id)).toBe(true);
      expect(tasking.map((c) => `${c.offer.contractId}/${c.offer.productTypeId}`).sort()).toEqual(expectedTasking.sort());
      expect(tasking.map((c) => c.label.type)).toEqual(expect.arrayContaining(['OneDay', 'OneNow', 'OnePlan', 'OneSeries']));
      // No Neo archive product for these scenes: none is a Pléiades Neo scene.
      expect(archive.some((c) => c.offer.productTypeId === 'PleiadesNeoArchiveMono')).toBe(false);
      const pleiadesRow = archive.find((c) => c.offer.kind === 'archive' && c.offer.sceneId === pleiades.id)!;
      expect(pleiadesRow.label).toEqual({ provider: 'Airbus OneAtlas', accountName: oneatlas.label, product: `Pleiades 0.5-m · ${pleiades.satellite} ${pleiades.acquisitionDate.slice(0, 10)}`, type: 'Archive' });

      expect(got.problems).toHaveLength(1);
      expect(got.problems[0]!.accountName).toBe('OneAtlas without key');
      expect(got.problems[0]!.message).toContain('has no API key set');
    } finally {
      await call('accounts.remove', { id: noKey.id });
    }
  });

  it('prices OneDay and OneNow from the earliest acquisition still orderable, and says Pléiades Neo archive is quoted', async () => {
    const city = aois['city']!;
    const oneatlas = account('oneatlas').id;
    const neoScene = best(searches['oneatlas']!.scenes, /^PNEO/);
    const offers: ComparisonOffer[] = [
      { kind: 'tasking', accountId: oneatlas, contractId: 'CTR-SANDBOX-LEGACY', productTypeId: 'PleiadesTaskingOneDay' },
      { kind: 'tasking', accountId: oneatlas, contractId: 'CTR-SANDBOX-LEGACY', productTypeId: 'PleiadesTaskingOneNow' },
      { kind: 'archive', accountId: oneatlas, contractId: 'CTR-SANDBOX-NEO', productTypeId: 'PleiadesNeoArchiveMono', searchId: searches['oneatlas']!.searchId, sceneId: neoScene.id },
    ];
    const before = Date.now();
    cityRun = await call('comparison.run', { aoiId: city.id, offers });
    const { rows } = cityRun;

    // The same question asked through the tasking room: its earliest attempt whose deadline is ahead.
    const window = defaultAttemptWindow(before);
    const asked = await call('tasking.attempts', {
      accountId: oneatlas, contractId: 'CTR-SANDBOX-LEGACY', productTypeId: 'PleiadesTaskingOneDay', aoiId: city.id,
      start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), acquisitionMode: 'MONO', maxCloudCover: 20, maxIncidenceAngle: 30,
    });
    const earliest = asked.attempts.filter((a) => Date.parse(a.orderDeadline) > Date.now()).map((a) => a.acquisitionStart).sort()[0];
    // Tasking is billed in whole km² (the guide's 132.26 km² AOI is priced as 132): not a minimum.
    const oneDay = rowOf(rows, 'PleiadesTaskingOneDay');
    expect(oneDay).toMatchObject({ error: null, areaBilledKm2: 132, minimumAppliedKm2: null, amount: 132 * 56, earliestAcquisition: earliest });
    const oneNow = rowOf(rows, 'PleiadesTaskingOneNow');
    expect(oneNow).toMatchObject({ error: null, areaBilledKm2: 132, amount: 132 * 42, label: { type: 'OneNow' } });
    expect(Date.parse(oneNow.earliestAcquisition!)).toBeGreaterThan(before);

    const neo = rowOf(rows, 'PleiadesNeoArchiveMono');
    expect(neo).toMatchObject({ amount: null, error: { code: 'UNSUPPORTED', message: 'Pléiades Neo archive is quoted, not priced: open it to request a quotation.' } });
    expect(neo.label.product).toContain(neoScene.satellite);
    expect(rows.map((r) => r.offer.productTypeId)).toEqual(['PleiadesTaskingOneNow', 'PleiadesTaskingOneDay', 'PleiadesNeoArchiveMono']);
  });

  it('prices four offers across two providers, one refused on its own row, stored and answered offline', async () => {
    const toulouse = aois['toulouse']!;
    const oneatlas = account('oneatlas').id;
    const geoapi = account('geoapi').id;
    const pleiades = best(searches['oneatlas']!.scenes, /^PHR/);
    const spot = best(searches['geoapi']!.scenes, /^SPOT/);
    const geoapiContract = (await call('archive.contracts', { accountId: geoapi })).value[0]!;
    const legacy = (await call('archive.contracts', { accountId: oneatlas })).value.find((c) => c.contractId === 'CTR-SANDBOX-LEGACY')!;
    const offers: ComparisonOffer[] = [
      { kind: 'archive', accountId: oneatlas, contractId: legacy.contractId, productTypeId: 'PleiadesArchiveMono', searchId: searches['oneatlas']!.searchId, sceneId: pleiades.id },
      { kind: 'archive', accountId: geoapi, contractId: geoapiContract.contractId, productTypeId: 'SpotArchiveMono', searchId: searches['geoapi']!.searchId, sceneId: spot.id },
      { kind: 'tasking', accountId: oneatlas, contractId: legacy.contractId, productTypeId: 'PleiadesTaskingOneDay' },
      { kind: 'tasking', accountId: oneatlas, contractId: legacy.contractId, productTypeId: 'PleiadesTaskingOnePlan' },
    ];
    const before = Date.now();
    const result = await call('comparison.run', { aoiId: toulouse.id, offers });
    expect(result).toMatchObject({ aoiId: toulouse.id, aoiAreaKm2: toulouse.areaKm2 });
    expect(result.rows).toHaveLength(4);

    // OneAtlas Pléiades archive: the AOI inside the scene's footprint at 10 €/km², above the 25 km² minimum.
    const archiveRow = rowOf(result.rows, 'PleiadesArchiveMono');
    expect(archiveRow.error).toBeNull();
    expect(archiveRow.areaBilledKm2).toBeCloseTo(toulouse.areaKm2 * (pleiades.aoiCoverage ?? 0), 0);
    // The sandbox prices the unrounded area and states the area to the hundredth: within 10 € × 0.005 km².
    expect(Math.abs(archiveRow.amount! - archiveRow.areaBilledKm2! * 10)).toBeLessThanOrEqual(0.05);
    expect(archiveRow).toMatchObject({ currency: 'EUR', minimumAppliedKm2: null, earliestAcquisition: null, creditAfter: round2(legacy.creditRemaining! - archiveRow.amount!) });
    expect(archiveRow.label.product).toContain(pleiades.satellite);

    // GeoAPI SPOT archive: the ~72 km² AOI is billed as the product's 100 km² minimum.
    const spotRow = rowOf(result.rows, 'SpotArchiveMono');
    expect(geoapiContract.creditRemaining).not.toBeNull();
    expect(spotRow).toMatchObject({ error: null, areaBilledKm2: 100, minimumAppliedKm2: 100, amount: 450, currency: 'EUR', creditAfter: round2(geoapiContract.creditRemaining! - 450) });
    expect(spotRow.label.provider).toBe('Airbus GeoAPI (legacy)');

    // Pléiades OnePlan: priced from a feasibility over tomorrow + 30 days, at the 100 km² minimum.
    const plan = rowOf(result.rows, 'PleiadesTaskingOnePlan');
    const tomorrow = Math.floor(before / DAY) * DAY + DAY;
    expect(plan).toMatchObject({ error: null, areaBilledKm2: 100, minimumAppliedKm2: 100, amount: 2000, creditAfter: round2(legacy.creditRemaining! - 2000), earliestAcquisition: new Date(tomorrow).toISOString() });
    expect(plan.label).toMatchObject({ type: 'OnePlan', product: 'Pléiades OnePlan' });

    // Pléiades OneDay: refused by the shared minimum-area rule before any attempt is asked, said on its row.
    const oneDay = rowOf(result.rows, 'PleiadesTaskingOneDay');
    expect(oneDay).toMatchObject({ amount: null, quoteId: null, error: { code: 'INVALID_REQUEST', field: 'aoiId' } });
    expect(oneDay.error!.message).toBe(`The AOI is ${Math.round(toulouse.areaKm2 * 10) / 10} km², this product needs 100 km²: enlarge it.`);
    expect(oneDay.label.type).toBe('OneDay');

    // Cheapest first, the refused row last; every row dated.
    expect(result.rows.map((r) => r.offer.productTypeId)).toEqual(
      [archiveRow, spotRow, plan].sort((a, b) => a.amount! - b.amount!).map((r) => r.offer.productTypeId).concat('PleiadesTaskingOneDay'),
    );
    for (const r of result.rows) expect(Date.parse(r.pricedAt)).toBeGreaterThanOrEqual(before);
    for (const r of [archiveRow, spotRow, plan]) expect(r.quoteId).toMatch(/^[0-9a-f-]{36}$/);

    // Offline: the stored comparison is answered from SQLite with the sandbox gone.
    await app.sandbox!.close();
    sandboxStopped = true;
    expect(await call('comparison.latest', { aoiId: toulouse.id })).toEqual(result);
    expect(await call('comparison.latest', { aoiId: aois['city']!.id })).toEqual(cityRun);
    expect(await call('comparison.latest', { aoiId: (await call('aois.create', { name: 'Never compared', geometry: { type: 'Polygon', coordinates: [[[2, 44], [2.1, 44], [2.1, 44.1], [2, 44]]] } })).aoi.id })).toBeNull();
  });
});
