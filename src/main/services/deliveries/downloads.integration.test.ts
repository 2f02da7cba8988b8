import { existsSync, statSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveredProduct, Download } from '../../../shared/domain/deliveries';
import { keychainForTests } from '../../testing/keychain';
import { deliveredWith, orderArchive, sandboxDigest, sha256File, startHarness, waitFor, type Harness } from './testkit';

const keychain = await keychainForTests();

/**
 * Downloading delivered files over real HTTP from the sandbox into a real folder: every finished file's
 * sha-256 is computed from the disk and compared with the digest the sandbox vouches for. Cuts (the
 * sandbox's `cutDownloadNext` fault), pauses, an app restart and a corrupted partial file are each
 * survived, or refused, without ever leaving a file under its final name that is not whole.
 */
describe.skipIf(!keychain.available)('downloads of delivered files', () => {
  let h: Harness;
  let accountId: string;
  let products: DeliveredProduct[];
  let digest: string;
  const MB = 1_048_576;

  const hrefOf = (p: DeliveredProduct) => (p.properties['_links'] as { download: { href: string }[] }).download[0]!.href;
  /** A fresh download of product `i` (a finished copy of it is removed first, so Download makes a new one). */
  const start = async (i: number): Promise<Download> => {
    for (const d of await h.call('deliveries.downloads', {})) if (d.productId === products[i]!.id && d.status === 'done') await unlink(d.path).catch(() => undefined);
    const [d] = await h.call('deliveries.download', { accountId, productId: products[i]!.id });
    return d!;
  };
  /**
   * Never a file under the final name before `done`. The status was read before the disk was looked at:
   * a file found there must belong to a download that says `done` when asked again (main records
   * `done` in the same turn as the rename).
   */
  const seenEarly: string[] = [];
  const neverEarly = (d: Download) => {
    if (d.status !== 'done' && existsSync(d.path)) seenEarly.push(d.id);
  };
  const confirmNoneEarly = async () => {
    const now = await h.call('deliveries.downloads', {});
    for (const id of seenEarly.splice(0)) expect(now.find((x) => x.id === id)?.status, `download ${id} had its final file before done`).toBe('done');
  };
  const finished = async (d: Download) => {
    const done = await waitFor(h, d.id, (x) => x.status === 'done' || x.status === 'failed' || x.status === 'paused', 60_000, neverEarly);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    await confirmNoneEarly();
    expect(existsSync(`${done.path}.part`)).toBe(false);
    return done;
  };

  beforeAll(async () => {
    h = await startHarness('downloads');
    await h.call('deliveries.setFolder', { folder: join(h.dir, 'My downloads') });
    ({ accountId } = await orderArchive(h, 'desk-dl-1', 3));
    await h.admin('/clock/advance', { hours: 7 });
    products = await deliveredWith(h, accountId, 'desk-dl-1');
    expect(products).toHaveLength(3);
    await h.admin('/downloads', { sizeBytes: 6 * MB, bytesPerSecond: null });
  }, 60_000);
  afterAll(() => h.close());

  it('a download completes into the folder with the sha-256 the provider gives, checked', async () => {
    digest = await sandboxDigest(h, hrefOf(products[0]!));
    const d = await start(0);
    expect(d).toMatchObject({ status: expect.stringMatching(/queued|running/), bytesDone: 0, path: join(h.dir, 'My downloads', d.fileName) });
    const done = await finished(d);
    expect(done).toMatchObject({ bytesDone: 6 * MB, bytesTotal: 6 * MB, checksum: { algorithm: 'sha-256', expected: digest, verified: true }, error: null });
    expect(done.finishedAt).toBeTruthy();
    expect(done.fileName).toMatch(/\.tif$/);
    expect(statSync(done.path).size).toBe(6 * MB);
    expect(await sha256File(done.path)).toBe(digest);
  });

  it('a connection cut half-way is retried with Range by itself, to the same file', async () => {
    await h.admin('/faults', { cutDownloadNext: 1 });
    const done = await finished(await start(0));
    expect(await sha256File(done.path)).toBe(digest);
    expect((await h.admin('/faults'))['cutDownloadNext']).toBe(0);
  });

  it('cut three times: paused with a sentence; Resume continues to an identical file', async () => {
    await h.admin('/faults', { cutDownloadNext: 3 });
    const d = await start(0);
    const paused = await waitFor(h, d.id, (x) => x.status !== 'queued' && x.status !== 'running', 30_000, neverEarly);
    expect(paused.status).toBe('paused');
    expect(paused.error).toMatchObject({ code: 'PROVIDER_UNREACHABLE', message: expect.stringMatching(/^The connection dropped at \d+\.\d of 6\.0 MB; Resume continues from there\.$/) });
    // Each cut keeps what arrived: three of them, each about half of what was asked, hold most of the file.
    expect(paused.bytesDone).toBeGreaterThan(2 * MB);
    expect(paused.bytesDone).toBeLessThan(6 * MB);
    expect(statSync(`${paused.path}.part`).size).toBe(paused.bytesDone);
    expect(await h.call('deliveries.resume', { downloadId: d.id })).toMatchObject({ status: expect.stringMatching(/queued|running/), error: null });
    const done = await finished(d);
    expect(await sha256File(done.path)).toBe(digest);
  });

  it('pause keeps the partial file; resume asks for the rest and ends identical', async () => {
    await h.admin('/downloads', { bytesPerSecond: 3 * MB });
    const d = await start(1);
    await waitFor(h, d.id, (x) => x.bytesDone > MB, 10_000, neverEarly);
    const running = (await h.call('deliveries.downloads', {})).find((x) => x.id === d.id)!;
    expect(running.rate).toBeGreaterThan(0);
    expect(running.etaSeconds).toBeGreaterThan(0);
    const paused = await h.call('deliveries.pause', { downloadId: d.id });
    expect(paused).toMatchObject({ status: 'paused', rate: null, etaSeconds: null, error: null });
    const held = statSync(`${paused.path}.part`).size;
    expect(paused.bytesDone).toBe(held);
    expect(held).toBeGreaterThan(MB);
    expect(held).toBeLessThan(6 * MB);
    await new Promise((r) => setTimeout(r, 400));
    expect(statSync(`${paused.path}.part`).size).toBe(held);
    expect(existsSync(paused.path)).toBe(false);
    await h.admin('/downloads', { bytesPerSecond: null });
    await h.call('deliveries.resume', { downloadId: d.id });
    const done = await finished(d);
    expect(await sha256File(done.path)).toBe(await sandboxDigest(h, hrefOf(products[1]!)));
  });

  it('after a restart a download left running is paused with its bytes kept, and resumes to an identical file', async () => {
    await h.admin('/downloads', { bytesPerSecond: 3 * MB });
    const d = await start(2);
    await waitFor(h, d.id, (x) => x.bytesDone > MB, 10_000, neverEarly);
    await h.restart();
    const after = (await h.call('deliveries.downloads', {})).find((x) => x.id === d.id)!;
    expect(after.status).toBe('paused');
    const held = statSync(`${after.path}.part`).size;
    expect(held).toBeGreaterThan(MB);
    expect(after.bytesDone).toBe(held);
    expect(after.error).toEqual({ code: 'INTERRUPTED', message: `Interrupted when Imagery Desk closed; Resume continues from ${(held / MB).toFixed(1)} MB.` });
    expect(existsSync(after.path)).toBe(false);
    await h.admin('/downloads', { bytesPerSecond: null });
    await h.call('deliveries.resume', { downloadId: d.id });
    const done = await finished(after);
    expect(await sha256File(done.path)).toBe(await sandboxDigest(h, hrefOf(products[2]!)));
  });

  it('a partial file damaged while paused fails the checksum: failed, removed, no final file', async () => {
    await h.admin('/downloads', { bytesPerSecond: 3 * MB });
    const d = await start(1);
    await waitFor(h, d.id, (x) => x.bytesDone > MB, 10_000, neverEarly);
    const paused = await h.call('deliveries.pause', { downloadId: d.id });
    const file = await open(`${paused.path}.part`, 'r+');
    await file.write(Buffer.alloc(4096, 0xa5), 0, 4096, 1000);
    await file.close();
    await h.admin('/downloads', { bytesPerSecond: null });
    await h.call('deliveries.resume', { downloadId: d.id });
    const failed = await waitFor(h, d.id, (x) => x.status === 'failed' || x.status === 'done', 30_000, neverEarly);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'CHECKSUM_MISMATCH', message: expect.stringMatching(/does not match the sha-256 checksum/) });
    expect(failed.checksum).toMatchObject({ verified: false });
    expect(existsSync(failed.path)).toBe(false);
    expect(existsSync(`${failed.path}.part`)).toBe(false);
    // Resume downloads it again from the start, to the right file.
    await h.call('deliveries.resume', { downloadId: d.id });
    const done = await finished(d);
    expect(done.checksum).toMatchObject({ verified: true });
  });

  it('cancel removes the partial file; a finished file is never deleted', async () => {
    await h.admin('/downloads', { bytesPerSecond: 3 * MB });
    const d = await start(0);
    await waitFor(h, d.id, (x) => x.bytesDone > 0, 10_000);
    const cancelled = await h.call('deliveries.cancel', { downloadId: d.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', bytesDone: 0 });
    expect(existsSync(`${d.path}.part`)).toBe(false);
    expect(existsSync(d.path)).toBe(false);
    const done = (await h.call('deliveries.downloads', {})).find((x) => x.status === 'done')!;
    const refused = await h.failure('deliveries.cancel', { downloadId: done.id });
    expect(refused.code).toBe('CONFLICT');
    expect(existsSync(done.path)).toBe(true);
    await h.admin('/downloads', { bytesPerSecond: null });
  });

  it('names stay unique: a name held by a file or by another download gets “name (n).tif”', async () => {
    const first = (await h.call('deliveries.downloads', {})).find((x) => x.productId === products[2]!.id && x.status === 'done')!;
    const stem = first.fileName.replace(/\.tif$/, '');
    // The finished download keeps its name in the list even once its file is gone; a stranger's file holds "(1)".
    await unlink(first.path);
    await (await open(join(h.dir, 'My downloads', `${stem} (1).tif`), 'w')).close();
    const [again] = await h.call('deliveries.download', { accountId, productId: products[2]!.id });
    expect(again!.id).not.toBe(first.id);
    expect(again!.fileName).toBe(`${stem} (2).tif`);
    const done = await finished(again!);
    expect(done.fileName).toBe(`${stem} (2).tif`);
    expect(statSync(join(h.dir, 'My downloads', `${stem} (1).tif`)).size).toBe(0);
  });
});
