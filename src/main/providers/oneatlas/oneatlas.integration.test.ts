import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateOptions } from '../../../shared/domain/option-constraints';
import { startSandbox, type SandboxServer } from '../../../sandbox/server';
import { TokenCache } from '../../http';
import { createArchiveProvider } from '../index';
import { acceptedOrders, oneAtlasAccount, query, square, TOULOUSE } from '../testkit';
import { requestValidator } from '../../testing/openapi-order-schema';
import type { ArchiveOrderRequest, ArchiveProvider, ProviderScene } from '../types';
import { oneAtlasOrderBody } from './orderBody';

/** Every OneAtlas archive capability against the sandbox over real HTTP. */

let sb: SandboxServer;
let oa: ArchiveProvider;
beforeAll(async () => {
  sb = await startSandbox({ seed: 21 });
  oa = createArchiveProvider('oneatlas', oneAtlasAccount(sb.baseUrls), { tokenCache: new TokenCache() });
});
afterAll(() => sb.close());

const LEGACY = 'CTR-SANDBOX-LEGACY';
const NEO = 'CTR-SANDBOX-NEO';

async function draft(contractId: string, productTypeId: string, scene: ProviderScene, ref: string): Promise<ArchiveOrderRequest> {
  const aoi = square(scene.footprint.coordinates[0]![0]![0] + 0.05, scene.footprint.coordinates[0]![0]![1] + 0.05, 4);
  const { value } = await oa.catalogue(contractId, productTypeId, aoi);
  const workspace = (await oa.contracts()).value.find((c) => c.contractId === contractId)?.workspace ?? null;
  return {
    contractId,
    productTypeId,
    aoi,
    scenes: [{ id: scene.id, sourceId: scene.sourceId }],
    options: evaluateOptions(value.options, {}).choices,
    deliveryType: 'network',
    workspace,
    primaryMarket: 'AGRI',
    secondaryMarket: 'AGRI_PREC',
    country: 'FR',
    customerReference: ref,
    notificationEmails: ['orders@example.com'],
  };
}

const firstScene = async (constellations: string[]) => {
  const { value } = await oa.search(query({ constellations, aoi: TOULOUSE }));
  const scene = value.scenes[0];
  if (!scene) throw new Error(`no ${constellations.join()} scene over Toulouse`);
  return scene;
};

