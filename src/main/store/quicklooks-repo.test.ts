import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from './archive-test-fixtures';
import { openDatabase } from './database';
import { createQuicklooksRepo, type QuicklooksRepo } from './quicklooks-repo';

let t: ReturnType<typeof tempDatabase>;
let repo: QuicklooksRepo;
beforeEach(() => {
  t = tempDatabase();
  repo = createQuicklooksRepo(t.db);
});
afterEach(() => t.cleanup());

const png = (n: number) => Uint8Array.from({ length: 4096 }, (_, i) => (i * n) % 256);

describe('quicklooks repo', () => {
  it('stores the bytes exactly and finds them again after a restart', () => {
    // A view on a larger buffer: only the viewed bytes must be stored.
    const big = png(7);
    const view = big.subarray(100, 2100);
    repo.put({ provider: 'oneatlas', sceneId: 'a', contentType: 'image/png', bytes: view, fetchedAt: '2025-01-01' });
    t.db.close();
    const q = createQuicklooksRepo(openDatabase(t.file)).get('oneatlas', 'a');
    expect(q).toMatchObject({ provider: 'oneatlas', sceneId: 'a', contentType: 'image/png', fetchedAt: '2025-01-01' });
    expect(Buffer.compare(q?.bytes ?? Buffer.alloc(0), Buffer.from(view))).toBe(0);
  });

  it('keys by provider and scene, replaces on refetch, and tells which scenes have one stored', () => {
    repo.put({ provider: 'oneatlas', sceneId: 'a', contentType: 'image/png', bytes: png(1), fetchedAt: '1' });
    repo.put({ provider: 'oneatlas', sceneId: 'a', contentType: 'image/jpeg', bytes: png(2), fetchedAt: '2' });
    repo.put({ provider: 'geoapi', sceneId: 'b', contentType: 'image/jpeg', bytes: png(3), fetchedAt: '2' });
    expect(repo.get('oneatlas', 'a')?.contentType).toBe('image/jpeg');
    expect(repo.get('geoapi', 'a')).toBeUndefined();
    expect(repo.storedAmong('oneatlas', ['a', 'b', 'c']).sort()).toEqual(['a']);
    expect(repo.storedAmong('geoapi', [])).toEqual([]);
  });
});
