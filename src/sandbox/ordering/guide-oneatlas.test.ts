import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, harness, squareAoi, type Harness } from '../accounts/testkit';
import { ONEATLAS_NEO_ARCHIVE_ORDER, legacyOrder } from './guideExamples';

/** The OneAtlas archive guide (pay-per-order archive; see docs/ARCHITECTURE.md §9), step by step over real HTTP. */

let h: Harness;
beforeAll(async () => {
  h = await harness({ seed: 11 });
});
afterAll(() => h.sandbox.close());

type Json = Record<string, unknown>;
const LEGACY = 'CTR-SANDBOX-LEGACY';
const NEO = 'CTR-SANDBOX-NEO';

describe('the OneAtlas archive guide: pay-per-order archive', () => {
  it('0.1: contracts carry backendSource legacy and neo', async () => {
    const r = await h.oa<{ contracts: Json[] }>('GET', '/api/v1/contracts');
    expect(r.status).toBe(200);
    expect(r.body.contracts.map((c) => c['backendSource'])).toEqual(expect.arrayContaining(['legacy', 'neo']));
    for (const c of r.body.contracts) {
      expect(c).toMatchObject({ contractId: expect.any(String), customerId: expect.any(String), creditRemaining: expect.stringMatching(/^\d/), currency: 'EUR', contractType: 'ONEATLASDATA' });
    }
  });

  it('0.2: the workspace comes from /me (data host), and from the contract delivery for Pléiades Neo', async () => {
    const me = await call(`${h.sandbox.baseUrls.oneatlas.data}/api/v1/me`, { headers: { authorization: `Bearer ${await h.oneAtlasToken()}` } });
    expect(me.status).toBe(200);
    const ws = (me.body['contract'] as Json)['workspaceId'];
    expect(ws).toEqual(expect.any(String));
    const neo = (await h.oa<{ contracts: Json[] }>('GET', '/api/v1/contracts')).body.contracts.find((c) => c['contractId'] === NEO);
    expect(neo?.['delivery']).toEqual([{ deliveryPlatformId: 'PublicMOC', deliveryWorkspace: ws }]);
  });

  it('0.3: product types per contract: SPOT/Pléiades on legacy, Pléiades Neo on neo', async () => {
    const legacy = await h.oa<{ productTypes: Json[] }>('GET', `/api/v1/contracts/${LEGACY}/productTypes`);
    const ids = legacy.body.productTypes.map((p) => p['productTypeId']);
    expect(ids).toEqual(expect.arrayContaining(['SpotArchiveMono', 'PleiadesArchiveMono', 'PleiadesTaskingOneDay', 'SpotTaskingOneDay']));
    expect(legacy.body.productTypes.find((p) => p['productTypeId'] === 'SpotTaskingOneDay')?.['minimumOrderAreaApplied']).toBe(500);
    const neo = await h.oa<{ productTypes: Json[] }>('GET', `/api/v1/contracts/${NEO}/productTypes`);
    expect(neo.body.productTypes.every((p) => (p['technicalProduct'] as { sensor: { id: string } }).sensor.id === 'pleiadesneo')).toBe(true);
  });

  it('0.4, 0.5, 0.7: markets, delivery types and country labels', async () => {
    const m = await h.oa<{ markets: { id: string; secondaryMarket: { id: string }[] }[] }>('GET', `/api/v1/${LEGACY}/properties`);
    // A market with sub-markets offers those (AGRI_ENV …), one without offers itself (GENIE, as the guide shows).
    expect(m.body.markets.find((x) => x.id === 'AGRI')?.secondaryMarket.map((s) => s.id)).toEqual(expect.arrayContaining(['AGRI_ENV', 'AGRI_PREC']));
    expect(m.body.markets.find((x) => x.id === 'GENIE')?.secondaryMarket.map((s) => s.id)).toEqual(['GENIE']);
    const d1 = await h.oa('GET', `/api/v1/contracts/${LEGACY}/deliveryTypes`);
    const d2 = await h.oa('GET', `/api/v1/${LEGACY}/deliveryTypes`);
    expect(d1.body).toEqual({ deliveryTypes: [{ deliveryTypeId: 'network', label: 'FTP + My Data' }, { deliveryTypeId: 'MEDIA', label: 'MEDIA' }] });
    expect(d2.body).toEqual(d1.body);
    const c = await h.oa<{ countries: { id: string; label: string }[] }>('GET', '/api/v1/properties');
    expect(c.body.countries).toContainEqual({ id: 'FR', label: 'France' });
  });

  it('0.6: production options for the contract and AOI', async () => {
    const r = await h.oa<{ availableOptions: Json[] }>('POST', `/api/v1/contracts/${NEO}/productTypes/PleiadesNeoArchiveMono/options`, {
      aoi: [{ polygonId: 1, geometry: squareAoi(1.45, 43.58, 3) }],
    });
    expect(r.status).toBe(200);
    const spectral = r.body.availableOptions.find((o) => o['name'] === 'spectral_processing') as { values: { id: string }[] };
    expect(spectral.values.map((v) => v.id)).toContain('full_bundle');
    expect(r.body.availableOptions.find((o) => o['name'] === 'projection_1')).toMatchObject({ defaultValue: '32631', constraint: { reject: true, filter: 'processing_level:primary' } });
  });

  let quotationId = '';
  it('3: /prices prices the AOI with the product minimum applied', async () => {
    const big = await h.oa('POST', '/api/v1/prices', legacyOrder('price-1'));
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ contractId: LEGACY, currency: 'EUR', discountPercentage: 0, discountValue: 0 });
    const line = (big.body['productTypes'] as Json[])[0];
    expect(line?.['areaKm2']).toBeGreaterThan(63);
    expect(line?.['areaKm2']).toBeLessThan(65);
    const tiny = legacyOrder('price-2', { aoi: [{ id: 1, name: 'tiny', geometry: squareAoi(1.44, 43.6, 1) }] });
    expect((await h.oa('POST', '/api/v1/prices', tiny)).body).toMatchObject({ totalAmount: 250, productTypes: [{ areaKm2: 25, price: 250 }] });
  });

  it('4: /quotations quotes Pléiades Neo (the spec example body)', async () => {
    const r = await h.oa('POST', '/api/v1/quotations', ONEATLAS_NEO_ARCHIVE_ORDER(NEO, 'c0a8e1f2-1111-4222-8333-944455556666'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ quotationId: expect.stringMatching(/^QUO\d+$/), currency: 'EUR', discountPercentage: 0, totalAmount: expect.any(Number) });
    quotationId = String(r.body['quotationId']);
  });

  it('5: /orders on a legacy contract returns a salesOrderId; on neo a quotationId too', async () => {
    const legacy = await h.oa('POST', '/api/v1/orders', legacyOrder('guide-002-order'));
    expect(legacy.status).toBe(201);
    expect(legacy.body).toMatchObject({ salesOrderId: expect.stringMatching(/^SAL/), currency: 'EUR', totalAmount: expect.any(Number) });
    const neo = await h.oa('POST', '/api/v1/orders', ONEATLAS_NEO_ARCHIVE_ORDER(NEO, 'c0a8e1f2-1111-4222-8333-944455557777'));
    expect(neo.body).toMatchObject({ quotationId: expect.stringMatching(/^QUO/), salesOrderId: expect.stringMatching(/^SAL/) });
  });

  it('track: /api/v2/orders/search with the documented criteria, status moving with the clock', async () => {
    const q = { paging: { itemsPerPage: 25, startIndex: 0, pagingMode: 'item' }, criteria: { q: `(contractId:${LEGACY}) AND (status:IN_PROGRESS) AND (technicalProduct.source.id:archive) AND (customerReference:*guide-002*)` } };
    const r = await h.oa<{ paging: Json; features: Json[] }>('POST', '/api/v2/orders/search', q);
    expect(r.status).toBe(200);
    expect(r.body.paging).toMatchObject({ itemsPerPage: 25, startIndex: 0, totalResults: 1 });
    expect(r.body.features[0]).toMatchObject({ customerReference: 'guide-002-order', productType: 'PleiadesArchiveMono', status: 'IN_PROGRESS', projectionCode: '2154', orderMinimumApplied: false });
    await h.admin('POST', '/clock/advance', { hours: 7 });
    const later = await h.oa<{ features: Json[] }>('POST', '/api/v2/orders/search', { ...q, criteria: { q: '(customerReference:guide-002-order)' } });
    expect(later.body.features[0]).toMatchObject({ status: 'DELIVERED' });
  });

  it('quotations: search SENT, export a real PDF, accept', async () => {
    const sent = await h.oa<{ features: Json[] }>('POST', '/api/v2/orders/search', { paging: { itemsPerPage: 10, startIndex: 0 }, criteria: { q: `(quotationStatus:SENT) AND (cis.quotation:${quotationId})` } });
    expect(sent.body.features).toHaveLength(1);
    const pdf = await fetch(`${h.sandbox.baseUrls.oneatlas.order}/api/v1/quotations/${quotationId}/export`, { headers: { authorization: `Bearer ${await h.oneAtlasToken()}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain(quotationId);
    expect(text).toContain('PleiadesNeoArchiveMono');
    // Every xref offset points at its "n 0 obj" header, and startxref at the table.
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((off, i) => expect(text.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));

    const credit = async () => Number((await h.oa<{ contracts: Json[] }>('GET', '/api/v1/contracts')).body.contracts.find((c) => c['contractId'] === NEO)?.['creditRemaining']);
    const before = await credit();
    const ok = await h.oa('PUT', `/api/v1/contracts/${NEO}/quotations/${quotationId}/accept`);
    expect(ok).toMatchObject({ status: 200, body: { quotationId, quotationStatus: 'ACCEPTED', salesOrderId: expect.stringMatching(/^SAL/) } });
    expect(before - (await credit())).toBeGreaterThan(0);
    expect((await h.oa('PUT', `/api/v1/contracts/${NEO}/quotations/${quotationId}/accept`)).status).toBe(409);
  });

  it('quotations: refuse with a documented reason', async () => {
    const q = await h.oa('POST', '/api/v1/quotations', ONEATLAS_NEO_ARCHIVE_ORDER(NEO, 'c0a8e1f2-1111-4222-8333-944455558888'));
    const id = String(q.body['quotationId']);
    const r = await h.oa('PUT', `/api/v1/contracts/${NEO}/quotations/${id}/refuse`, { rejectionReasonId: 3 });
    expect(r).toMatchObject({ status: 200, body: { quotationId: id, quotationStatus: 'REFUSED', rejectionReasonId: 3 } });
  });
});
