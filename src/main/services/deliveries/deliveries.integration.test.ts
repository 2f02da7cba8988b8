import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainForTests } from '../../testing/keychain';
import { deliveredWith, orderArchive, sha256File, startHarness, waitFor, type Harness } from './testkit';

const keychain = await keychainForTests();

/**
 * "My data" listing and the download place through the IPC registry: an archive order placed through
 * the desk shows up in the workspace once the sandbox clock has passed its delivery, linked to that
 * order; the list is stored and answers offline; the folder is refused in a sentence when unusable;
 * what browser mode cannot do with files is said with the file's place.
 */
describe.skipIf(!keychain.available)('My data: delivered products and the download folder', () => {
  let h: Harness;
  let accountId: string;
  let folder: string;

  beforeAll(async () => {
    h = await startHarness('deliveries');
    folder = join(h.dir, 'downloads');
  });
  afterAll(() => h.close());

  it('the folder must be a full, writable path; a refusal names the problem and the field', async () => {
    const relative = await h.failure('deliveries.setFolder', { folder: 'downloads' });
    expect(relative).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'folder' } });
    expect(relative.message).toMatch(/not a full path/);
    const file = join(h.dir, 'a-file');
    writeFileSync(file, 'x');
    expect((await h.failure('deliveries.setFolder', { folder: file })).message).toMatch(/is a file, not a folder/);
    expect((await h.failure('deliveries.setFolder', { folder: join(file, 'below') })).message).toMatch(/could not create the folder/);
    expect((await h.failure('deliveries.setFolder', { folder: '/proc/imagery-desk-downloads' })).details).toMatchObject({ field: 'folder' });

    const place = await h.call('deliveries.setFolder', { folder });
    expect(place).toEqual({ folder, canPickFolder: false, canReveal: false, canOpen: false });
    expect(existsSync(folder)).toBe(true);
    expect(await h.call('deliveries.place', {})).toEqual(place);
    const pick = await h.failure('deliveries.pickFolder', {});
    expect(pick.code).toBe('UNSUPPORTED');
    expect(pick.message).toContain(folder);
  });

  it('GeoAPI and Origen accounts have no workspace: said in a sentence', async () => {
    for (const provider of ['geoapi', 'origen'] as const) {
      const refused = await h.failure('deliveries.list', { accountId: (await h.accountOf(provider)).id });
      expect(refused.code).toBe('UNSUPPORTED');
      expect(refused.message).toMatch(/no workspace of delivered products/);
    }
  });

  it('an ordered scene appears in My data once delivered, linked to its order by customer reference', async () => {
    const placed = await orderArchive(h, 'desk-mydata-1', 2);
    accountId = placed.accountId;
    expect(await deliveredWith(h, accountId, 'desk-mydata-1')).toHaveLength(0);

    await h.admin('/clock/advance', { hours: 7 });
    const list = await h.call('deliveries.list', { accountId });
    expect(list.offline).toBe(false);
    const mine = list.value.filter((p) => p.customerReference === 'desk-mydata-1');
    expect(mine).toHaveLength(2);
    const product = mine[0]!;
    expect(mine[1]!.source).toEqual(product.source);
    expect(product.source).toEqual({ kind: 'order', id: placed.order.id, contractId: placed.order.contractId, label: `Order ${placed.order.salesOrderId} · ${placed.order.productTypeId}` });
    expect(product).toMatchObject({ accountId, constellation: 'PHR', footprint: { type: 'Polygon' } });
    expect(product.files).toHaveLength(1);
    expect(product.files[0]!.name).toMatch(/\.tif$/);
    expect(product.properties['_links']).toMatchObject({ download: [{ href: expect.stringMatching(/\/api\/v1\/items\/.+\/download$/) }] });

    const ql = await h.call('deliveries.quicklook', { accountId, productId: product.id });
    expect(ql).toMatchObject({ cached: false, dataUrl: expect.stringMatching(/^data:image\/(png|jpeg);base64,/) });
    expect((await h.call('deliveries.quicklook', { accountId, productId: product.id })).cached).toBe(true);
  });

  it('browser mode: reveal and open say where the finished file is', async () => {
    const product = (await deliveredWith(h, accountId, 'desk-mydata-1'))[0]!;
    const [d] = await h.call('deliveries.download', { accountId, productId: product.id });
    const before = await h.failure('deliveries.reveal', { downloadId: d!.id });
    // Not finished yet, or finished: either way the sentence is about the file.
    expect(['NOT_FOUND', 'UNSUPPORTED']).toContain(before.code);
    const done = await waitFor(h, d!.id, (x) => x.status === 'done');
    expect(await sha256File(done.path)).toBe(done.checksum!.expected);
    for (const channel of ['deliveries.reveal', 'deliveries.open'] as const) {
      const refused = await h.failure(channel, { downloadId: d!.id });
      expect(refused.code).toBe('UNSUPPORTED');
      expect(refused.message).toContain(done.path);
    }
    // A second Download of a product already on disk is the same download, not a copy.
    expect((await h.call('deliveries.download', { accountId, productId: product.id }))[0]!.id).toBe(d!.id);
  });

  it('with the host’s file capabilities: pick a folder, reveal and open the finished file', async () => {
    const picked = join(h.dir, 'picked');
    const revealed: string[] = [];
    const opened: string[] = [];
    await h.restart({ files: { pickFolder: async () => picked, reveal: (p) => void revealed.push(p), open: async (p) => (opened.push(p), '') } });
    const place = (await h.call('deliveries.pickFolder', {})).place!;
    expect(place).toEqual({ folder: picked, canPickFolder: true, canReveal: true, canOpen: true });
    const done = (await h.call('deliveries.downloads', {})).find((d) => d.status === 'done')!;
    expect(await h.call('deliveries.reveal', { downloadId: done.id })).toEqual({ path: done.path });
    expect(await h.call('deliveries.open', { downloadId: done.id })).toEqual({ path: done.path });
    expect([revealed, opened]).toEqual([[done.path], [done.path]]);
    await h.call('deliveries.setFolder', { folder });
  });

  it('offline, the stored list answers with offline: true; a download says it needs the network', async () => {
    const online = await h.call('deliveries.list', { accountId });
    mkdirSync(folder, { recursive: true });
    await h.sandbox.close();
    const offline = await h.call('deliveries.list', { accountId });
    expect(offline.offline).toBe(true);
    expect(offline.offlineReason).toBeTruthy();
    expect(offline.value).toEqual(online.value);
    // The quicklook viewed online is still there.
    expect((await h.call('deliveries.quicklook', { accountId, productId: online.value[0]!.id })).cached).toBe(true);
    // The finished file stays reachable from the list of downloads.
    const done = (await h.call('deliveries.downloads', {})).find((d) => d.status === 'done')!;
    expect(existsSync(done.path)).toBe(true);
    // A product not yet downloaded: Download pauses with a sentence saying why.
    await h.restart();
    const other = (await deliveredWith(h, accountId, 'desk-mydata-1'))[1]!;
    const [d] = await h.call('deliveries.download', { accountId, productId: other.id });
    const paused = await waitFor(h, d!.id, (x) => x.status === 'paused');
    expect(paused.error).toMatchObject({ code: 'PROVIDER_UNREACHABLE', message: expect.stringMatching(/A download needs the network; Resume continues from 0\.0 MB\.$/) });
  });
});
