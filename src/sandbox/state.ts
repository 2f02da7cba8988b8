import type { ArchiveProviderKind, ProviderKind } from '../shared/domain/providers';

/** Everything the sandbox remembers; `reset()` returns it to a fresh, seeded start. */

export interface Faults {
  /** Added to every provider response, in milliseconds. */
  latencyMs: number;
  /** Answer this many next provider requests with 429 + Retry-After. */
  rateLimitNext: number;
  retryAfterSeconds: number;
  /** Answer this many next provider requests with 503. */
  unavailableNext: number;
  /** Order endpoints commit the order, then destroy the socket without answering (this many times). */
  dropAfterCommitNext: number;
  /**
   * Product downloads (GET with a body) send about half the bytes they would send, then the socket is
   * destroyed: the client sees a premature end, fewer bytes than Content-Length (this many times).
   */
  cutDownloadNext: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, rateLimitNext: 0, retryAfterSeconds: 2, unavailableNext: 0, dropAfterCommitNext: 0, cutDownloadNext: 0 };

/** One thing the sandbox accepted (order, quotation, tasking, programming order), with the exact body. */
export interface AcceptedRecord {
  kind: 'order' | 'quotation' | 'tasking' | 'programming';
  provider: ProviderKind;
  id: string;
  customerReference?: string;
  receivedAt: string;
  path: string;
  body: unknown;
  /** Provider-specific live data (status, segments, …) owned by the module that created it. */
  data: Record<string, unknown>;
}

export interface IssuedToken {
  token: string;
  /** The Airbus APIs issue bearer tokens; Origen's token is a fixed credential. */
  provider: ArchiveProviderKind;
  expiresAt: number;
}

export interface SandboxOptions {
  seed?: number;
  /** Simulated start time; defaults to the real time at start-up. */
  startTime?: Date;
  /** Lifetime of issued bearer tokens (OneAtlas `expires_in`, GeoAPI client credentials). */
  tokenLifetimeSeconds?: number;
}

export class SandboxState {
  seed: number;
  tokenLifetimeSeconds: number;
  faults: Faults = { ...NO_FAULTS };
  tokens = new Map<string, IssuedToken>();
  accepted: AcceptedRecord[] = [];
  /** Remaining credit per contract id, debited by orders. */
  credit = new Map<string, number>();
  /** Modules keep their own mutable collections here, keyed by module name, cleared on reset. */
  stores = new Map<string, unknown>();
  private offsetMs = 0;
  private readonly realStart: number;
  private readonly simStart: number;
  private readonly defaults: Required<Pick<SandboxOptions, 'seed' | 'tokenLifetimeSeconds'>>;

  constructor(opts: SandboxOptions = {}) {
    this.defaults = { seed: opts.seed ?? 42, tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? 3600 };
    this.seed = this.defaults.seed;
    this.tokenLifetimeSeconds = this.defaults.tokenLifetimeSeconds;
    this.realStart = Date.now();
    this.simStart = opts.startTime?.getTime() ?? this.realStart;
  }

  /** Simulated time: real time elapsed since start plus whatever admin advanced. */
  now(): Date {
    return new Date(this.simStart + (Date.now() - this.realStart) + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(seed?: number): void {
    this.seed = seed ?? this.defaults.seed;
    this.tokenLifetimeSeconds = this.defaults.tokenLifetimeSeconds;
    this.faults = { ...NO_FAULTS };
    this.tokens.clear();
    this.accepted = [];
    this.credit.clear();
    this.stores.clear();
    this.offsetMs = 0;
  }

  /** A module's private store, created on first use (and again after a reset). */
  store<T>(name: string, create: () => T): T {
    if (!this.stores.has(name)) this.stores.set(name, create());
    return this.stores.get(name) as T;
  }
}
