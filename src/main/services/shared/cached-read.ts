import type { z } from 'zod';
import { isUnreachableCode } from '../../../shared/errors';
import type { Cached } from '../../../shared/ipc/contract';
import { DeskFailure } from '../../errors';

export type { Cached } from '../../../shared/ipc/contract';

export interface CacheStore {
  /** `typed`: the copy comes from a repo that already checked every row, so it is not parsed again. */
  get(accountId: string, key: string): { value: unknown; fetchedAt: string; typed?: true } | undefined;
  put(accountId: string, key: string, value: unknown, fetchedAt: string): void;
}

/** Failures that mean "the provider cannot be reached now", as opposed to "it said no". */
export const isUnreachable = (err: unknown): err is DeskFailure => err instanceof DeskFailure && isUnreachableCode(err.code);

/**
 * A provider read that keeps its last good answer: online it refreshes the stored copy; when the
 * provider cannot be reached it answers the stored copy and says it is offline. A provider refusal
 * (4xx) or a malformed reply is never papered over with old data.
 */
export async function cachedRead<T>(
  store: CacheStore,
  accountId: string,
  key: string,
  fetch: () => Promise<T>,
  schema: z.ZodType<T>,
  now: () => Date = () => new Date(),
): Promise<Cached<T>> {
  try {
    const value = await fetch();
    const fetchedAt = now().toISOString();
    store.put(accountId, key, value, fetchedAt);
    return { value, offline: false, fetchedAt, offlineReason: null };
  } catch (err) {
    if (!isUnreachable(err)) throw err;
    const stored = store.get(accountId, key);
    // A copy written by an older version that no longer fits is as good as none.
    const parsed = stored?.typed ? { success: true as const, data: stored.value as T } : stored ? schema.safeParse(stored.value) : undefined;
    if (!stored || !parsed?.success) throw err;
    return { value: parsed.data, offline: true, fetchedAt: stored.fetchedAt, offlineReason: (err as DeskFailure).message };
  }
}

const latest = (dates: string[]) => dates.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);

/**
 * A CacheStore over a feature's own tables (taskings, programming orders): the online read writes them
 * itself, so `put` does nothing, and the offline answer is the stored rows, dated by the latest of
 * `dates`. The repos check each row as they read it, so the copy is not parsed again (10,000 segments
 * are not checked twice).
 */
export const storedCopy = <T>(read: () => { value: T; dates: string[] } | undefined): CacheStore => ({
  get: () => {
    const got = read();
    const at = got ? latest(got.dates) : null;
    return got && at ? { value: got.value, fetchedAt: at, typed: true as const } : undefined;
  },
  put: () => undefined,
});
