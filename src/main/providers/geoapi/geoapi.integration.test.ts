import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateOptions } from '../../../shared/domain/option-constraints';
import { startSandbox, type SandboxServer } from '../../../sandbox/server';
import { TokenCache } from '../../http';
import { createArchiveProvider } from '../index';
import { acceptedOrders, admin, geoApiAccount, query, TOULOUSE } from '../testkit';
import type { ArchiveOrderRequest, ArchiveProvider } from '../types';
import { legacySearchBody } from './search';

/** Every GeoAPI legacy archive capability against the sandbox over real HTTP. */

let sb: SandboxServer;
let geo: ArchiveProvider;
beforeAll(async () => {
  sb = await startSandbox({ seed: 5 });
  geo = createArchiveProvider('geoapi', geoApiAccount(sb.baseUrls), { tokenCache: new TokenCache() });
});
afterAll(() => sb.close());

const CONTRACT = 'SANDBOX-GEOAPI';

async function draft(ref: string): Promise<ArchiveOrderRequest> {
  const scene = (await geo.search(query({ constellations: ['PHR'] }))).value.scenes[0];
  if (!scene) throw new Error('no Pléiades scene over Toulouse');
  const { value } = await geo.catalogue(CONTRACT, 'PleiadesArchiveMono', TOULOUSE);
  return {
    contractId: CONTRACT,
    productTypeId: 'PleiadesArchiveMono',
    aoi: TOULOUSE,
    scenes: [{ id: scene.id, sourceId: scene.sourceId }],
    options: evaluateOptions(value.options, {}).choices,
    deliveryType: 'network',
    workspace: null,
    primaryMarket: 'AGRI',
    secondaryMarket: 'AGRI_ENV',
    country: null,
    customerReference: ref,
    notificationEmails: [],
  };
}