describe('OneAtlas provider against the sandbox', () => {
  it('tests the connection and refuses a wrong API key with the provider message', async () => {
    await expect(oa.testConnection()).resolves.toBeUndefined();
    const bad = createArchiveProvider('oneatlas', oneAtlasAccount(sb.baseUrls, { apiKey: 'wrong' }), { tokenCache: new TokenCache() });
    await expect(bad.testConnection()).rejects.toMatchObject({ code: 'PROVIDER_AUTH', message: expect.stringContaining('Invalid API key'), details: { status: 401, providerCode: 'invalid_grant' } });
  });

  it('lists contracts with numeric credit, backend and workspace (neo from the contract, legacy from /me)', async () => {
    const { value, raw } = await oa.contracts();
    expect(value.map((c) => c.contractId)).toEqual(['CTR-SANDBOX-LEGACY', 'CTR-SANDBOX-NEO', 'CTR-SANDBOX-TRIAL']);
    const legacy = value[0]!;
    expect(legacy).toEqual({ contractId: LEGACY, name: 'Sandbox SPOT & Pléiades', creditRemaining: 250000, currency: 'EUR', backendSource: 'legacy', workspace: '0d9e3b7a-8c1f-4e52-b6a4-7f2e1d3c5b90' });
    expect(value[1]).toMatchObject({ backendSource: 'neo', creditRemaining: 150000, workspace: '0d9e3b7a-8c1f-4e52-b6a4-7f2e1d3c5b90' });
    expect(raw).toHaveProperty('me');
  });

  it('lists product types with minimum area, mission, resolution and the quotation rule', async () => {
    const legacy = (await oa.productTypes(LEGACY)).value;
    expect(legacy.find((p) => p.productTypeId === 'PleiadesArchiveMono')).toEqual({
      productTypeId: 'PleiadesArchiveMono',
      label: 'Pleiades 0.5-m',
      source: 'archive',
      mission: 'PLEIADES',
      resolutionM: 0.5,
      minimumOrderAreaApplied: 25,
      quotationRequired: false,
    });
    expect(legacy.find((p) => p.productTypeId === 'SpotTaskingOneDay')).toMatchObject({ source: 'tasking', minimumOrderAreaApplied: 500 });
    const neo = (await oa.productTypes(NEO)).value;
    expect(neo.find((p) => p.productTypeId === 'PleiadesNeoArchiveMono')).toMatchObject({ mission: 'PLEIADESNEO', quotationRequired: true, resolutionM: 0.3 });
    await expect(oa.productTypes('NOPE')).rejects.toMatchObject({ code: 'PROVIDER_ERROR', details: { status: 404, providerCode: 'E2203', field: 'contractId' } });
  });

  it('builds the catalogue: options with constraints and projections, delivery types, markets, countries', async () => {
    const { value } = await oa.catalogue(NEO, 'PleiadesNeoArchiveMono', square(1.45, 43.58, 3));
    const level = value.options.find((o) => o.name === 'processing_level');
    expect(level).toMatchObject({ type: 'list', mandatory: 'true', defaultValue: 'primary', constraint: null });
    expect(level?.values.map((v) => v.value)).toEqual(['ortho', 'projected', 'primary']);
    expect(value.options.find((o) => o.name === 'projection_1')).toMatchObject({ mandatory: 'constraint', defaultValue: '32631', constraint: { filter: 'processing_level:primary', reject: true } });
    expect(value.options.find((o) => o.name === 'elevation')).toMatchObject({ type: 'double', min: -100, max: 10000, defaultValue: null, mandatory: 'false' });
    expect(value.options.find((o) => o.name === 'spectral_processing')?.values.map((v) => v.value)).toContain('full_bundle');
    expect(value.deliveryTypes).toEqual([{ value: 'network', label: 'FTP + My Data' }, { value: 'MEDIA', label: 'MEDIA' }]);
    expect(value.primaryMarkets).toContainEqual({ value: 'AGRI', label: 'Agriculture' });
    // AGRI has sub-markets, so it is not its own secondary market (the 2017 order spec's pairs).
    expect(value.secondaryMarkets['AGRI']?.map((m) => m.value)).toEqual(expect.arrayContaining(['AGRI_ENV', 'AGRI_PREC']));
    expect(value.secondaryMarkets['AGRI']?.map((m) => m.value)).not.toContain('AGRI');
    expect(value.countries).toContainEqual({ value: 'FR', label: 'France' });
  });

  it('searches opensearch v2 with the filters applied and maps scenes', async () => {
    const { value } = await oa.search(query({ maxCloudCover: 30, maxIncidenceAngle: 25, sort: 'date-asc' }));
    expect(value.totalResults).toBeGreaterThan(0);
    expect(value.scenes.length).toBeGreaterThan(0);
    const dates = value.scenes.map((s) => s.acquisitionDate);
    expect([...dates].sort()).toEqual(dates);
    for (const s of value.scenes) {
      expect(s.cloudCover).toBeLessThanOrEqual(30);
      expect(s.incidenceAngle).toBeLessThanOrEqual(25);
      expect(s.acquisitionDate >= '2023-01-01' && s.acquisitionDate < '2024-01-01').toBe(true);
      expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(s.sourceId).toMatch(/^DS_(PHR1[AB]|SPOT[67]|PNEO[34])_/);
      expect(['SPOT', 'PHR', 'PNEO']).toContain(s.constellation);
      expect(s.satellite).toBe(s.properties['platform']);
      expect(s.footprint.type).toBe('Polygon');
      expect(s.footprint.coordinates[0]!.length).toBeGreaterThanOrEqual(4);
      expect(s.hasQuicklook).toBe(true);
      expect(s.properties['processingLevel']).toBeDefined();
    }
    const cloudy = await oa.search(query({ sort: 'cloud-asc', constellations: ['SPOT'] }));
    const covers = cloudy.value.scenes.map((s) => s.cloudCover ?? 0);
    expect([...covers].sort((a, b) => a - b)).toEqual(covers);
    expect(cloudy.value.scenes.every((s) => s.constellation === 'SPOT')).toBe(true);
  });

  it('fetches a quicklook PNG through the scene link with the bearer token', async () => {
    const scene = await firstScene(['PHR']);
    const ql = await oa.quicklook(scene);
    expect(ql.contentType).toBe('image/png');
    expect([...ql.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const foreign = { ...scene, properties: { ...scene.properties, _links: { quicklook: { href: 'https://evil.example/steal' } } } };
    await expect(oa.quicklook(foreign)).rejects.toMatchObject({ code: 'PROVIDER_MALFORMED' });
  });

  it('prices and orders a Pléiades scene on the legacy backend (datastrip ids, workspace delivery)', async () => {
    const scene = await firstScene(['PHR']);
    const req = await draft(LEGACY, 'PleiadesArchiveMono', scene, 'it-oa-legacy-1');
    const { value: price } = await oa.price(req);
    expect(price.currency).toBe('EUR');
    expect(price.lines).toHaveLength(1);
    expect(price.lines[0]).toMatchObject({ productTypeId: 'PleiadesArchiveMono' });
    expect(price.lines[0]!.areaKm2).toBeGreaterThanOrEqual(25);
    expect(price.totalAmount).toBeCloseTo(price.lines[0]!.amount, 2);
    const { value: order } = await oa.order(req);
    expect(order).toMatchObject({ salesOrderId: expect.stringMatching(/^SAL\d+$/), quotationId: null, status: 'IN_PROGRESS', currency: 'EUR', totalAmount: price.totalAmount });
    const rec = (await acceptedOrders(sb.origin)).find((r) => r.id === order.salesOrderId);
    expect(rec?.body).toMatchObject({ items: [{ datastripIds: [scene.sourceId] }], delivery: { type: 'network', workspace: req.workspace }, endUsers: [{ country: 'FR' }] });
    const found = await oa.ordersByReference('it-oa-legacy-1');
    expect(found).toEqual([{ customerReference: 'it-oa-legacy-1', salesOrderId: order.salesOrderId, quotationId: null, status: 'IN_PROGRESS', currency: 'EUR', totalAmount: price.totalAmount, updatedAt: expect.any(String) }]);
    expect(await oa.ordersByReference('it-oa-legacy')).toEqual([]);
  });

  it('reports the provider field and code when an order is refused', async () => {
    const scene = await firstScene(['PHR']);
    const req = { ...(await draft(LEGACY, 'PleiadesArchiveMono', scene, 'it-oa-bad')), country: 'XX' };
    await expect(oa.order(req)).rejects.toMatchObject({ code: 'PROVIDER_ERROR', details: { status: 400, field: 'endUsers[0].country', providerCode: 'E4000' } });
  });

  it('quotes Pléiades Neo (catalogue item ids), exports the PDF, accepts and refuses', async () => {
    const scene = await firstScene(['PNEO']);
    const req = await draft(NEO, 'PleiadesNeoArchiveMono', scene, 'it-oa-neo-quote');
    const q = oa.quotations!;
    const { value: quote } = await q.request(req);
    expect(quote).toMatchObject({ quotationId: expect.stringMatching(/^QUO\d+$/), currency: 'EUR', discountPercentage: 0 });
    expect(quote.totalAmount).toBeGreaterThan(0);
    const rec = (await acceptedOrders(sb.origin)).find((r) => r.id === quote.quotationId);
    expect(rec?.body).toMatchObject({ items: [{ dataSourceId: [{ catalogId: 'PublicMOC', catalogItemId: scene.id }], datastripIds: [] }], delivery: { type: 'network' } });
    const pdf = await q.exportPdf(quote.quotationId);
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.4');
    expect(new TextDecoder('latin1').decode(pdf)).toContain(quote.quotationId);
    const sent = await oa.ordersByReference('it-oa-neo-quote');
    expect(sent).toMatchObject([{ quotationId: quote.quotationId, salesOrderId: null, status: 'QUOTATION_SENT' }]);
    const { value: accepted } = await q.accept(NEO, quote.quotationId);
    expect(accepted).toMatchObject({ salesOrderId: expect.stringMatching(/^SAL/), quotationId: quote.quotationId, status: 'IN_PROGRESS' });
    await expect(q.accept(NEO, quote.quotationId)).rejects.toMatchObject({ code: 'PROVIDER_ERROR', details: { status: 409, providerCode: 'E2206' } });

    const { value: other } = await q.request({ ...req, customerReference: 'it-oa-neo-refuse' });
    await expect(q.refuse(NEO, other.quotationId, 3)).resolves.toBeUndefined();
    expect(await oa.ordersByReference('it-oa-neo-refuse')).toMatchObject([{ quotationId: other.quotationId, status: 'QUOTATION_REFUSED' }]);
    await expect(q.refuse(NEO, other.quotationId, 9)).rejects.toMatchObject({ code: 'PROVIDER_ERROR', details: { field: 'rejectionReasonId' } });
  });

  it('orders Pléiades Neo directly on the neo backend: quotation and sales order ids', async () => {
    const scene = await firstScene(['PNEO']);
    const { value } = await oa.order(await draft(NEO, 'PleiadesNeoArchiveMono', scene, 'it-oa-neo-order'));
    expect(value).toMatchObject({ salesOrderId: expect.stringMatching(/^SAL/), quotationId: expect.stringMatching(/^QUO/) });
  });

  // The sandbox is a twin, not the judge: every archive body the app sends must also satisfy the OneAtlas
  // OpenAPI's own request schema (top level and items), with options from the provider's /options answer.
  it('sends archive prices, orders and quotations that the OpenAPI request schemas accept (#14)', async () => {
    const legacyOrders = requestValidator('/api/v1/orders', 'Archive SPOT & Pleiades');
    const legacyPrices = requestValidator('/api/v1/prices', 'Archive SPOT & Pleiades');
    const neoQuotations = requestValidator('/api/v1/quotations', 'Archive Pléiades Neo');
    const neoOrders = requestValidator('/api/v1/orders', 'Archive Pléiades Neo');
    const phr = await draft(LEGACY, 'PleiadesArchiveMono', await firstScene(['PHR']), 'it-oa-schema-legacy');
    const { value: order } = await oa.order(phr);
    const sent = (await acceptedOrders(sb.origin)).find((r) => r.id === order.salesOrderId)?.body;
    expect(sent).toMatchObject({ notificationEmails: ['orders@example.com'], endUsers: [{ country: 'FR' }] });
    expect(legacyOrders(sent), JSON.stringify((sent as { optionsPerProductType: unknown }).optionsPerProductType)).toEqual([]);
    expect(legacyPrices(oneAtlasOrderBody(phr, 'legacy'))).toEqual([]);
    // No end-user country offered: the required list is sent empty rather than left out.
    expect(legacyOrders(oneAtlasOrderBody({ ...phr, country: null }, 'legacy'))).toEqual([]);
    const neo = await draft(NEO, 'PleiadesNeoArchiveMono', await firstScene(['PNEO']), 'it-oa-schema-neo');
    const { value: quote } = await oa.quotations!.request(neo);
    const quoted = (await acceptedOrders(sb.origin)).find((r) => r.id === quote.quotationId)?.body;
    expect(neoQuotations(quoted)).toEqual([]);
    expect(neoOrders(oneAtlasOrderBody(neo, 'neo'))).toEqual([]);
    // The validator is not blind: a body without the e-mails is refused.
    const { notificationEmails: _dropped, ...withoutEmails } = sent as Record<string, unknown>;
    expect(legacyOrders(withoutEmails).join()).toMatch(/notificationEmails/);
  });
});
