import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShape, relates } from '../geo/shapes';
import type { SandboxServer } from '../server';
import { crc32, PNG_SIGNATURE } from './png';
import { call, oneAtlasToken, postJson, sandbox, TOULOUSE, TOULOUSE_WKT, YEAR_2023, type Json } from './testing';

let sb: SandboxServer;
let url: string;
const KEY = { Authorization: 'APIKEY sandbox-search-key' };
const search = (body: unknown) => postJson(url, body, KEY);

beforeAll(async () => {
  sb = await sandbox(42);
  url = `${sb.baseUrls.geoapi.search}/api/v1/search`;
});
afterAll(() => sb.close());

describe('GeoAPI legacy search (guide step 4)', () => {
  it('answers the guide request over Toulouse with the documented shape', async () => {
    const body = { geometry: TOULOUSE_WKT, constellation: ['PLEIADES'], acquisitionDate: '[2023-01-01T00:00:00,2023-12-31T23:59:59]' };
    const r = await search(body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ startIndex: 1, itemsPerPage: 25, type: 'FeatureCollection', query: body });
    expect(r.body.totalResults).toBeGreaterThan(0);
    const f = r.body.features[0];
    expect(f.properties).toMatchObject({ constellation: 'PLEIADES', provider: 'Airbus Defence and Space', resolution: 0.5, productName: 'Pléiades 0.5-m' });
    for (const k of ['viewingAngleAlongTrack', 'viewingAngleAcrossTrack', 'incidenceAngle', 'sourceId', 'acquisitionDate', 'cloudCover', 'satellite', 'creationDate']) expect(f.properties).toHaveProperty(k);
    expect(f.id).toMatch(/^[0-9a-f-]{36}::[0-9a-f-]{36}$/);
    expect(f.bbox).toHaveLength(4);
    expect(f.thumbnail).toBe(`${sb.baseUrls.geoapi.search}/api/v1/productTypes/PHR_0_5/products/${f.properties.sourceId}?size=SMALL`);
    expect(f.quicklooks.map((q: Json) => q.size)).toEqual(['MEDIUM', 'LARGE', 'MEDIUM', 'MEDIUM', 'SMALL']);
    const aoi = parseShape(TOULOUSE_WKT);
    for (const g of r.body.features as Json[]) expect(relates(g.geometry.coordinates[0], aoi, 'intersects')).toBe(true);
  });

  it('applies interval syntax to dates, angles and cloud cover, open and closed bounds', async () => {
    const base = { geometry: TOULOUSE_WKT, count: 500, acquisitionDate: '[2020-01-01,2024-01-01[' };
    const all = (await search(base)).body.features as Json[];
    expect(all.length).toBeGreaterThan(20);
    const under = (await search({ ...base, cloudCover: '10[' })).body.features as Json[];
    expect(under.map((f) => f.id)).toEqual(all.filter((f) => f.properties.cloudCover < 10).map((f) => f.id));
    const angle = (await search({ ...base, incidenceAngle: ']10,25]' })).body.features as Json[];
    expect(angle.map((f) => f.id)).toEqual(all.filter((f) => f.properties.incidenceAngle > 10 && f.properties.incidenceAngle <= 25).map((f) => f.id));
    const y2021 = (await search({ ...base, acquisitionDate: '[2021-01-01,2022-01-01[' })).body.features as Json[];
    expect(y2021.map((f) => f.id)).toEqual(all.filter((f) => f.properties.acquisitionDate.startsWith('2021')).map((f) => f.id));
    const zero = all.find((f) => f.properties.cloudCover === 0);
    if (zero) expect(((await search({ ...base, cloudCover: ']0' })).body.features as Json[]).some((f) => f.id === zero.id)).toBe(false);
  });

  it('holds SPOT and Pléiades only (no Neo in the legacy catalogue), by constellation or product type', async () => {
    const base = { geometry: TOULOUSE_WKT, count: 500, acquisitionDate: YEAR_2023 };
    const all = (await search(base)).body.features as Json[];
    expect(new Set(all.map((f) => f.properties.constellation))).toEqual(new Set(['SPOT', 'PLEIADES']));
    const spot = (await search({ ...base, productType: ['SPOTArchive1.5Mono'] })).body.features as Json[];
    expect(spot.length).toBeGreaterThan(0);
    expect(spot.every((f) => f.properties.constellation === 'SPOT')).toBe(true);
    expect((await search({ ...base, sensorType: 'radar' })).body.totalResults).toBe(0);
  });

  it('pages with count/startPage and answers GET like POST', async () => {
    const base = { geometry: TOULOUSE_WKT, acquisitionDate: '[2020-01-01,2024-01-01[' };
    const p2 = await search({ ...base, count: 5, startPage: 2 });
    expect(p2.body.startIndex).toBe(6);
    const get = await call(`${url}?${new URLSearchParams({ ...base, count: '5', startPage: '2' })}`, { headers: KEY });
    expect(get.body.features.map((f: Json) => f.id)).toEqual(p2.body.features.map((f: Json) => f.id));
  });

  it.each([
    [{ geometry: 'POLYGON((1 2, 3 4))' }, 'geometry'],
    [{ geometry: TOULOUSE }, 'geometry'],
    [{ geometry: TOULOUSE_WKT, bbox: '1,2,3,4' }, 'geometry'],
    [{ acquisitionDate: '2017-01-24T00:00:00,2017-01-24T23:59:59' }, 'acquisitionDate'],
    [{ cloudCover: '[x,10]' }, 'cloudCover'],
    [{ constellation: ['LANDSAT'] }, 'constellation'],
    [{ count: 0 }, 'count'],
    [{ sortKeys: 'colour,,1' }, 'sortKeys'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const r = await search(body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ status: 400, error: 'Bad Request', field });
    expect(r.body.message).toContain(field);
  });

  it('needs the APIKEY header (or apiKey parameter)', async () => {
    expect((await postJson(url, {}, {})).status).toBe(401);
    expect((await postJson(url, {}, { Authorization: 'APIKEY wrong' })).status).toBe(401);
    expect((await postJson(url, {}, { Authorization: 'Bearer sandbox-search-key' })).status).toBe(401);
    expect((await call(`${url}?apiKey=sandbox-search-key&geometry=${encodeURIComponent(TOULOUSE_WKT)}`)).status).toBe(200);
  });
});

