import { PROVIDERS, type ArchiveProviderKind, type Capability, type ProviderKind } from '../../shared/domain/providers';
import { createHttpClient, type HttpClient, type HttpLogEntry, type Sleep, type TokenCache } from '../http';
import { createGeoApiProvider } from './geoapi/client';
import { createOneAtlasProvider } from './oneatlas/client';
import type { ArchiveProvider, ProviderAccount } from './types';

/**
 * The provider registry: one entry per kind, with the capabilities it declares (the same list the
 * renderer reads from shared/domain/providers) and the factory of its client. Services never pick a
 * client by `if (kind === …)`; they ask here. A kind whose client is still to come has no factory.
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

type ArchiveFactory = (account: ProviderAccount, http: HttpClient, cache: TokenCache) => ArchiveProvider;

interface RegistryEntry {
  capabilities: readonly Capability[];
  /** The archive client (search, price, order, order lookup, quotations where declared). */
  archive?: ArchiveFactory;
}

export const PROVIDER_REGISTRY = {
  oneatlas: { capabilities: PROVIDERS.oneatlas.capabilities, archive: createOneAtlasProvider },
  geoapi: { capabilities: PROVIDERS.geoapi.capabilities, archive: createGeoApiProvider },
  // Origen programming orders have no client in main yet (the sandbox already serves them).
  origen: { capabilities: PROVIDERS.origen.capabilities },
} as const satisfies Record<ProviderKind, RegistryEntry> & Record<ArchiveProviderKind, { archive: ArchiveFactory }>;

/** Builds the archive client of an account of `kind` over one HTTP client. */
export function createArchiveProvider(kind: ArchiveProviderKind, account: ProviderAccount, deps: ProviderDeps): ArchiveProvider {
  const http = createHttpClient({ fetch: deps.fetch, sleep: deps.sleep, now: deps.now, random: deps.random, timeoutMs: deps.timeoutMs, log: deps.log });
  return PROVIDER_REGISTRY[kind].archive(account, http, deps.tokenCache);
}

export type { ArchiveProvider, ProviderAccount } from './types';
