import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain/account';
import type { Contract, ListedSearchPage, OrderDraft, ProductCatalogue, ProductType } from '../../../shared/domain/archive';
import { isValidMarketPair, secondaryMarketsOf } from '../../../shared/domain/markets';
import { evaluateOptions } from '../../../shared/domain/option-constraints';
import type { Channel } from '../../../shared/ipc/contract';
import type { Request, Response } from '../../../shared/ipc/contract';
import { SANDBOX_CREDENTIALS } from '../../../shared/domain/sandbox';
import { legacyOrder } from '../../../sandbox/ordering/guideExamples';
import { launchDesk, type Launched } from '../../launch';
import { createOrdersRepo } from '../../store/orders-repo';
import { keychainForTests } from '../../testing/keychain';
import { createKeychainVault } from '../../vault/keychain-vault';

const keychain = await keychainForTests();

/**
 * Archive procurement end to end through the IPC registry: the real back end (SQLite file, keychain,
 * provider clients) against the embedded sandbox over HTTP, then offline against what was stored.
 */
describe.skipIf(!keychain.available)('archive procurement through the registry', () => {
  let dir: string;
  let app: Launched;
  const vault = createKeychainVault(`imagery-desk-archive-${process.pid}`);

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
    fetch(`${app.sandbox!.origin}/__admin${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, unknown>>);

  let accounts: Account[];
  let aoiId: string;
  const account = (provider: string) => accounts.find((a) => a.provider === provider)!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-archive-'));
    app = await launchDesk({ dataDir: dir, host: 'web', version: 'test', vault }, {});
    accounts = await call('accounts.list', {});
    // Toulouse, ~72 km²: inside the sandbox's seeded European coverage.
    const saved = await call('aois.create', {
      name: 'Toulouse',
      geometry: { type: 'Polygon', coordinates: [[[1.4, 43.56], [1.5, 43.56], [1.5, 43.64], [1.4, 43.64], [1.4, 43.56]]] },
    });
    aoiId = saved.aoi.id;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const prepare = async (provider: 'oneatlas' | 'geoapi', pick: (p: ProductType) => boolean, contractPick: (c: Contract) => boolean = () => true) => {
    const accountId = account(provider).id;
    const contracts = (await call('archive.contracts', { accountId })).value;
    const contract = contracts.find(contractPick)!;
    const types = (await call('archive.productTypes', { accountId, contractId: contract.contractId })).value;
    expect(types.every((t) => t.source === 'archive')).toBe(true);
    const product = types.find(pick)!;
    const catalogue = (await call('archive.catalogue', { accountId, contractId: contract.contractId, productTypeId: product.productTypeId, aoiId })).value;
    const page = await call('archive.search', {
      accountId,
      contractId: contract.contractId,
      aoiId,
      from: '2023-01-01',
      to: '2024-12-31',
      maxCloudCover: 30,
      maxIncidenceAngle: 30,
      constellations: [],
      sort: 'date-desc',
      pageSize: 20,
      page: 1,
    });
    return { accountId, contract, product, catalogue, page };
  };

  const draftFor = (p: { accountId: string; contract: Contract; product: ProductType; catalogue: ProductCatalogue; page: ListedSearchPage }, ref: string, count = 2): OrderDraft => {
    const options = evaluateOptions(p.catalogue.options, {});
    expect(options.valid, JSON.stringify(options.errors)).toBe(true);
    const constellation = p.product.mission === 'SPOT' ? /^SPOT/ : /^(PHR|PLEIADES)/i;
    const scenes = p.page.scenes.filter((s) => constellation.test(s.constellation)).slice(0, count);
    expect(scenes).toHaveLength(count);
    const market = p.catalogue.primaryMarkets[0]!.value;
    return {
      accountId: p.accountId,
      contractId: p.contract.contractId,
      productTypeId: p.product.productTypeId,
      aoiId,
      sceneIds: scenes.map((s) => s.id),
      searchId: p.page.search.searchId,
      options: options.choices,
      deliveryType: p.catalogue.deliveryTypes[0]!.value,
      primaryMarket: market,
      secondaryMarket: p.catalogue.secondaryMarkets[market]?.[0]?.value ?? null,
      country: p.catalogue.countries.find((c) => c.value === 'FR')?.value ?? p.catalogue.countries[0]?.value ?? null,
      customerReference: ref,
      notificationEmails: ['orders@example.com'],
    };
  };

  it('OneAtlas: test connection, search with coverage, quicklook, price, order once, track it', async () => {
    const report = await call('archive.connection', { accountId: account('oneatlas').id });
    expect(report.ok).toBe(true);
    const p = await prepare('oneatlas', (t) => t.mission === 'PLEIADES', (c) => c.backendSource === 'legacy');
    expect(p.contract.creditRemaining).toBeGreaterThan(0);
    expect(p.page.scenes.length).toBeGreaterThan(2);
    expect(p.page.scenes.every((s) => s.aoiCoverage !== null && s.aoiCoverage >= 0 && s.aoiCoverage <= 1)).toBe(true);
    expect(p.page.scenes.some((s) => (s.aoiCoverage ?? 0) > 0.5)).toBe(true);
    expect(p.catalogue.options.some((o) => o.name.startsWith('projection_'))).toBe(true);

    const ql = await call('archive.quicklook', { searchId: p.page.search.searchId, sceneId: p.page.scenes[0]!.id });
    expect(ql.cached).toBe(false);
    expect(ql.dataUrl).toMatch(/^data:image\/(png|jpeg);base64,/);
    expect((await call('archive.quicklook', { searchId: p.page.search.searchId, sceneId: p.page.scenes[0]!.id })).cached).toBe(true);

    const draft = draftFor(p, 'desk-it-oa-1');
    const quote = await call('archive.price', draft);
    expect(quote.totalAmount).toBeGreaterThan(0);
    expect(quote.lines[0]?.areaKm2).toBeGreaterThan(0);
    expect(quote.creditRemaining).toBe(p.contract.creditRemaining);

    const changed = { ...draft, customerReference: 'desk-it-oa-other' };
    expect((await failure('archive.order', { draft: changed, priceQuoteId: quote.id, confirmed: true })).code).toBe('STALE_PRICE');
    const order = await call('archive.order', { draft, priceQuoteId: quote.id, confirmed: true });
    expect(order.salesOrderId).toBeTruthy();
    expect(order.events.map((e) => e.status)).toEqual(['submitting', order.status]);
    expect((await failure('archive.order', { draft, priceQuoteId: quote.id, confirmed: true })).code).toBe('DUPLICATE_REFERENCE');

    await admin('/clock/advance', { days: 3 });
    const refreshed = await call('orders.refresh', {});
    const tracked = refreshed.find((o) => o.id === order.id)!;
    expect(tracked.events.length).toBeGreaterThanOrEqual(2);
    expect(tracked.salesOrderId).toBe(order.salesOrderId);
  });

  it('OneAtlas: an order whose connection drops after the commit is reconciled, never sent twice', async () => {
    const p = await prepare('oneatlas', (t) => t.mission === 'SPOT', (c) => c.backendSource === 'legacy');
    const draft = draftFor(p, 'desk-it-oa-drop', 1);
    const quote = await call('archive.price', draft);
    await admin('/faults', { dropAfterCommitNext: 1 });
    const order = await call('archive.order', { draft, priceQuoteId: quote.id, confirmed: true });
    expect(order.salesOrderId).toBeTruthy();
    const accepted = (await admin('/orders'))['items'] as { kind: string; customerReference?: string }[];
    expect(accepted.filter((a) => a.kind === 'order' && a.customerReference === 'desk-it-oa-drop')).toHaveLength(1);
  });

  it('GeoAPI legacy: the same journey with WKT search; an ambiguous failure is not resent', async () => {
    const p = await prepare('geoapi', (t) => t.mission === 'PLEIADES');
    expect(p.page.scenes.length).toBeGreaterThan(1);
    const draft = draftFor(p, 'desk-it-geo-1');
    const quote = await call('archive.price', draft);
    const order = await call('archive.order', { draft, priceQuoteId: quote.id, confirmed: true });
    expect(order.provider).toBe('geoapi');
    expect(order.salesOrderId).toBeTruthy();

    const risky = draftFor(p, 'desk-it-geo-drop', 1);
    const q2 = await call('archive.price', risky);
    await admin('/faults', { dropAfterCommitNext: 1 });
    expect((await failure('archive.order', { draft: risky, priceQuoteId: q2.id, confirmed: true })).code).toBe('ORDER_UNCONFIRMED');
    // Confirming again must not send a second order while the first may exist.
    expect((await failure('archive.order', { draft: risky, priceQuoteId: q2.id, confirmed: true })).code).toBe('ORDER_LOOKUP_UNSUPPORTED');
    const accepted = (await admin('/orders'))['items'] as { kind: string; customerReference?: string }[];
    expect(accepted.filter((a) => a.customerReference === 'desk-it-geo-drop')).toHaveLength(1);
  });

  it('Pléiades Neo: quotation, PDF kept, accept places the order', async () => {
    const p = await prepare('oneatlas', (t) => t.quotationRequired, (c) => c.backendSource === 'neo');
    const constellationOk = p.page.scenes.some((s) => /PNEO|PLEIADESNEO/i.test(s.constellation));
    expect(constellationOk).toBe(true);
    const options = evaluateOptions(p.catalogue.options, {});
    const neo = p.page.scenes.filter((s) => /PNEO|PLEIADESNEO/i.test(s.constellation)).slice(0, 1);
    const market = p.catalogue.primaryMarkets[0]!.value;
    const draft: OrderDraft = {
      ...draftFor({ ...p, product: { ...p.product, mission: 'PLEIADES' }, page: { ...p.page, scenes: neo.map((s) => ({ ...s, constellation: 'PHR' })) } }, 'desk-it-neo-1', 1),
      options: options.choices,
      primaryMarket: market,
    };
    const quotation = await call('quotations.request', draft);
    expect(quotation.status).toBe('sent');
    const pdf = await call('quotations.pdf', { quotationId: quotation.quotationId });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('quotations.list', {})).find((q) => q.quotationId === quotation.quotationId)?.pdfStored).toBe(true);
    const accepted = await call('quotations.accept', { quotationId: quotation.quotationId, confirmed: true });
    expect(accepted.quotation.status).toBe('accepted');
    expect(accepted.order.quotationId).toBe(quotation.quotationId);
    expect(accepted.order.totalAmount).toBe(quotation.totalAmount);
    expect((await failure('quotations.refuse', { quotationId: quotation.quotationId, rejectionReasonId: 1 })).code).toBe('QUOTATION_CLOSED');
  });

  it('at launch, an order a crash left submitting is looked up by its reference and settled', async () => {
    // The provider holds the order (sent just before the "crash"); the app only has its 'submitting' row.
    const urls = app.sandbox!.baseUrls.oneatlas;
    const grant = await fetch(`${urls.auth}/auth/realms/IDP/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'IDP' }),
    });
    const token = ((await grant.json()) as { access_token: string }).access_token;
    const sent = await fetch(`${urls.order}/api/v1/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(legacyOrder('desk-it-crash')),
    });
    expect(sent.status).toBe(201);
    createOrdersRepo(app.desk.db).createSubmitting({
      id: 'crashed-order',
      accountId: account('oneatlas').id,
      provider: 'oneatlas',
      kind: 'archive',
      contractId: 'CTR-SANDBOX-LEGACY',
      customerReference: 'desk-it-crash',
      sceneIds: [],
      productTypeId: 'PleiadesArchiveMono',
      request: {},
      at: new Date().toISOString(),
    });
    // The GeoAPI order left unconfirmed above stays so: GeoAPI legacy cannot look orders up.
    expect(await app.desk.settleOrders()).toBe(1);
    const settled = (await call('orders.list', {})).find((o) => o.customerReference === 'desk-it-crash')!;
    expect(settled.salesOrderId).toBeTruthy();
    expect(settled.events.map((e) => e.status)).toEqual(['submitting', settled.status]);
  });

  it('offers only the market pairs the order spec allows, on both providers', async () => {
    for (const provider of ['oneatlas', 'geoapi'] as const) {
      const accountId = account(provider).id;
      for (const contract of (await call('archive.contracts', { accountId })).value) {
        const [product] = (await call('archive.productTypes', { accountId, contractId: contract.contractId })).value;
        if (!product) continue;
        const { value } = await call('archive.catalogue', { accountId, contractId: contract.contractId, productTypeId: product.productTypeId, aoiId });
        expect(value.primaryMarkets.length).toBeGreaterThan(0);
        for (const { value: primary } of value.primaryMarkets) {
          const offered = (value.secondaryMarkets[primary] ?? []).map((m) => m.value);
          // Every known market has at least one valid secondary, and nothing else is offered (no AGRI/AGRI).
          expect(offered, `${provider} ${primary}`).toEqual(secondaryMarketsOf(primary));
          for (const secondary of offered) expect(isValidMarketPair(primary, secondary), `${provider} ${primary}/${secondary}`).toBe(true);
        }
      }
    }
  });

  it('offline: stored searches, quicklooks, contracts, quotations and orders stay browsable; provider actions say why they fail', async () => {
    const history = await call('archive.history', {});
    expect(history.length).toBeGreaterThanOrEqual(3);
    const first = history.find((h) => h.accountId === account('oneatlas').id)!;
    const page = await call('archive.searchPage', { searchId: first.searchId });
    await call('archive.quicklook', { searchId: first.searchId, sceneId: page.scenes[0]!.id });
    await app.sandbox!.close();

    const contracts = await call('archive.contracts', { accountId: account('oneatlas').id });
    expect(contracts.offline).toBe(true);
    expect(contracts.offlineReason).toMatch(/reach|connect/i);
    expect(contracts.value.length).toBeGreaterThan(0);
    expect((await call('archive.searchPage', { searchId: first.searchId })).scenes).toHaveLength(page.scenes.length);
    // Pages carry no properties; the detail panel reads one scene's from the store, offline too.
    expect(page.scenes.every((s) => !('properties' in s))).toBe(true);
    const { properties } = await call('archive.sceneProperties', { searchId: first.searchId, sceneId: page.scenes[0]!.id });
    expect(Object.keys(properties).length).toBeGreaterThan(3);
    expect((await failure('archive.sceneProperties', { searchId: first.searchId, sceneId: 'not-in-this-search' })).code).toBe('NOT_FOUND');
    expect((await call('archive.quicklook', { searchId: first.searchId, sceneId: page.scenes[0]!.id })).cached).toBe(true);
    expect((await failure('archive.quicklook', { searchId: first.searchId, sceneId: page.scenes.at(-1)!.id })).code).toBe('PROVIDER_UNREACHABLE');
    expect((await call('orders.list', {})).length).toBeGreaterThanOrEqual(3);
    expect((await failure('orders.refresh', {})).code).toBe('PROVIDER_UNREACHABLE');
    const report = await call('archive.connection', { accountId: account('oneatlas').id });
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/PROVIDER_UNREACHABLE/);
  });
});
