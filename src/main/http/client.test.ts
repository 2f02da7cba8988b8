import { describe, expect, it } from 'vitest';
import type { WaitNotice } from './client';
import { createHttpClient, type HttpRequest } from './client';
import { ProviderError } from './errors';

/**
 * Retry policy of the fetch wrapper, with fetch replaced by a scripted list of replies (real Response
 * objects) and sleep recorded instead of waited. Transport faults against real servers are covered by
 * the providers' integration tests.
 */

function scripted(replies: (() => Response)[]) {
  const seen: string[] = [];
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push(`${init?.method} ${String(url)}`);
    const next = replies.shift();
    if (!next) throw new Error('no more replies');
    return next();
  }) as typeof fetch;
  return { fetchFn, seen };
}

const NOW = Date.UTC(2025, 0, 1);
const reply = (status: number, headers: Record<string, string> = {}) => () => new Response(JSON.stringify({ status }), { status, headers });

function client(replies: (() => Response)[]) {
  const s = scripted(replies);
  const slept: number[] = [];
  const http = createHttpClient({ fetch: s.fetchFn, sleep: async (ms) => void slept.push(ms), now: () => NOW, random: () => 0.5 });
  return { http, slept, seen: s.seen };
}

const read = (onWait?: (n: WaitNotice) => void): HttpRequest => ({ method: 'POST', url: 'https://p.example/search', kind: 'read', body: { json: {} }, onWait });

describe('retries of reads', () => {
  it('honours Retry-After in seconds and as an HTTP date, reporting each wait before sleeping', async () => {
    const { http, slept } = client([reply(429, { 'Retry-After': '2' }), reply(503, { 'Retry-After': new Date(NOW + 5000).toUTCString() }), reply(200)]);
    const waits: WaitNotice[] = [];
    const res = await http.send(read((n) => waits.push(n)));
    expect(res.status).toBe(200);
    expect(waits).toEqual([
      { reason: 'rate-limited', seconds: 2, attempt: 1 },
      { reason: 'unavailable', seconds: 5, attempt: 2 },
    ]);
    expect(slept).toEqual([2000, 5000]);
  });
  it('backs off exponentially with jitter when the server gives no Retry-After', async () => {
    const { http, slept } = client([reply(503), reply(503), reply(503), reply(200)]);
    expect((await http.send(read())).status).toBe(200);
    expect(slept).toEqual([750, 1500, 3000]);
  });
  it('gives up after three retries: 429 as PROVIDER_RATE_LIMITED, 503 as the reply', async () => {
    const limited = client([reply(429), reply(429), reply(429), reply(429)]);
    await expect(limited.http.send(read())).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMITED' });
    expect(limited.seen).toHaveLength(4);
    const down = client([reply(503), reply(503), reply(503), reply(503)]);
    expect((await down.http.send(read())).status).toBe(503);
  });
  it('does not wait longer than the cap: a Retry-After beyond it fails now, saying when to retry', async () => {
    const { http, slept } = client([reply(429, { 'Retry-After': '600' })]);
    const err = await http.send(read()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', details: { retryAfterSeconds: 600 } });
    expect(slept).toEqual([]);
  });
});

describe('commits are sent once', () => {
  it('never retries an order on 429 or 503', async () => {
    const limited = client([reply(429, { 'Retry-After': '1' }), reply(200)]);
    await expect(limited.http.send({ ...read(), kind: 'commit' })).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMITED' });
    expect(limited.seen).toHaveLength(1);
    const down = client([reply(503), reply(200)]);
    expect((await down.http.send({ ...read(), kind: 'commit' })).status).toBe(503);
    expect(down.seen).toHaveLength(1);
    expect(down.slept).toEqual([]);
  });
});
