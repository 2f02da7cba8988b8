import { createHttpClient, type HttpLogEntry, type Sleep, type TokenCache } from '../http';
import { createGeoApiProvider } from './geoapi/client';
import { createOneAtlasProvider } from './oneatlas/client';
import type { ArchiveProvider, ProviderAccount } from './types';

/**
 * Picks the archive client for an account. The token cache is shared by every client the app builds
 * (one per call is fine: tokens outlive clients); fetch, sleep and clock are injectable for tests.
 */

export interface ProviderDeps {
  tokenCache: TokenCache;
  fetch?: typeof fetch;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
  log?: (entry: HttpLogEntry) => void;
}

export function createArchiveProvider(kind: ArchiveProvider['kind'], account: ProviderAccount, deps: ProviderDeps): ArchiveProvider {
  const http = createHttpClient({ fetch: deps.fetch, sleep: deps.sleep, now: deps.now, random: deps.random, timeoutMs: deps.timeoutMs, log: deps.log });
  return kind === 'oneatlas' ? createOneAtlasProvider(account, http, deps.tokenCache) : createGeoApiProvider(account, http, deps.tokenCache);
}

export type { ArchiveProvider, ProviderAccount } from './types';
