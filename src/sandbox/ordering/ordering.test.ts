import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, harness, squareAoi, type Harness } from '../accounts/testkit';
import { GUIDE_001_ORDER, ONEATLAS_NEO_ARCHIVE_ORDER, legacyOrder } from './guideExamples';

/** One negative test per ordering rule: provider status, and a message naming the field. */

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
beforeEach(async () => {
  await h.admin('POST', '/reset');
});
afterAll(() => h.sandbox.close());

type Json = Record<string, unknown>;
const NEO = 'CTR-SANDBOX-NEO';
const withOptions = (drop: string[], patch: Record<string, string> = {}) => {
  const body = legacyOrder('neg');
  const opt = (body['optionsPerProductType'] as { options: { key: string; value: string }[] }[])[0]!;
  opt.options = opt.options.filter((o) => !drop.includes(o.key)).map((o) => (o.key in patch ? { ...o, value: patch[o.key]! } : o));
  return body;
};
async function refused(path: string, body: unknown, status: number, field: string | RegExp) {
  const r = await h.oa('POST', path, body);
  expect(r.status).toBe(status);
  expect(r.body['field']).toMatch(field);
  expect(String(r.body['message'])).toEqual(expect.any(String));
  return r;
}
const accepted = async () => (await h.admin<{ items: unknown[] }>('GET', '/orders')).body.items.length;