describe('GeoAPI legacy provider against the sandbox', () => {
  it('tests the connection and refuses a wrong client secret with the provider message', async () => {
    await expect(geo.testConnection()).resolves.toBeUndefined();
    const bad = createArchiveProvider('geoapi', geoApiAccount(sb.baseUrls, { clientSecret: 'nope' }), { tokenCache: new TokenCache() });
    await expect(bad.testConnection()).rejects.toMatchObject({ code: 'PROVIDER_AUTH', details: { status: 401, providerCode: 'invalid_client' } });
  });

  it('lists contracts (credit parsed from its decimal string, no backend or workspace)', async () => {
    const { value } = await geo.contracts();
    expect(value).toEqual([{ contractId: CONTRACT, name: 'Sandbox GeoAPI archive', creditRemaining: 500000, currency: 'EUR', backendSource: null, workspace: null }]);
  });

  it('lists product types with minimum area and resolution', async () => {
    const { value } = await geo.productTypes(CONTRACT);
    expect(value.map((p) => p.productTypeId).sort()).toEqual(['PleiadesArchiveMono', 'SPOTArchive10Color', 'SpotArchiveMono']);
    expect(value.find((p) => p.productTypeId === 'SPOTArchive10Color')).toEqual({
      productTypeId: 'SPOTArchive10Color',
      label: 'SPOT 10-m colour',
      source: 'archive',
      mission: 'SPOT',
      resolutionM: 10,
      minimumOrderAreaApplied: 20,
      quotationRequired: false,
    });
  });

  it('maps the options of the GeoAPI archive guide (constraints, mandatory, ranges, EPSG list) and the spec markets', async () => {
    const { value } = await geo.catalogue(CONTRACT, 'PleiadesArchiveMono', TOULOUSE);
    const names = value.options.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['processing_level', 'dem', 'spectral_processing', 'spectral_processing_primary', 'image_format', 'license', 'projection_1']));
    expect(value.options.find((o) => o.name === 'dem')).toMatchObject({ mandatory: 'constraint', constraint: { filter: 'processing_level:ortho', reject: false }, defaultValue: 'best_available' });
    expect(value.options.find((o) => o.name === 'elevation')).toMatchObject({ type: 'double', min: -100, max: 10000, defaultValue: null });
    const projection = value.options.find((o) => o.name === 'projection_1');
    expect(projection?.values.map((v) => v.value)).toEqual(expect.arrayContaining(['2154', '32631', '4326']));
    expect(value.deliveryTypes).toEqual([{ value: 'network', label: 'Network (FTP)' }]);
    expect(value.primaryMarkets).toHaveLength(20);
    expect(value.secondaryMarkets['AGRI']?.map((m) => m.value)).toContain('AGRI_ENV');
    expect(value.secondaryMarkets['SANTE']).toEqual([{ value: 'SANTE', label: 'SANTE' }]);
    expect(value.countries).toEqual([]);
  });

  it('searches with WKT, intervals and the APIKEY header, and maps scenes', async () => {
    const { value } = await geo.search(query({ maxCloudCover: 40, maxIncidenceAngle: 30, constellations: ['PHR'], pageSize: 10 }));
    expect(value.totalResults).toBeGreaterThan(0);
    expect(value.scenes.length).toBeGreaterThan(0);
    expect(value.scenes.length).toBeLessThanOrEqual(10);
    const dates = value.scenes.map((s) => s.acquisitionDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const s of value.scenes) {
      expect(s).toMatchObject({ constellation: 'PLEIADES', satellite: expect.stringMatching(/^PHR1[AB]$/), resolutionM: 0.5, hasQuicklook: true });
      expect(s.sourceId).toMatch(/^DS_PHR1[AB]_/);
      expect(s.cloudCover).toBeLessThanOrEqual(40);
      expect(s.incidenceAngle).toBeLessThanOrEqual(30);
      expect(s.properties['viewingAngleAcrossTrack']).toEqual(expect.any(Number));
    }
    const page2 = await geo.search(query({ constellations: ['PHR'], pageSize: 10, page: 2, maxCloudCover: 40, maxIncidenceAngle: 30 }));
    expect(page2.value.scenes.map((s) => s.id)).not.toContain(value.scenes[0]?.id);
  });

  it('maps the desk constellation ids to the guide\'s spelling: SPOT and Pléiades find their scenes, Pléiades Neo is refused in a sentence (#14)', async () => {
    const spot = await geo.search(query({ constellations: ['SPOT'], pageSize: 5 }));
    expect(spot.value.scenes.length).toBeGreaterThan(0);
    expect(spot.value.scenes.every((s) => s.constellation === 'SPOT')).toBe(true);
    expect(legacySearchBody({ ...query({ constellations: ['PHR', 'SPOT'] }), aoi: query({}).aoi })['constellation']).toEqual(['PLEIADES', 'SPOT']);
    await expect(geo.search(query({ constellations: ['PNEO'] }))).rejects.toMatchObject({ details: { field: 'constellations' }, message: expect.stringMatching(/no "PNEO" scenes/) });
  });

  it('fetches the EPSG:4326 MEDIUM quicklook with the API key', async () => {
    const scene = (await geo.search(query({ pageSize: 1 }))).value.scenes[0]!;
    const ql = await geo.quicklook(scene);
    expect(ql.contentType).toBe('image/png');
    expect([...ql.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // MEDIUM is 512 px on its longest side (PNG IHDR width/height at bytes 16..23).
    const view = new DataView(ql.bytes.buffer, ql.bytes.byteOffset);
    expect(Math.max(view.getUint32(16), view.getUint32(20))).toBe(512);
  });

  it('prices and orders with the legacy body (datastrip ids, deliveryType option pair)', async () => {
    const req = await draft('it-geo-1');
    const { value: price } = await geo.price(req);
    expect(price).toMatchObject({ currency: 'EUR', discountPercentage: 0, lines: [{ productTypeId: 'PleiadesArchiveMono' }] });
    expect(price.totalAmount).toBeGreaterThan(0);
    const before = (await geo.contracts()).value[0]!.creditRemaining!;
    const { value: order } = await geo.order(req);
    expect(order).toMatchObject({ salesOrderId: expect.stringMatching(/^SAL\d+$/), status: 'IN_PROGRESS', totalAmount: price.totalAmount });
    expect(before - (await geo.contracts()).value[0]!.creditRemaining!).toBeCloseTo(price.totalAmount, 2);
    const rec = (await acceptedOrders(sb.origin)).find((r) => r.id === order.salesOrderId);
    expect(rec?.body).toMatchObject({ items: [{ datastripIds: [req.scenes[0]!.sourceId] }], options: [{ key: 'deliveryType', value: 'network' }], customerReference: 'it-geo-1' });
  });

  it('says plainly that orders cannot be looked up by reference', async () => {
    await expect(geo.ordersByReference('it-geo-1')).rejects.toMatchObject({ code: 'ORDER_LOOKUP_UNSUPPORTED' });
    expect(geo.quotations).toBeUndefined();
  });

  it('renews an expired order-API token transparently', async () => {
    await geo.contracts();
    await admin(sb.origin, 'POST', '/clock/advance', { hours: 2 });
    await expect(geo.contracts()).resolves.toMatchObject({ value: [{ contractId: CONTRACT }] });
  });
});
