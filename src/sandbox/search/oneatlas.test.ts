import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShape, relates } from '../geo/shapes';
import type { SandboxServer } from '../server';
import { call, oneAtlasToken, postJson, sandbox, TOULOUSE, YEAR_2023, type Json } from './testing';
import { deliverToWorkspace } from './workspace';

let sb: SandboxServer;
let other: SandboxServer;
let auth: Record<string, string>;
let url: string;
const search = (body: unknown) => postJson(url, body, auth);

beforeAll(async () => {
  sb = await sandbox(42);
  other = await sandbox(7);
  auth = { Authorization: `Bearer ${await oneAtlasToken(sb)}` };
  url = `${sb.baseUrls.oneatlas.search}/api/v2/opensearch`;
});
afterAll(async () => {
  await sb.close();
  await other.close();
});

const ids = (r: { body: Json }) => (r.body.features as Json[]).map((f) => f.properties.id as string);

describe('OneAtlas opensearch v2 (guide step 2: browse archives)', () => {
  it('answers the documented FeatureCollection with the documented properties and links', async () => {
    const r = await search({ itemsPerPage: 10, startPage: 1, acquisitionDate: YEAR_2023, cloudCover: '[0,80]', incidenceAngle: '[0,40]', geometry: TOULOUSE });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ error: false, type: 'FeatureCollection', itemsPerPage: 10, startIndex: 0 });
    expect(r.body.totalResults).toBeGreaterThan(5);
    const f = r.body.features[0];
    expect(f.type).toBe('Feature');
    expect(f.geometry.type).toBe('Polygon');
    for (const key of ['acquisitionDate', 'azimuthAngle', 'cloudCover', 'constellation', 'id', 'illuminationAzimuthAngle', 'illuminationElevationAngle', 'incidenceAngle', 'incidenceAngleAcrossTrack', 'incidenceAngleAlongTrack', 'parentIdentifier', 'platform', 'processingLevel', 'productType', 'publicationDate', 'resolution', 'sensorType', 'snowCover', 'sourceIdentifier', 'workspaceName']) {
      expect(f.properties, key).toHaveProperty(key);
    }
    expect(f._links.quicklook.href).toBe(`${sb.baseUrls.oneatlas.data}/api/v1/items/${f.properties.id}/quicklook`);
    expect(f._links.thumbnail.href).toContain(sb.origin);
    // newest first by default
    const dates = (r.body.features as Json[]).map((x) => x.properties.acquisitionDate as string);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('returns footprints that intersect the AOI', async () => {
    const r = await search({ itemsPerPage: 500, acquisitionDate: YEAR_2023, geometry: TOULOUSE });
    const aoi = parseShape(TOULOUSE);
    for (const f of r.body.features as Json[]) expect(relates(f.geometry.coordinates[0], aoi, 'intersects')).toBe(true);
  });

  it('is deterministic, and another seed gives another archive', async () => {
    const body = { itemsPerPage: 50, acquisitionDate: YEAR_2023, geometry: TOULOUSE };
    const a = await search(body);
    const b = await search(body);
    expect(ids(b)).toEqual(ids(a));
    const otherAuth = { Authorization: `Bearer ${await oneAtlasToken(other)}` };
    const c = await postJson(`${other.baseUrls.oneatlas.search}/api/v2/opensearch`, body, otherAuth);
    expect(ids(c).filter((id) => ids(a).includes(id))).toEqual([]);
  });

  it('pages with itemsPerPage/startPage and a stable totalResults', async () => {
    const all = await search({ itemsPerPage: 500, acquisitionDate: YEAR_2023, geometry: TOULOUSE });
    const p1 = await search({ itemsPerPage: 5, startPage: 1, acquisitionDate: YEAR_2023, geometry: TOULOUSE });
    const p2 = await search({ itemsPerPage: 5, startPage: 2, acquisitionDate: YEAR_2023, geometry: TOULOUSE });
    expect(p2.body.startIndex).toBe(5);
    expect(p1.body.totalResults).toBe(all.body.totalResults);
    expect([...ids(p1), ...ids(p2)]).toEqual(ids(all).slice(0, 10));
    const beyond = await search({ itemsPerPage: 5, startPage: 1000, acquisitionDate: YEAR_2023, geometry: TOULOUSE });
    expect(beyond.body.features).toEqual([]);
  });

  it('filters by cloud cover, incidence, date interval and constellation', async () => {
    const base = { itemsPerPage: 500, acquisitionDate: YEAR_2023, geometry: TOULOUSE };
    const clear = await search({ ...base, cloudCover: '[0,10]' });
    expect(clear.body.features.length).toBeGreaterThan(0);
    for (const f of clear.body.features as Json[]) expect(f.properties.cloudCover).toBeLessThanOrEqual(10);
    const steep = await search({ ...base, incidenceAngle: ']20,90]' });
    for (const f of steep.body.features as Json[]) expect(f.properties.incidenceAngle).toBeGreaterThan(20);
    const neo = await search({ ...base, constellation: 'PNEO' });
    expect(neo.body.features.length).toBeGreaterThan(0);
    for (const f of neo.body.features as Json[]) expect(f.properties).toMatchObject({ constellation: 'PNEO', processingLevel: 'ALBUM', workspaceName: 'public-pneo' });
    const q1 = await search({ ...base, acquisitionDate: '[2023-01-01T00:00:00Z,2023-04-01T00:00:00Z[' });
    for (const f of q1.body.features as Json[]) expect(f.properties.acquisitionDate < '2023-04-01').toBe(true);
    const obj = await search({ ...base, acquisitionDate: { startDate: '2023-01-01T00:00:00.000Z', endDate: '2023-03-31T23:59:59.999Z' } });
    expect(ids(obj)).toEqual(ids(q1));
    const sorted = await search({ ...base, sortBy: 'cloudCover,-acquisitionDate' });
    const cc = (sorted.body.features as Json[]).map((f) => f.properties.cloudCover as number);
    expect([...cc].sort((a, b) => a - b)).toEqual(cc);
  });

  it('answers GET with the same parameters (geometry as WKT or GeoJSON, bbox)', async () => {
    const qs = new URLSearchParams({ itemsPerPage: '50', acquisitionDate: YEAR_2023, geometry: JSON.stringify(TOULOUSE) });
    const viaGet = await call(`${url}?${qs}`, { headers: auth });
    const viaPost = await search({ itemsPerPage: 50, acquisitionDate: YEAR_2023, geometry: TOULOUSE });
    expect(ids(viaGet)).toEqual(ids(viaPost));
    const wkt = await call(`${url}?${new URLSearchParams({ itemsPerPage: '50', acquisitionDate: YEAR_2023, geometry: 'POLYGON((1.33 43.52,1.56 43.52,1.56 43.66,1.33 43.66,1.33 43.52))' })}`, { headers: auth });
    expect(ids(wkt)).toEqual(ids(viaPost));
    const bbox = await call(`${url}?${new URLSearchParams({ itemsPerPage: '50', acquisitionDate: YEAR_2023, bbox: '1.33,43.52,1.56,43.66' })}`, { headers: auth });
    expect(ids(bbox)).toEqual(ids(viaPost));
    const one = ids(viaPost)[0] as string;
    const self = await call(`${url}?id=${one}`, { headers: auth });
    expect(ids(self)).toEqual([one]);
  });

  it('accepts the spec example body (PNEO, SENSOR,ALBUM, three-digit seconds)', async () => {
    const r = await search({
      itemsPerPage: 12, startPage: 1, acquisitionDate: '[2022-01-08T00:00:000Z,2022-01-25T23:59:59.999Z]', cloudCover: '[0,80]', incidenceAngle: '[0,40]',
      constellation: 'PNEO', sortBy: 'cloudCover,-acquisitionDate', workspace: 'public-pneo', processingLevel: 'SENSOR,ALBUM', relation: 'intersects',
      geometry: { type: 'Polygon', coordinates: [[[-0.8847, 48.6279], [-0.7528, 48.6279], [-0.7528, 48.7113], [-0.8847, 48.7113], [-0.8847, 48.6279]]] },
    }); // prettier-ignore
    expect(r.status).toBe(200);
    expect(r.body.itemsPerPage).toBe(12);
  });

  it.each([
    [{ geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] } }, 'geometry'],
    [{ geometry: 'POLYGON((0 0, 1 0))' }, 'geometry'],
    [{ geometry: { type: 'Circle' } }, 'geometry'],
    [{ bbox: '1,2,3' }, 'bbox'],
    [{ geometry: TOULOUSE, bbox: '1,2,3,4' }, 'geometry'],
    [{ acquisitionDate: '[2023-13-01,2023-02-01]' }, 'acquisitionDate'],
    [{ cloudCover: '[abc' }, 'cloudCover'],
    [{ incidenceAngle: '[30,10]' }, 'incidenceAngle'],
    [{ itemsPerPage: 501 }, 'itemsPerPage'],
    [{ startPage: 0 }, 'startPage'],
    [{ sortBy: 'colour' }, 'sortBy'],
    [{ relation: 'touches' }, 'relation'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const r = await search(body);
    expect(r.status).toBe(400);
    expect(r.body.field).toBe(field);
    expect(r.body.message).toContain(field);
    expect(r.body.internalCode).toBe(400);
  });

  it('answers a search without an AOI from the newest scenes, counting up to 10000 as opensearch does', async () => {
    const r = await search({ itemsPerPage: 5 });
    expect(r.status).toBe(200);
    expect(r.body.totalResults).toBe(10000);
    expect(r.body.features[0].properties.publicationDate <= '2025-06-01T12:00:00.000Z').toBe(true);
  });

  it('refuses malformed JSON with a 400', async () => {
    const r = await call(url, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"geometry":' });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('body');
  });

  it('needs a valid bearer token', async () => {
    expect((await postJson(url, {}, {})).status).toBe(401);
    expect((await postJson(url, {}, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await postJson(url, {}, { Authorization: 'APIKEY sandbox-oneatlas-key' })).status).toBe(401);
  });
});

describe('OneAtlas workspace search (guide step 6: delivered products)', () => {
  it('is empty until something is delivered, then finds it by customerReference', async () => {
    const ws = '0d9e3b7a-8c1f-4e52-b6a4-7f2e1d3c5b90';
    const empty = await search({ itemsPerPage: 10, startPage: 1, workspace: ws });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ type: 'FeatureCollection', totalResults: 0, features: [] });
    const archive = await search({ itemsPerPage: 1, acquisitionDate: YEAR_2023, geometry: TOULOUSE });
    const sceneId = archive.body.features[0].properties.id as string;
    const item = deliverToWorkspace(sb.state, { sceneId, customerReference: 'my-ref-1', orderId: 'SO-1' });
    expect(item).toBeDefined();
    const found = await search({ itemsPerPage: 10, startPage: 1, workspace: ws, customerReference: 'my-ref-1' });
    expect(found.body.totalResults).toBe(1);
    expect(found.body.features[0].properties).toMatchObject({ workspaceId: ws, customerReference: 'my-ref-1', processingLevel: 'ORTHO', sourceIdentifier: archive.body.features[0].properties.sourceIdentifier });
    expect((await search({ workspace: ws, customerReference: 'other' })).body.totalResults).toBe(0);
    expect((await search({ workspace: 'someone-elses' })).body.totalResults).toBe(0);
  });
});
