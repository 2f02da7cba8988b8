import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, squareAoi, type Harness } from './accounts/testkit';
import { legacyOrder } from './ordering/guideExamples';

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
