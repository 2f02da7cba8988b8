import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, squareAoi, type Harness } from './accounts/testkit';
import { legacyOrder } from './ordering/guideExamples';
import { workspaceItems } from './search/workspace';
import { LEGACY, onePlanOrder } from './tasking/fixtures';

type Json = Record<string, unknown>;

/** Across modules: an archive scene found by search, ordered, then found in "My Data" once delivered. */
let h: Harness;
beforeAll(async () => (h = await harness({ seed: 11 })));
afterAll(() => h.sandbox.close());

async function search(body: Json): Promise<{ features: { properties: Json }[] }> {
  const token = await h.oneAtlasToken();
  const res = await fetch(`${h.sandbox.baseUrls.oneatlas.search}/api/v2/opensearch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { features: { properties: Json }[] };
}

describe('archive order delivery into the workspace', () => {
  it('delivers the ordered scene into My Data once the simulated delivery time has passed', async () => {
    const aoi = squareAoi(1.44, 43.6, 8);
    const found = await search({ geometry: aoi, constellation: 'PHR', itemsPerPage: 5, startPage: 1 });
    const scene = found.features[0]?.properties;
    expect(scene, 'the seeded catalogue has Pléiades scenes over Toulouse').toBeDefined();
    const order = legacyOrder('ws-delivery-1');
    (order['items'] as Json[])[0]!['datastripIds'] = [scene!['sourceIdentifier']];
    const placed = await h.oa('POST', '/api/v1/orders', order);
    expect(placed.status).toBe(201);

    const meRes = await fetch(`${h.sandbox.baseUrls.oneatlas.data}/api/v1/me`, { headers: { Authorization: `Bearer ${await h.oneAtlasToken()}` } });
    const me = (await meRes.json()) as { contract?: { workspaceId?: string } };
    const ws = String(me.contract?.workspaceId ?? '');
    expect(ws).not.toBe('');
    expect((await search({ workspace: ws, itemsPerPage: 10, startPage: 1 })).features).toHaveLength(0);

    await h.admin('POST', '/clock/advance', { hours: 7 });
    const mine = await search({ workspace: ws, itemsPerPage: 10, startPage: 1, customerReference: 'ws-delivery-1' });
    expect(mine.features).toHaveLength(1);
    expect(mine.features[0]!.properties).toMatchObject({ sourceIdentifier: scene!['sourceIdentifier'], customerReference: 'ws-delivery-1' });
    // Reading again does not deliver twice.
    expect((await search({ workspace: ws, itemsPerPage: 10, startPage: 1 })).features).toHaveLength(1);
  });
});

describe('tasking delivery into the workspace', () => {
  it('delivers a validated OnePlan acquisition once, with the tasking reference, footprint, date and mission', async () => {
    const now = h.sandbox.state.now();
    const order = onePlanOrder(`${now.toISOString()} ${new Date(now.getTime() + 30 * 86_400_000).toISOString()}`);
    order.customerReference = 'ws-tasking-1';
    // Any cloud cover is good enough: the first acquisition is validated and fulfils the tasking.
    for (const p of order.items[0]!.properties) if (p.key === 'maxCloudCover' || p.key === 'notificationThreshold') p.value = 100;
    const placed = await h.oa<Json>('POST', '/api/v1/orders', order);
    expect(placed.status).toBe(201);
    const listed = await h.oa<{ taskings: { icr: { id: string; mission: string } }[] }>('GET', `/api/v1/contracts/${LEGACY}/taskings?customerRef=ws-tasking-1`);
    const icr = listed.body.taskings[0]!.icr;
    expect(icr.mission).toBe('SPOT');
    expect((await search({ workspace: 'sandbox-workspace', customerReference: 'ws-tasking-1' })).features).toHaveLength(0);

    await h.admin('POST', '/clock/advance', { days: 31 });
    const segments = await h.oa<{ segments: { status: string; asDetail1: { catalogId: string; acquisitionDate: string; footprint: { coordinates: number[][][] } } }[] }>(
      'GET',
      `/api/v1/contracts/${LEGACY}/taskings/${icr.id}/segments`,
    );
    const validated = segments.body.segments.filter((s) => s.status === 'Validated');
    expect(validated).toHaveLength(1);
    const segment = validated[0]!.asDetail1;

    const mine = (await search({ workspace: 'sandbox-workspace', customerReference: 'ws-tasking-1' })).features as {
      properties: Json;
      geometry: { coordinates: number[][][] };
      _links: { download: { href: string }[]; quicklook: { href: string } };
    }[];
    expect(mine).toHaveLength(1);
    const product = mine[0]!;
    expect(product.properties).toMatchObject({ customerReference: 'ws-tasking-1', constellation: 'SPOT', sourceIdentifier: segment.catalogId, processingLevel: 'ORTHO' });
    expect(['SPOT6', 'SPOT7']).toContain(product.properties['platform']);
    expect(Date.parse(String(product.properties['acquisitionDate']))).toBe(Date.parse(segment.acquisitionDate));
    // The segment's footprint (the ring may be written the other way round, and is rounded there).
    const ring = product.geometry.coordinates[0]!;
    const segmentRing = segment.footprint.coordinates[0]!;
    expect(ring).toHaveLength(segmentRing.length);
    for (const p of segmentRing) expect(ring.some((q) => Math.abs(q[0]! - p[0]!) < 1e-5 && Math.abs(q[1]! - p[1]!) < 1e-5)).toBe(true);
    // Linked to its order and tasking; found by internalReference too; delivered once only.
    const item = workspaceItems(h.sandbox.state).find((i) => i.id === product.properties['id']);
    expect(item?.extra).toMatchObject({ internalReference: placed.body['salesOrderId'], taskingId: icr.id });
    expect((await search({ workspace: 'sandbox-workspace', internalReference: placed.body['salesOrderId'] })).features).toHaveLength(1);
    // Its file downloads like an archive product's, and it has a quicklook.
    const auth = { Authorization: `Bearer ${await h.oneAtlasToken()}` };
    const file = await fetch(product._links.download[0]!.href, { method: 'HEAD', headers: auth });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${segment.catalogId}.tif"`);
    const quicklook = await fetch(product._links.quicklook.href, { headers: auth });
    expect(quicklook.status).toBe(200);
    expect(quicklook.headers.get('content-type')).toBe('image/png');
    await h.admin('POST', '/clock/advance', { days: 1 });
    expect((await search({ workspace: 'sandbox-workspace', customerReference: 'ws-tasking-1' })).features).toHaveLength(1);
  });
});
