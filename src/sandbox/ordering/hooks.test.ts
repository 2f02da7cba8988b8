import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../accounts/testkit';
import type { Lonlat } from '../geo/sphere';
import { onOrderCommitted, registerOrderHooks } from './hooks';
import { legacyOrder } from './guideExamples';

/** The extension points the search and tasking modules plug into (this file's fakes stand in for them). */

let h: Harness;
const committed: string[] = [];
beforeAll(async () => {
  // Replaces the catalogue link for this test file only (each test file runs in its own process).
  registerOrderHooks({
    findScene: (id) => {
      if (id !== 'DS_PHR1A_202401011030001_FR1_PX_E001N43_0001_00001') return undefined;
      // Covers the western half of legacyOrder's 8 km Toulouse square.
      const ring: Lonlat[] = [[1.3, 43.5], [1.44, 43.5], [1.44, 43.7], [1.3, 43.7], [1.3, 43.5]];
      return { mission: 'PLEIADES', footprint: [[ring]] };
    },
  });
  registerOrderHooks({ priceTaskingItem: () => ({ requestedAreaKm2: 10, priceAreaKm2: 500, minimumApplied: true, price: 1234 }) });
  onOrderCommitted((record) => committed.push(record.id));
  h = await harness();
});
afterAll(() => h.sandbox.close());

const withScene = (id: string) => {
  const body = legacyOrder('hook');
  (body['items'] as Record<string, unknown>[])[0]!['datastripIds'] = [id];
  return body;
};

describe('order hooks', () => {
  it('prices a known scene on the AOI clipped to its footprint', async () => {
    const whole = await h.oa<{ productTypes: { areaKm2: number }[] }>('POST', '/api/v1/prices', withScene('DS_PHR1A_209901011030001_FR1_PX_E001N43_0001_00009'));
    const clipped = await h.oa<{ productTypes: { areaKm2: number }[] }>('POST', '/api/v1/prices', withScene('DS_PHR1A_202401011030001_FR1_PX_E001N43_0001_00001'));
    expect(clipped.body.productTypes[0]!.areaKm2).toBeCloseTo(whole.body.productTypes[0]!.areaKm2 / 2, 0);
  });
  it('refuses a scene of another mission for the product', async () => {
    const body = withScene('DS_PHR1A_202401011030001_FR1_PX_E001N43_0001_00001');
    body['contractId'] = 'CTR-SANDBOX-LEGACY';
    (body['items'] as Record<string, unknown>[])[0]!['productTypeId'] = 'SpotArchiveMono';
    (body['optionsPerProductType'] as Record<string, unknown>[])[0]!['productTypeId'] = 'SpotArchiveMono';
    const r = await h.oa('POST', '/api/v1/prices', body);
    expect(r).toMatchObject({ status: 400, body: { field: 'items[0].datastripIds[0]' } });
  });
  it('delegates tasking item prices to the tasking module', async () => {
    const body = legacyOrder('plan', { items: [{ productTypeId: 'SpotTaskingOnePlan', aoiId: 1, properties: [{ key: 'acquisitionMode', value: 'MONO' }] }] });
    const opts = (body['optionsPerProductType'] as { productTypeId: string; options: { key: string }[] }[])[0]!;
    opts.productTypeId = 'SpotTaskingOnePlan';
    opts.options = opts.options.filter((o) => o.key !== 'priority');
    const r = await h.oa('POST', '/api/v1/prices', body);
    expect(r).toMatchObject({ status: 200, body: { totalAmount: 1234, productTypes: [{ productTypeId: 'SpotTaskingOnePlan', areaKm2: 500, price: 1234 }] } });
  });
  it('tells listeners about committed orders', async () => {
    const r = await h.oa('POST', '/api/v1/orders', legacyOrder('listener'));
    expect(committed).toContain(r.body['salesOrderId']);
  });
});