describe('OneAtlas order validation', () => {
  it('refuses a missing mandatory option, naming it', async () => {
    const r = await refused('/api/v1/orders', withOptions(['pixel_coding']), 400, 'optionsPerProductType[0].options.pixel_coding');
    expect(r.body['message']).toMatch(/pixel_coding/);
    await refused('/api/v1/orders', withOptions(['projection_1']), 400, /projection_1$/);
    // ...but a primary product needs neither projection nor DEM.
    expect((await h.oa('POST', '/api/v1/orders', withOptions(['projection_1', 'dem_1'], { processing_level: 'primary' }))).status).toBe(201);
  });
  it('refuses a value outside the list and a projection that does not cover the AOI', async () => {
    await refused('/api/v1/orders', withOptions([], { image_format: 'png' }), 400, /image_format$/);
    await refused('/api/v1/orders', withOptions([], { projection_1: '27700' }), 400, /projection_1$/);
  });
  it('refuses a wrong or missing market', async () => {
    await refused('/api/v1/orders', legacyOrder('m', { primaryMarket: 'NOPE' }), 400, 'primaryMarket');
    await refused('/api/v1/orders', legacyOrder('m', { primaryMarket: undefined }), 400, 'primaryMarket');
    await refused('/api/v1/orders', legacyOrder('m', { secondaryMarket: 'FORET_INV' }), 400, 'secondaryMarket');
  });
  it('refuses an unknown contract with the documented 404', async () => {
    const r = await refused('/api/v1/orders', legacyOrder('c', { contractId: 'CTR-NOPE' }), 404, 'contractId');
    expect(r.body).toMatchObject({ errorCode: 'E2203', message: "CIS contract 'CTR-NOPE' not found." });
    expect((await h.oa('GET', '/api/v1/contracts/CTR-NOPE/productTypes')).status).toBe(404);
  });
  it('refuses a product of the other back end, saying which contract takes it', async () => {
    const body = legacyOrder('b');
    (body['items'] as Json[])[0]!['productTypeId'] = 'PleiadesNeoArchiveMono';
    const r = await refused('/api/v1/prices', body, 400, 'items[0].productTypeId');
    expect(r.body['message']).toMatch(/neo/);
  });
  it('refuses items without a scene, with a scene of another mission, or on an unknown AOI', async () => {
    const noScene = legacyOrder('s');
    (noScene['items'] as Json[])[0]!['datastripIds'] = [];
    await refused('/api/v1/orders', noScene, 400, 'items[0].datastripIds');
    const spot = legacyOrder('s');
    (spot['items'] as Json[])[0]!['datastripIds'] = ['DS_SPOT7_202301011030001_FR1_FR1_SV1_SV1_E001N43_01709'];
    await refused('/api/v1/orders', spot, 400, 'items[0].datastripIds[0]');
    const aoi = legacyOrder('s');
    (aoi['items'] as Json[])[0]!['aoiId'] = 9;
    await refused('/api/v1/orders', aoi, 400, 'items[0].aoiId');
  });
  it('needs customerReference, endUsers and an accessible workspace to order archive', async () => {
    await refused('/api/v1/orders', legacyOrder('x', { customerReference: undefined }), 400, 'customerReference');
    await refused('/api/v1/orders', legacyOrder('x', { endUsers: [{ country: 'XX' }] }), 400, 'endUsers[0].country');
    const r = await refused('/api/v1/orders', legacyOrder('x', { delivery: { type: 'network', workspace: 'someone-elses' } }), 400, 'delivery.workspace');
    expect(r.body['errorCode']).toBe('E2203');
  });
  it('refuses a OneDay tasking item without its segmentKey', async () => {
    const body = legacyOrder('t', { items: [{ productTypeId: 'PleiadesTaskingOneDay', aoiId: 1 }], aoi: [{ id: 1, geometry: squareAoi(1.44, 43.6, 12) }] });
    (body['optionsPerProductType'] as Json[])[0]!['productTypeId'] = 'PleiadesTaskingOneDay';
    await refused('/api/v1/prices', body, 400, 'items[0].segmentKey');
  });
  it('refuses an order larger than the remaining credit, and records nothing', async () => {
    const r = await refused('/api/v1/orders', legacyOrder('big', { contractId: 'CTR-SANDBOX-TRIAL' }), 400, 'contractId');
    expect(r.body['errorCode']).toBe('E2301');
    expect(await accepted()).toBe(0);
  });
  it('answers 400 for malformed JSON and non-object bodies', async () => {
    const url = `${h.sandbox.baseUrls.oneatlas.order}/api/v1/orders`;
    const headers = { authorization: `Bearer ${await h.oneAtlasToken()}`, 'content-type': 'application/json' };
    const bad = await call(url, { method: 'POST', headers, body: '{"aoi": [' });
    expect(bad).toMatchObject({ status: 400, body: { field: 'body' } });
    expect((await call(url, { method: 'POST', headers, body: '[1,2]' })).status).toBe(400);
    expect((await call(url, { method: 'POST', headers: { authorization: headers.authorization } })).status).toBe(400);
  });
  it('quotes Pléiades Neo only', async () => {
    await refused('/api/v1/quotations', legacyOrder('q'), 400, 'items[0].productTypeId');
  });
});

describe('quotation rules', () => {
  const quote = async () => String((await h.oa('POST', '/api/v1/quotations', ONEATLAS_NEO_ARCHIVE_ORDER(NEO, 'aaaaaaaa-1111-4222-8333-944455556666'))).body['quotationId']);
  it.each([0, 8, 2.5, '3', null])('refuses rejectionReasonId %s', async (reason) => {
    const id = await quote();
    const r = await h.oa('PUT', `/api/v1/contracts/${NEO}/quotations/${id}/refuse`, { rejectionReasonId: reason });
    expect(r).toMatchObject({ status: 400, body: { field: 'rejectionReasonId' } });
  });
  it('accepts every documented reason 1-7', async () => {
    for (let reason = 1; reason <= 7; reason++) {
      const id = await quote();
      expect((await h.oa('PUT', `/api/v1/contracts/${NEO}/quotations/${id}/refuse`, { rejectionReasonId: reason })).status).toBe(200);
    }
  });
  it('lets a quotation expire after its validity, and 404s unknown or foreign quotations', async () => {
    const id = await quote();
    await h.admin('POST', '/clock/advance', { days: 8 });
    const r = await h.oa('PUT', `/api/v1/contracts/${NEO}/quotations/${id}/accept`);
    expect(r.status).toBe(409);
    expect(r.body['message']).toMatch(/EXPIRED/);
    expect((await h.oa('PUT', `/api/v1/contracts/CTR-SANDBOX-LEGACY/quotations/${id}/accept`)).status).toBe(404);
    expect((await h.oa('GET', '/api/v1/quotations/QUO000/export')).status).toBe(404);
  });
});