/** Checks PNG structure: signature, IHDR first with valid CRC, IDAT inflating to the right size. */
function decodePng(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('ascii', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    expect(buf.readUInt32BE(off + 8 + len)).toBe(crc32(buf.subarray(off + 4, off + 8 + len)));
    types.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 2]);
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  expect(types[0]).toBe('IHDR');
  expect(types[types.length - 1]).toBe('IEND');
  expect(inflateSync(Buffer.concat(idat)).length).toBe((width * 3 + 1) * height);
  return { width, height };
}

describe('quicklooks and thumbnails', () => {
  it('serves GeoAPI quicklooks as real, deterministic PNGs behind the APIKEY', async () => {
    const f = (await search({ geometry: TOULOUSE_WKT, acquisitionDate: YEAR_2023 })).body.features[0];
    const get = async (u: string, headers: Record<string, string>) => {
      const res = await fetch(u, { headers });
      return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const small = await get(f.thumbnail, KEY);
    expect(small.status).toBe(200);
    expect(small.type).toBe('image/png');
    expect(Math.max(...Object.values(decodePng(small.bytes)))).toBe(128);
    expect((await get(f.thumbnail, KEY)).bytes.equals(small.bytes)).toBe(true);
    const large = await get(f.quicklooks[1].image, KEY);
    expect(Math.max(...Object.values(decodePng(large.bytes)))).toBe(1024);
    expect((await get(f.thumbnail, {})).status).toBe(401);
    expect((await get(f.thumbnail.replace('size=SMALL', 'size=HUGE'), KEY)).status).toBe(400);
    expect((await get(f.thumbnail.replace('PHR_0_5', 'SPOT_1_5'), KEY)).status).toBe(404);
  });

  it('serves OneAtlas quicklook and thumbnail behind the bearer token', async () => {
    const auth = { Authorization: `Bearer ${await oneAtlasToken(sb)}` };
    const os = await postJson(`${sb.baseUrls.oneatlas.search}/api/v2/opensearch`, { itemsPerPage: 1, geometry: TOULOUSE, acquisitionDate: YEAR_2023 }, auth);
    const links = os.body.features[0]._links;
    const ql = await fetch(links.quicklook.href, { headers: auth });
    const bytes = Buffer.from(await ql.arrayBuffer());
    expect(ql.status).toBe(200);
    expect(Math.max(...Object.values(decodePng(bytes)))).toBe(512);
    const again = Buffer.from(await (await fetch(links.quicklook.href, { headers: auth })).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
    const th = await fetch(links.thumbnail.href, { headers: auth });
    expect(Math.max(...Object.values(decodePng(Buffer.from(await th.arrayBuffer()))))).toBe(128);
    expect((await fetch(links.quicklook.href)).status).toBe(401);
    expect((await fetch(links.quicklook.href.replace(/items\/[^/]+/, 'items/00000000-0000-4000-8000-000000000000'), { headers: auth })).status).toBe(404);
  });
});
