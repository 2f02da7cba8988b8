import { describe, expect, it } from 'vitest';
import { TokenCache, tokenCacheKey } from './tokenCache';

describe('tokenCacheKey', () => {
  it('fingerprints the secret and never contains it', () => {
    const key = tokenCacheKey('acc-1', 'https://auth.example/token', 'super-secret-api-key');
    expect(key).not.toContain('super-secret');
    expect(key).toMatch(/^acc-1\nhttps:\/\/auth\.example\/token\n[0-9a-f]{64}$/);
    expect(tokenCacheKey('acc-1', 'https://auth.example/token', 'another')).not.toBe(key);
    expect(tokenCacheKey('acc-2', 'https://auth.example/token', 'super-secret-api-key')).not.toBe(key);
  });
});

describe('TokenCache', () => {
  it('reuses a token until expires_in minus the margin, then fetches a new one', async () => {
    let t = 0;
    let issued = 0;
    const cache = new TokenCache(() => t);
    const grant = async () => ({ token: `tok-${++issued}`, expiresInSeconds: 3600 });
    expect(await cache.get('k', grant)).toBe('tok-1');
    t = 3_539_000; // 3600 s minus the 60 s margin, less one second
    expect(await cache.get('k', grant)).toBe('tok-1');
    t = 3_540_000;
    expect(await cache.get('k', grant)).toBe('tok-2');
  });
  it('keeps the margin to a tenth of short lifetimes', async () => {
    let t = 0;
    let issued = 0;
    const cache = new TokenCache(() => t);
    const grant = async () => ({ token: `tok-${++issued}`, expiresInSeconds: 10 });
    await cache.get('k', grant);
    t = 8_999;
    expect(await cache.get('k', grant)).toBe('tok-1');
    t = 9_000;
    expect(await cache.get('k', grant)).toBe('tok-2');
  });
  it('shares one token request among concurrent callers', async () => {
    let calls = 0;
    const cache = new TokenCache();
    const grant = () => new Promise<{ token: string; expiresInSeconds: number }>((r) => setTimeout(() => r({ token: `tok-${++calls}`, expiresInSeconds: 60 }), 10));
    const tokens = await Promise.all([cache.get('k', grant), cache.get('k', grant), cache.get('k', grant)]);
    expect(tokens).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(calls).toBe(1);
  });
  it('invalidates only the token it was told about, and forgets failed requests', async () => {
    const cache = new TokenCache();
    await cache.get('k', async () => ({ token: 'a', expiresInSeconds: 60 }));
    cache.invalidate('k', 'stale');
    expect(await cache.get('k', async () => ({ token: 'b', expiresInSeconds: 60 }))).toBe('a');
    cache.invalidate('k', 'a');
    await expect(cache.get('k', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await cache.get('k', async () => ({ token: 'c', expiresInSeconds: 60 }))).toBe('c');
  });
  it('clears every token of an account', async () => {
    const cache = new TokenCache();
    const key = tokenCacheKey('acc', 'u', 's');
    await cache.get(key, async () => ({ token: 'a', expiresInSeconds: 60 }));
    cache.clearAccount('acc');
    expect(await cache.get(key, async () => ({ token: 'b', expiresInSeconds: 60 }))).toBe('b');
  });
});
