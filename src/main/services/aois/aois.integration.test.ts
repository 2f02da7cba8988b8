import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aoi } from '../../../shared/domain/aoi';
import { createDesk, type Desk } from '../../desk';
import { createKeychainVault } from '../../vault/keychain-vault';

// A real SQLite file; AOIs never touch the keychain, so these run without one.
let dir: string;
let desk: Desk;
const open = () => createDesk({ dataDir: dir, host: 'web', version: 'test', vault: createKeychainVault('imagery-desk-aoi-test') });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-aoi-'));
  desk = open();
});
afterEach(() => {
  desk.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const r = await desk.registry.dispatch(channel, payload);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
  return r.value as T;
}

// ~11 km square near Toulouse, written clockwise and in 3D: both repaired on the way in.
const clockwise3d = {
  type: 'Polygon',
  coordinates: [[[1.4, 43.6, 150], [1.4, 43.7, 150], [1.5, 43.7, 150], [1.5, 43.6, 150], [1.4, 43.6, 150]]],
};

describe('AOIs in the store', () => {
  it('restore validates exactly as create and remove do: an empty or 1 MB id, or an empty name, is refused and nothing stored (#14)', async () => {
    const { aoi } = await call<{ aoi: Aoi }>('aois.create', { name: 'Kept', geometry: clockwise3d });
    const removed = await call<Aoi>('aois.remove', { id: aoi.id });
    for (const bad of [{ ...removed, id: '' }, { ...removed, id: 'x'.repeat(1024 * 1024) }, { ...removed, name: '  ' }]) {
      await expect(call('aois.restore', { aoi: bad })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    }
    expect(await call<Aoi[]>('aois.list', {})).toEqual([]);
    await call('aois.restore', { aoi: removed });
    expect((await call<Aoi>('aois.remove', { id: removed.id })).id).toBe(removed.id);
  });

  it('repairs what is safe, stores EPSG:4326 right-hand geometry with its area, and survives a restart', async () => {
    const saved = await call<{ aoi: Aoi; repairs: { code: string }[] }>('aois.create', { name: 'Toulouse', geometry: clockwise3d });
    expect(saved.repairs.map((r) => r.code).sort()).toEqual(['dropped-height', 'rewound']);
    expect(saved.aoi.areaKm2).toBeGreaterThan(85);
    expect(saved.aoi.areaKm2).toBeLessThan(92);
    const ring = (saved.aoi.geometry.coordinates[0] as number[][]).map((p) => p.length);
    expect(new Set(ring)).toEqual(new Set([2]));
    desk.close();
    desk = open();
    expect(await call<Aoi>('aois.get', { id: saved.aoi.id })).toEqual(saved.aoi);
  });

  it('refuses a self-intersecting polygon, says where, and stores nothing', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    await expect(call('aois.create', { name: 'Bow tie', geometry: bowtie })).rejects.toMatchObject({ code: 'INVALID_GEOMETRY' });
    await expect(call('aois.create', { name: 'Bow tie', geometry: bowtie })).rejects.toThrow(/geometry/);
    expect(await call('aois.list', {})).toEqual([]);
  });

  it('renames, duplicates with a free name, removes and restores (undo)', async () => {
    const { aoi } = await call<{ aoi: Aoi }>('aois.create', { name: 'Site', geometry: clockwise3d });
    await call('aois.update', { id: aoi.id, name: 'Site A' });
    const copy = await call<Aoi>('aois.duplicate', { id: aoi.id });
    const copy2 = await call<Aoi>('aois.duplicate', { id: aoi.id });
    expect([copy.name, copy2.name]).toEqual(['Site A (copy)', 'Site A (copy 2)']);
    const removed = await call<Aoi>('aois.remove', { id: aoi.id });
    expect((await call<Aoi[]>('aois.list', {})).map((a) => a.name).sort()).toEqual(['Site A (copy 2)', 'Site A (copy)']);
    await call('aois.restore', { aoi: removed });
    expect(await call<Aoi>('aois.get', { id: aoi.id })).toMatchObject({ name: 'Site A', createdAt: aoi.createdAt });
  });

  it('imports all or nothing', async () => {
    const good = { name: 'Good', geometry: clockwise3d };
    const bad = { name: 'Bad', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 'x'], [1, 1], [0, 0]]] } };
    await expect(call('aois.import', { aois: [good, bad] })).rejects.toMatchObject({ code: 'INVALID_GEOMETRY' });
    await expect(call('aois.import', { aois: [good, bad] })).rejects.toThrow(/aois\[1\]/);
    expect(await call('aois.list', {})).toEqual([]);
    const ok = await call<{ aois: Aoi[] }>('aois.import', { aois: [good, { ...good, name: 'Good 2' }] });
    expect(ok.aois).toHaveLength(2);
    expect((await call<Aoi[]>('aois.list', {})).map((a) => a.name)).toEqual(['Good', 'Good 2']);
  });
});

