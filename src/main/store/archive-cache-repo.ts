import type { Database } from 'better-sqlite3';

/** A provider read kept for offline use. `value` is unknown on purpose: an older app version may have
 * written it, so the service validates it with the domain schema before trusting it. */
export interface CachedRead {
  value: unknown;
  fetchedAt: string;
}

/** The keys services use, in one place so a reader and a writer cannot disagree on spelling. */
export const archiveCacheKeys = {
  contracts: (): string => 'contracts',
  productTypes: (contractId: string): string => `productTypes:${contractId}`,
  catalogue: (contractId: string, productTypeId: string): string => `catalogue:${contractId}:${productTypeId}`,
};

export function createArchiveCacheRepo(db: Database) {
  const one = db.prepare<[string, string], { json: string; fetched_at: string }>(
    'SELECT json, fetched_at FROM provider_cache WHERE account_id = ? AND key = ?',
  );
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO provider_cache (account_id, key, json, fetched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, key) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at`,
  );
  const clear = db.prepare<[string]>('DELETE FROM provider_cache WHERE account_id = ?');

  return {
    get(accountId: string, key: string): CachedRead | undefined {
      const row = one.get(accountId, key);
      return row ? { value: JSON.parse(row.json) as unknown, fetchedAt: row.fetched_at } : undefined;
    },
    /** Only call with a good read: a failed request must leave the last good one in place. */
    put(accountId: string, key: string, value: unknown, fetchedAt: string): void {
      const json = JSON.stringify(value);
      if (json === undefined) throw new Error(`provider cache ${key}: value is not JSON`);
      upsert.run(accountId, key, json, fetchedAt);
    },
    /** When an account is removed its cached reads go with it; returns how many were removed. */
    clearAccount: (accountId: string): number => clear.run(accountId).changes,
  };
}
export type ArchiveCacheRepo = ReturnType<typeof createArchiveCacheRepo>;
