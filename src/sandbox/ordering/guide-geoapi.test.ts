import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../credentials';
import { b64, call, harness, type Harness } from '../accounts/testkit';
import { GUIDE_000_ORDER, GUIDE_001_OPTIONS, GUIDE_001_ORDER } from './guideExamples';

/** The legacy GeoAPI guides (000 short, 001 full walk-through), step by step over real HTTP. */

let h: Harness;
beforeAll(async () => {
  h = await harness({ seed: 7 });
});
afterAll(() => h.sandbox.close());

describe('the GeoAPI archive guide: Pléiades archive order of Toulouse', () => {
  let token = '';
  let contractId = '';
  let productTypeId = '';
  let headers: Record<string, string> = {};

  it('step 1: client credentials give a token', async () => {
    token = await h.geoApiToken();
    headers = { authorization: token, 'x-ads-username': b64(SANDBOX_CREDENTIALS.geoapi.username) };
    expect(token.length).toBeGreaterThan(20);
  });

  it('step 2: GET /me/contracts lists contracts with remaining credit', async () => {
    const r = await call<{ contracts: Record<string, unknown>[] }>(`${h.sandbox.baseUrls.geoapi.order}/api/v1/me/contracts`, { headers });
    expect(r.status).toBe(200);
    const c = r.body.contracts[0];
    expect(c).toMatchObject({ contractId: expect.any(String), name: expect.any(String), tradeAgreementUrl: expect.any(String), currency: 'EUR', language: expect.any(String) });
    expect(c?.['creditRemaining']).toMatch(/^\d+\.\d+$/);
    contractId = String(c?.['contractId']);
  });

  it('step 3: GET /productTypes lists the orderable products with their minimum area', async () => {
    const r = await h.geo<{ productTypes: Record<string, unknown>[] }>('GET', '/api/v1/productTypes');
    expect(r.status).toBe(200);
    const p = r.body.productTypes.find((x) => x['productTypeId'] === 'PleiadesArchiveMono');
    expect(p).toMatchObject({
      technicalProduct: { id: 'PleiadesArchiveMono', source: { id: 'archive' }, sensor: { id: 'pleiades' }, target: { id: 'mono' } },
      minimumOrderAreaApplied: 25,
      descriptionUrl: expect.any(String),
    });
    productTypeId = 'PleiadesArchiveMono';
  });

  it('step 5: POST /productTypes/{id}/options returns availableOptions for the AOI', async () => {
    const r = await h.geo<{ availableOptions: Record<string, unknown>[] }>('POST', `/api/v1/productTypes/${productTypeId}/options`, GUIDE_001_OPTIONS);
    expect(r.status).toBe(200);
    const names = r.body.availableOptions.map((o) => o['name']);
    expect(names).toEqual(expect.arrayContaining(['processing_level', 'dem', 'spectral_processing', 'spectral_processing_primary', 'image_format_primary', 'image_format', 'pixel_coding', 'radiometric_processing', 'elevation', 'area_compute_model', 'priority', 'license', 'projection_1']));
    for (const o of r.body.availableOptions) {
      expect(Object.keys(o).sort()).toEqual(['category', 'constraint', 'defaultValue', 'format', 'label', 'mandatory', 'name', 'range', 'type', 'values']);
      expect(['true', 'false', 'constraint']).toContain(o['mandatory']);
    }
    const projection = r.body.availableOptions.find((o) => o['name'] === 'projection_1') as { values: { id: string; label: string }[] };
    expect(projection.values.map((v) => v.id)).toEqual(expect.arrayContaining(['2154', '32631', '3857', '4326']));
    expect(projection.values[0]?.label).toMatch(/^\d+ /);
  });

  it('step 6: the guide\'s own /prices body is accepted and priced', async () => {
    const r = await h.geo('POST', '/api/v1/prices', GUIDE_001_ORDER(contractId, productTypeId));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ contractId, currency: 'EUR', discountPercentage: 0, discountValue: 0 });
    const line = (r.body['productTypes'] as Record<string, unknown>[])[0];
    expect(line).toMatchObject({ productTypeId, items: [{ datastripIds: ['40582651209160926432R5'] }] });
    // The Corsica AOI is a ~60 km square (~3,600 km²): Pléiades at 10 EUR/km² less the 10 % volume discount.
    expect(Number(line?.['areaKm2'])).toBeGreaterThan(3500);
    expect(Number(line?.['areaKm2'])).toBeLessThan(3700);
    expect(line?.['price']).toBeCloseTo(Number(line?.['areaKm2']) * 10, 1);
    expect(line?.['discountPercentage']).toBe(10);
    expect(r.body['totalAmount']).toBe(line?.['amount']);
    expect(r.body['totalAmountCurrency']).toBe(r.body['totalAmount']);
  });

  it('step 7: the same body sent to /orders is ordered, debited and recorded', async () => {
    const before = (await h.geo<{ contracts: { creditRemaining: string }[] }>('GET', '/api/v1/me/contracts')).body.contracts[0]?.creditRemaining;
    const body = GUIDE_001_ORDER(contractId, productTypeId);
    const price = await h.geo('POST', '/api/v1/prices', body);
    const r = await h.geo('POST', '/api/v1/orders', body);
    expect(r.status).toBe(200);
    expect(r.body['salesOrderId']).toMatch(/^SAL\d+$/);
    const after = (await h.geo<{ contracts: { creditRemaining: string }[] }>('GET', '/api/v1/me/contracts')).body.contracts[0]?.creditRemaining;
    expect(Number(before) - Number(after)).toBeCloseTo(Number(price.body['totalAmount']), 2);
    const admin = await h.admin<{ items: Record<string, unknown>[] }>('GET', '/orders');
    const rec = admin.body.items.find((i) => i['id'] === r.body['salesOrderId']);
    expect(rec).toMatchObject({ kind: 'order', provider: 'geoapi', customerReference: body.customerReference, path: '/geoapi/order/api/v1/orders', body });
  });
});

describe('the GeoAPI short guide', () => {
  it('accepts its body as written (Polygon as a bare ring) and prices SPOT 10 m at the documented 200 EUR minimum', async () => {
    const contractId = String((await h.geo<{ contracts: { contractId: string }[] }>('GET', '/api/v1/me/contracts')).body.contracts[0]?.contractId);
    // A tiny AOI falls under the 20 km² minimum: exactly the guide's response.
    const tiny = GUIDE_000_ORDER(contractId);
    tiny.aoi[0]!.geometry.coordinates = [[9, 42], [9.01, 42], [9.01, 42.01], [9, 42.01], [9, 42]];
    const p = await h.geo('POST', '/api/v1/prices', tiny);
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ contractId, currency: 'EUR', totalAmount: 200, productTypes: [{ amount: 200, areaKm2: 20, price: 200, productTypeId: 'SPOTArchive10Color' }] });
    const full = await h.geo('POST', '/api/v1/prices', GUIDE_000_ORDER(contractId));
    expect(full.status).toBe(200);
    const o = await h.geo('POST', '/api/v1/orders', GUIDE_000_ORDER(contractId));
    expect(o).toMatchObject({ status: 200, body: { salesOrderId: expect.stringMatching(/^SAL/) } });
  });
});
