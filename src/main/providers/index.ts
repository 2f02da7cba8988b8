import { PROVIDERS, type ArchiveProviderKind, type Capability, type KindWith, type ProviderKind } from '../../shared/domain/providers';
import { createHttpClient, type HttpClient, type HttpLogEntry, type Sleep, type TokenCache } from '../http';
import { createGeoApiProvider } from './geoapi/client';
import { createOneAtlasProvider } from './oneatlas/client';
import { createOrigenProgramming } from './origen/client';
import type { ProgrammingClient } from './origen/types';
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
type ProgrammingFactory = (account: ProviderAccount, http: HttpClient) => ProgrammingClient;

interface RegistryEntry {
  capabilities: readonly Capability[];
  /** The archive client (search, price, order, order lookup, quotations where declared). */
  archive?: ArchiveFactory;
  /** The programming client (Origen create, and its list/detail extension where served). */
  programming?: ProgrammingFactory;
}

export const PROVIDER_REGISTRY = {
  oneatlas: { capabilities: PROVIDERS.oneatlas.capabilities, archive: createOneAtlasProvider },
  geoapi: { capabilities: PROVIDERS.geoapi.capabilities, archive: createGeoApiProvider },
  origen: { capabilities: PROVIDERS.origen.capabilities, programming: createOrigenProgramming },
} as const satisfies Record<ProviderKind, RegistryEntry> & Record<ArchiveProviderKind, { archive: ArchiveFactory }> & Record<KindWith<'programming'>, { programming: ProgrammingFactory }>;

/** Builds the archive client of an account of `kind` over one HTTP client. */
export function createArchiveProvider(kind: ArchiveProviderKind, account: ProviderAccount, deps: ProviderDeps): ArchiveProvider {
  const http = createHttpClient({ fetch: deps.fetch, sleep: deps.sleep, now: deps.now, random: deps.random, timeoutMs: deps.timeoutMs, log: deps.log });
  return PROVIDER_REGISTRY[kind].archive(account, http, deps.tokenCache);
}

/** Builds the programming client of an account of `kind` over one HTTP client. */
export function createProgrammingProvider(kind: KindWith<'programming'>, account: ProviderAccount, deps: ProviderDeps): ProgrammingClient {
  const http = createHttpClient({ fetch: deps.fetch, sleep: deps.sleep, now: deps.now, random: deps.random, timeoutMs: deps.timeoutMs, log: deps.log });
  return PROVIDER_REGISTRY[kind].programming(account, http);
}

export type { ArchiveProvider, ProviderAccount } from './types';
export type { ProgrammingClient, ProgrammingRequest, ProviderProgrammingOrder } from './origen/types';
