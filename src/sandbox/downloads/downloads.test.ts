import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { harness, squareAoi, type Harness } from '../accounts/testkit';
import { deliverToWorkspace } from '../search/workspace';

/**
 * Product downloads over real HTTP against a started sandbox: the workspace feature's download link,
 * the file and its digests, ranges for pause and resume, the admin size and throttle, and the fault
 * that cuts a download in the middle.
 */

type Json = Record<string, unknown>;
interface Feature {
  properties: Json;
  _links: Record<string, unknown>;
}

const MIB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

let h: Harness;
let token = '';
let productUrl = '';
let publicId = '';

async function search(body: Json): Promise<Feature[]> {
  const res = await fetch(`${h.sandbox.baseUrls.oneatlas.search}/api/v2/opensearch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { features: Feature[] }).features;
}

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => fetch(url, { method, headers: { Authorization: `Bearer ${token}`, ...headers } });
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
/** The base64 sha-256 inside `Repr-Digest: sha-256=:…:`. */
const reprDigest = (res: Response) => /^sha-256=:([A-Za-z0-9+/=]+):$/.exec(res.headers.get('repr-digest') ?? '')?.[1];

beforeAll(async () => {
  h = await harness({ seed: 11 });
  token = await h.oneAtlasToken();
  const archive = await search({ geometry: squareAoi(1.44, 43.6, 8), constellation: 'PHR', itemsPerPage: 1, startPage: 1 });
  publicId = String(archive[0]?.properties['id']);
  expect(deliverToWorkspace(h.sandbox.state, { sceneId: publicId, customerReference: 'download-1', orderId: 'SO-DL-1' })).toBeDefined();
  const mine = await search({ workspace: 'sandbox-workspace', customerReference: 'download-1' });
  const links = mine[0]?._links['download'] as { href: string }[];
  productUrl = links[0]!.href;
});
afterAll(() => h.sandbox.close());
beforeEach(async () => {
  await h.admin('POST', '/downloads', { sizeBytes: 4 * MIB, bytesPerSecond: null });
  await h.admin('POST', '/faults', { cutDownloadNext: 0 });
});

describe('download links', () => {
  it('are on the features of the user workspace only, as an array of one Link', async () => {
    const [mine] = await search({ workspace: 'sandbox-workspace', customerReference: 'download-1' });
    const id = String(mine!.properties['id']);
    expect(mine!._links['download']).toEqual([
      { href: `${h.sandbox.baseUrls.oneatlas.data}/api/v1/items/${id}/download`, method: 'GET', name: 'Download', type: 'image/tiff', resourceId: id },
    ]);
    const [pub] = await search({ id: publicId });
    expect(pub!._links['quicklook']).toBeDefined();
    expect(pub!._links['download']).toBeUndefined();
  });
});

describe('GET and HEAD /api/v1/items/{id}/download', () => {
  it('serves a 4 MiB TIFF whose sha-256 is the Repr-Digest, Digest and ETag', async () => {
    const res = await get(productUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/tiff');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe(String(4 * MIB));
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="DS_PHR1[AB]_[A-Za-z0-9_]+\.tif"$/);
    const body = await bytesOf(res);
    expect(body.length).toBe(4 * MIB);
    const digest = sha256(body);
    expect(reprDigest(res)).toBe(digest.toString('base64'));
    expect(res.headers.get('digest')).toBe(`SHA-256=${digest.toString('base64')}`);
    expect(res.headers.get('etag')).toBe(`"${digest.toString('hex').slice(0, 32)}"`);
    // Deterministic: the same product downloads as the same bytes.
    expect(sha256(await bytesOf(await get(productUrl))).equals(digest)).toBe(true);
  });

  it('is a little-endian TIFF whose single strip fits in the file', async () => {
    const file = await bytesOf(await get(productUrl));
    expect(file.subarray(0, 4).toString('latin1')).toBe('II*\0');
    const ifd = file.readUInt32LE(4);
    const tags = new Map<number, number>();
    for (let i = 0; i < file.readUInt16LE(ifd); i++) {
      const at = ifd + 2 + 12 * i;
      const type = file.readUInt16LE(at + 2);
      tags.set(file.readUInt16LE(at), type === 3 ? file.readUInt16LE(at + 8) : file.readUInt32LE(at + 8));
    }
    const [width, height, offset, bytes] = [tags.get(256)!, tags.get(257)!, tags.get(273)!, tags.get(279)!];
    expect(width * height).toBe(bytes);
    expect(tags.get(258)).toBe(8);
    expect(offset + bytes).toBeLessThanOrEqual(file.length);
    expect(offset + bytes).toBeGreaterThan(file.length - width);
    expect(tags.has(33550) && tags.has(33922) && tags.has(34735)).toBe(true); // georeferenced
  });

  it('resumes with ranges: the first half and the rest make the whole file', async () => {
    const whole = await get(productUrl);
    const full = await bytesOf(whole);
    const etag = whole.headers.get('etag')!;
    const half = full.length / 2;
    const first = await get(productUrl, { Range: `bytes=0-${half - 1}` });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-${half - 1}/${full.length}`);
    expect(first.headers.get('content-length')).toBe(String(half));
    expect(reprDigest(first)).toBe(reprDigest(whole)); // the whole file's digest, on partial answers too
    const rest = await get(productUrl, { Range: `bytes=${half}-`, 'If-Range': etag });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes ${half}-${full.length - 1}/${full.length}`);
    expect(Buffer.concat([await bytesOf(first), await bytesOf(rest)]).equals(full)).toBe(true);
    const middle = await get(productUrl, { Range: 'bytes=1000-1999' });
    expect((await bytesOf(middle)).equals(full.subarray(1000, 2000))).toBe(true);
  });

  it('answers 416 for a range starting at or past the end', async () => {
    const res = await get(productUrl, { Range: `bytes=${4 * MIB}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${4 * MIB}`);
  });

  it('sends the whole file when If-Range names another version', async () => {
    const res = await get(productUrl, { Range: 'bytes=100-', 'If-Range': '"0123456789abcdef0123456789abcdef"' });
    expect(res.status).toBe(200);
    expect((await bytesOf(res)).length).toBe(4 * MIB);
    // A new size is a new version: its ETag changes, so a stale partial copy restarts.
    const before = res.headers.get('etag')!;
    await h.admin('POST', '/downloads', { sizeBytes: 64 * 1024 });
    const resized = await get(productUrl, { Range: 'bytes=100-', 'If-Range': before });
    expect(resized.status).toBe(200);
    expect(resized.headers.get('etag')).not.toBe(before);
    expect((await bytesOf(resized)).length).toBe(64 * 1024);
  });

  it('HEAD gives the same headers and no body', async () => {
    const got = await get(productUrl);
    await got.arrayBuffer();
    const head = await get(productUrl, {}, 'HEAD');
    expect(head.status).toBe(200);
    for (const name of ['content-type', 'content-length', 'accept-ranges', 'etag', 'repr-digest', 'digest', 'content-disposition']) {
      expect(head.headers.get(name), name).toBe(got.headers.get(name));
    }
    expect((await bytesOf(head)).length).toBe(0);
  });

  it('needs the bearer token, and knows only products of the workspace', async () => {
    expect((await fetch(productUrl)).status).toBe(401);
    expect((await fetch(productUrl, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(productUrl, { method: 'HEAD' })).status).toBe(401);
    const publicUrl = productUrl.replace(/items\/[^/]+\/download$/, `items/${publicId}/download`);
    const res = await get(publicUrl);
    expect(res.status).toBe(404);
    expect(((await res.json()) as Json)['message']).toMatch(/not in your workspace/);
  });
});

describe('the cutDownloadNext fault', () => {
  it('ends the next download early, with an error rather than a clean end, then downloads work again', async () => {
    expect((await h.admin('POST', '/faults', { cutDownloadNext: 1 })).status).toBe(200);
    const res = await get(productUrl);
    expect(res.status).toBe(200);
    const declared = Number(res.headers.get('content-length'));
    let received = 0;
    const reader = res.body!.getReader();
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        received += value.length;
      }
    })().catch((e: unknown) => e);
    expect(failure, 'the body ended with an error').toBeInstanceOf(Error);
    expect(received).toBeLessThan(declared);
    expect(received).toBeGreaterThan(declared / 4);
    expect((await h.admin<Json>('GET', '/faults')).body['cutDownloadNext']).toBe(0);
    expect((await bytesOf(await get(productUrl))).length).toBe(declared);
  });

  it('cuts a resumed range too, at about half of what it would send', async () => {
    await h.admin('POST', '/faults', { cutDownloadNext: 1 });
    const res = await get(productUrl, { Range: `bytes=${2 * MIB}-` });
    expect(res.status).toBe(206);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });
});

describe('/__admin/downloads', () => {
  it('reports and validates the settings, and a reset restores the defaults', async () => {
    expect((await h.admin('GET', '/downloads')).body).toEqual({ sizeBytes: 4 * MIB, bytesPerSecond: null });
    expect((await h.admin('POST', '/downloads', { sizeBytes: 100 })).status).toBe(400);
    expect((await h.admin('POST', '/downloads', { sizeBytes: 3 * 1024 * MIB })).status).toBe(400);
    expect((await h.admin('POST', '/downloads', { bytesPerSecond: -1 })).status).toBe(400);
    expect((await h.admin('POST', '/downloads', { speed: 1 })).status).toBe(400);
    expect((await h.admin('POST', '/downloads', { sizeBytes: 2048, bytesPerSecond: 4096 })).body).toEqual({ sizeBytes: 2048, bytesPerSecond: 4096 });
    const sb = await harness({ seed: 3 });
    try {
      await sb.admin('POST', '/downloads', { sizeBytes: 2048, bytesPerSecond: 4096 });
      await sb.admin('POST', '/reset', {});
      expect((await sb.admin('GET', '/downloads')).body).toEqual({ sizeBytes: 4 * MIB, bytesPerSecond: null });
    } finally {
      await sb.sandbox.close();
    }
  });

  it('throttles: 256 KiB at 128 KiB/s takes about two seconds', async () => {
    await h.admin('POST', '/downloads', { sizeBytes: 256 * 1024, bytesPerSecond: 128 * 1024 });
    const started = Date.now();
    const body = await bytesOf(await get(productUrl));
    const seconds = (Date.now() - started) / 1000;
    expect(body.length).toBe(256 * 1024);
    expect(seconds).toBeGreaterThanOrEqual(1.5);
  });

  it('streams a 200 MB file without the sandbox holding it in memory', { timeout: 180_000 }, async () => {
    const size = 200 * 1000 * 1000;
    await h.admin('POST', '/downloads', { sizeBytes: size });
    const rssBefore = process.memoryUsage().rss;
    const res = await get(productUrl);
    expect(res.headers.get('content-length')).toBe(String(size));
    const hash = createHash('sha256');
    let received = 0;
    let peak = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
      hash.update(value);
      if ((received & 0xfffff) < value.length) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(received).toBe(size);
    expect(hash.digest('base64')).toBe(reprDigest(res));
    const grown = (Math.max(peak, process.memoryUsage().rss) - rssBefore) / MIB;
    expect(grown, `RSS grew by ${grown.toFixed(1)} MiB`).toBeLessThan(50);
  });
});