describe('chunked import', () => {
  const square = (lon: number) => ({ type: 'Polygon', coordinates: [[[lon, 43], [lon + 0.1, 43], [lon + 0.1, 43.1], [lon, 43.1], [lon, 43]]] });
  const chunk = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: `Site ${from + i}`, geometry: square(((from + i) % 300) / 2 - 75) }));

  it('stores nothing until the commit, then everything at once; undo and redo move the whole batch', async () => {
    let staged = await call<{ importId: string; staged: number }>('aois.importStage', { offset: 0, aois: chunk(0, 2000) });
    for (let offset = 2000; offset < 12_000; offset += 2000) {
      staged = await call('aois.importStage', { importId: staged.importId, offset, aois: chunk(offset, 2000) });
    }
    expect(staged.staged).toBe(12_000);
    expect(await call<unknown[]>('aois.list', {})).toHaveLength(0);
    const committed = await call<{ ids: string[] }>('aois.importCommit', { importId: staged.importId });
    expect(committed.ids).toHaveLength(12_000);
    expect(await call<unknown[]>('aois.list', {})).toHaveLength(12_000);
    const removed = await call<{ trashId: string; count: number }>('aois.removeMany', { ids: committed.ids });
    expect(removed.count).toBe(12_000);
    expect(await call<unknown[]>('aois.list', {})).toHaveLength(0);
    await call('aois.restoreMany', { trashId: removed.trashId });
    expect(await call<unknown[]>('aois.list', {})).toHaveLength(12_000);
  });

  it('a refused chunk discards the whole import, naming the AOI by its place in the file', async () => {
    const first = await call<{ importId: string }>('aois.importStage', { offset: 0, aois: chunk(0, 10) });
    const bad = [...chunk(10, 4), { name: 'Broken', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } }];
    const err = await call('aois.importStage', { importId: first.importId, offset: 10, aois: bad }).catch((e: unknown) => e as Error & { code: string });
    expect(err).toMatchObject({ code: 'INVALID_GEOMETRY' });
    expect((err as Error).message).toContain('aois[14]');
    await expect(call('aois.importCommit', { importId: first.importId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await call<unknown[]>('aois.list', {})).toHaveLength(0);
  });

  it('hides staged chunks until the commit, even across a restart, where they are dropped', async () => {
    const staged = await call<{ importId: string }>('aois.importStage', { offset: 0, aois: chunk(0, 50) });
    expect(await call<{ total: number }>('aois.page', { offset: 0, limit: 10 })).toMatchObject({ total: 0 });
    expect(await call<{ total: number }>('aois.inView', { box: [-180, -90, 180, 90], tolerance: 0, limit: 10 })).toMatchObject({ total: 0 });
    desk.close();
    desk = open();
    await expect(call('aois.importCommit', { importId: staged.importId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await call<{ total: number }>('aois.page', { offset: 0, limit: 10 })).toMatchObject({ total: 0 });
  });
});

describe('reading many AOIs a part at a time', () => {
  // 0.1° squares along the equator at 0°, 1°, … and one across the antimeridian.
  const square = (lon: number, size = 0.1) => ({ type: 'Polygon', coordinates: [[[lon, 0], [lon + size, 0], [lon + size, size], [lon, size], [lon, 0]]] });
  const fiji = { type: 'Polygon', coordinates: [[[179.5, -17], [-179.5, -17], [-179.5, -16], [179.5, -16], [179.5, -17]]] };

  it('pages the list in order, filters by name in main, and gives each summary its box', async () => {
    await call('aois.import', { aois: Array.from({ length: 30 }, (_, i) => ({ name: `Site ${String(i).padStart(2, '0')}`, geometry: square(i) })) });
    const first = await call<{ total: number; items: { name: string; box: number[] }[] }>('aois.page', { offset: 0, limit: 10 });
    expect(first.total).toBe(30);
    expect(first.items.map((a) => a.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Site 0${i}`));
    const last = await call<typeof first>('aois.page', { offset: 25, limit: 10 });
    expect(last.items.map((a) => a.name)).toEqual(['Site 25', 'Site 26', 'Site 27', 'Site 28', 'Site 29']);
    expect(last.items[0]?.box).toEqual([25, 0, 25.1, 0.1].map((v) => expect.closeTo(v, 9)));
    const found = await call<typeof first>('aois.page', { text: 'SITE 2', offset: 0, limit: 100 });
    expect(found.total).toBe(10);
    // LIKE's wildcards in the text are matched as they are.
    expect(await call<typeof first>('aois.page', { text: '%', offset: 0, limit: 100 })).toMatchObject({ total: 0 });
  });

  it('answers the AOIs in a view, largest first under the cap, thinned to the view, across the antimeridian', async () => {
    const round = { type: 'Polygon', coordinates: [Array.from({ length: 81 }, (_, k) => [10 + 0.5 * Math.cos((k / 80) * 2 * Math.PI), 0.5 * Math.sin((k / 80) * 2 * Math.PI)])] };
    const { aois } = await call<{ aois: Aoi[] }>('aois.import', {
      aois: [
        { name: 'Small', geometry: square(2, 0.1) },
        { name: 'Large', geometry: square(4, 1) },
        { name: 'Round', geometry: round },
        { name: 'Far', geometry: square(60) },
        { name: 'Fiji', geometry: fiji },
      ],
    });
    const view = await call<{ total: number; items: { name: string }[] }>('aois.inView', { box: [0, -5, 20, 5], tolerance: 0, limit: 2 });
    expect(view.total).toBe(3);
    expect(view.items.map((a) => a.name).sort()).toEqual(['Large', 'Round']);
    const thin = await call<{ items: { geometry: { coordinates: number[][][] } }[] }>('aois.inView', { box: [9, -1, 11, 1], tolerance: 0.2, limit: 10 });
    const ring = thin.items[0]?.geometry.coordinates[0] ?? [];
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring.length).toBeLessThan(40);
    expect(ring[0]).toEqual(ring.at(-1));
    // A view east of 180 and one west of it both find Fiji; the active AOI can be left out.
    expect((await call<typeof view>('aois.inView', { box: [175, -20, 185, -10], tolerance: 0, limit: 10 })).items.map((a) => a.name)).toEqual(['Fiji']);
    expect((await call<typeof view>('aois.inView', { box: [-180, -20, -175, -10], tolerance: 0, limit: 10 })).items.map((a) => a.name)).toEqual(['Fiji']);
    const fijiId = aois.find((a) => a.name === 'Fiji')?.id;
    expect(await call<typeof view>('aois.inView', { box: [175, -20, 185, -10], tolerance: 0, limit: 10, exclude: fijiId })).toMatchObject({ total: 0 });
  });

  it('exports page by page with the stored geometry, and a moved AOI is found where it went', async () => {
    const { aois } = await call<{ aois: Aoi[] }>('aois.import', { aois: Array.from({ length: 5 }, (_, i) => ({ name: `Site ${i}`, geometry: square(i) })) });
    const pages = [await call<{ items: { name: string }[] }>('aois.exportPage', { offset: 0, limit: 3 }), await call<{ items: { name: string }[] }>('aois.exportPage', { offset: 3, limit: 3 })];
    expect(pages.flatMap((p) => p.items.map((a) => a.name))).toEqual(['Site 0', 'Site 1', 'Site 2', 'Site 3', 'Site 4']);
    expect(pages[0]?.items[1]).toEqual({ name: 'Site 1', geometry: aois[1]?.geometry });
    const moved = aois[0] as Aoi;
    await call('aois.update', { id: moved.id, geometry: square(100) });
    expect((await call<{ items: { id: string }[] }>('aois.inView', { box: [99, -1, 101, 1], tolerance: 0, limit: 10 })).items.map((a) => a.id)).toEqual([moved.id]);
    expect(await call<{ total: number }>('aois.inView', { box: [-0.5, -1, 0.5, 1], tolerance: 0, limit: 10 })).toMatchObject({ total: 0 });
    await call('aois.remove', { id: moved.id });
    expect(await call<{ total: number }>('aois.inView', { box: [99, -1, 101, 1], tolerance: 0, limit: 10 })).toMatchObject({ total: 0 });
  });
});