describe('order search rules', () => {
  it('needs paging and criteria, and a query it understands', async () => {
    await refused('/api/v2/orders/search', { criteria: { q: '' } }, 400, 'paging');
    await refused('/api/v2/orders/search', { paging: { itemsPerPage: 10 } }, 400, 'criteria');
    await refused('/api/v2/orders/search', { paging: {}, criteria: { q: 'a OR b' } }, 400, 'criteria.q');
    await refused('/api/v2/orders/search', { paging: { itemsPerPage: 0 }, criteria: {} }, 400, 'paging.itemsPerPage');
  });
  it('finds orders by customerReference, to reconcile an ambiguous failure', async () => {
    await h.oa('POST', '/api/v1/orders', legacyOrder('desk-7f3a'));
    await h.oa('POST', '/api/v1/orders', legacyOrder('other'));
    const r = await h.oa<{ features: Json[] }>('POST', '/api/v2/orders/search', { paging: { itemsPerPage: 10, startIndex: 0 }, criteria: { q: '(customerReference:desk-7f3a)' } });
    expect(r.body.features.map((f) => f['customerReference'])).toEqual(['desk-7f3a']);
  });
});

describe('GeoAPI legacy rules', () => {
  const contract = 'SANDBOX-GEOAPI';
  it('needs the deliveryType pair and processing_level to order', async () => {
    const noDelivery = { ...GUIDE_001_ORDER(contract, 'PleiadesArchiveMono'), options: [] };
    expect((await h.geo('POST', '/api/v1/orders', noDelivery)).body).toMatchObject({ status: 400, error: 'Bad Request', field: 'options' });
    const noLevel = GUIDE_001_ORDER(contract, 'PleiadesArchiveMono');
    noLevel.optionsPerProductType[0]!.options = noLevel.optionsPerProductType[0]!.options.filter((o) => o.key !== 'processing_level');
    const r = await h.geo('POST', '/api/v1/prices', noLevel);
    expect(r).toMatchObject({ status: 400, body: { field: 'optionsPerProductType[0].options.processing_level' } });
  });
  it('honours known vouchers and refuses unknown ones', async () => {
    const plain = await h.geo('POST', '/api/v1/prices', GUIDE_001_ORDER(contract, 'PleiadesArchiveMono'));
    const voucher = await h.geo('POST', '/api/v1/prices', { ...GUIDE_001_ORDER(contract, 'PleiadesArchiveMono'), voucherCodes: ['SANDBOX-10'] });
    expect(voucher.body['discountPercentage']).toBe(10);
    expect(Number(voucher.body['totalAmount'])).toBeCloseTo(Number(plain.body['totalAmount']) * 0.9, 1);
    const bad = await h.geo('POST', '/api/v1/prices', { ...GUIDE_001_ORDER(contract, 'PleiadesArchiveMono'), voucherCodes: ['FREE'] });
    expect(bad).toMatchObject({ status: 400, body: { field: 'voucherCodes[0]' } });
  });
  it('refuses an unknown contract and an unknown product type', async () => {
    expect((await h.geo('POST', '/api/v1/prices', GUIDE_001_ORDER('nope', 'PleiadesArchiveMono'))).status).toBe(404);
    const r = await h.geo('POST', '/api/v1/prices', GUIDE_001_ORDER(contract, 'DMCArchive22'));
    expect(r).toMatchObject({ status: 400, body: { field: 'items[0].productTypeId' } });
    expect((await h.geo('POST', '/api/v1/productTypes/DMCArchive22/options', {})).status).toBe(404);
  });
});
