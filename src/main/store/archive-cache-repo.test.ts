import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveCacheKeys, createArchiveCacheRepo, type ArchiveCacheRepo } from './archive-cache-repo';
import { tempDatabase } from './archive-test-fixtures';
import { openDatabase } from './database';

let t: ReturnType<typeof tempDatabase>;
let repo: ArchiveCacheRepo;
beforeEach(() => {
  t = tempDatabase();
  repo = createArchiveCacheRepo(t.db);
});
afterEach(() => t.cleanup());

const contracts = [{ contractId: 'c-1', name: 'Main', creditRemaining: 1200, currency: 'EUR', backendSource: 'legacy', workspace: 'w' }];

describe('archive cache repo', () => {
  it('keeps the last good read per account and key, across a restart', () => {
    repo.put('acc-1', archiveCacheKeys.contracts(), contracts, '2025-01-01T00:00:00.000Z');
    repo.put('acc-2', archiveCacheKeys.contracts(), [], '2025-01-01T00:00:00.000Z');
    t.db.close();
    const again = createArchiveCacheRepo(openDatabase(t.file));
    expect(again.get('acc-1', 'contracts')).toEqual({ value: contracts, fetchedAt: '2025-01-01T00:00:00.000Z' });
    expect(again.get('acc-2', 'contracts')?.value).toEqual([]);
    expect(again.get('acc-1', archiveCacheKeys.productTypes('c-1'))).toBeUndefined();
  });

  it('replaces an older read with a newer one', () => {
    const key = archiveCacheKeys.catalogue('c-1', 'PHR');
    repo.put('acc-1', key, { options: [1] }, '2025-01-01T00:00:00.000Z');
    repo.put('acc-1', key, { options: [2] }, '2025-02-01T00:00:00.000Z');
    expect(repo.get('acc-1', key)).toEqual({ value: { options: [2] }, fetchedAt: '2025-02-01T00:00:00.000Z' });
  });

  it('refuses a value that is not JSON and clears an account', () => {
    expect(() => repo.put('acc-1', 'x', undefined, '2025-01-01')).toThrow(/not JSON/);
    repo.put('acc-1', 'a', 1, '2025-01-01');
    repo.put('acc-1', 'b', 2, '2025-01-01');
    repo.put('acc-2', 'a', 3, '2025-01-01');
    expect(repo.clearAccount('acc-1')).toBe(2);
    expect(repo.get('acc-1', 'a')).toBeUndefined();
    expect(repo.get('acc-2', 'a')?.value).toBe(3);
  });
});
