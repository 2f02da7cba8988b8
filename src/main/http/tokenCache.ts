import { createHash } from 'node:crypto';

/**
 * Bearer tokens per account, shared by every client built for that account. The key carries a SHA-256
 * fingerprint of the secret, never the secret: a changed secret gets a new entry instead of a stale
 * token. Concurrent callers share one token request.
 */

export interface TokenGrant {
  token: string;
  expiresInSeconds: number;
}

interface Entry {
  token: string;
  expiresAt: number;
}

/** Renew this long before the provider's expiry (never more than a tenth of the lifetime). */
const MARGIN_MS = 60_000;

export function tokenCacheKey(accountId: string, authUrl: string, secretMaterial: string): string {
  const fingerprint = createHash('sha256').update(secretMaterial, 'utf8').digest('hex');
  return `${accountId}\n${authUrl}\n${fingerprint}`;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A valid cached token, or a fresh one from `fetchGrant` (one request however many callers wait). */
  async get(key: string, fetchGrant: () => Promise<TokenGrant>): Promise<string> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return entry.token;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const request = fetchGrant()
      .then((grant) => {
        const lifetimeMs = Math.max(0, grant.expiresInSeconds) * 1000;
        const margin = Math.min(MARGIN_MS, lifetimeMs / 10);
        this.entries.set(key, { token: grant.token, expiresAt: this.now() + lifetimeMs - margin });
        return grant.token;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, request);
    return request;
  }

  /** Forgets `token` if it is still the cached one (a concurrent caller may already have renewed it). */
  invalidate(key: string, token: string): void {
    if (this.entries.get(key)?.token === token) this.entries.delete(key);
  }

  /** Drops every token of an account (its secret was changed or removed). */
  clearAccount(accountId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${accountId}\n`)) this.entries.delete(key);
  }
}
