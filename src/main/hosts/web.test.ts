import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry, type Handlers } from '../ipc/registry';
import { startWebHost, type WebHost } from './web';

// A registry whose only effect is a counter: proves refused calls change nothing.
let changes = 0;
const handlers = {
  'settings.set': (p: { activeAccountId?: string }) => (changes++, { activeAccountId: p.activeAccountId ?? '', activeAoiId: '', createSandboxAccounts: true, sandboxAccountsCreated: false }),
  'settings.get': () => ({ activeAccountId: '', activeAoiId: '', createSandboxAccounts: true, sandboxAccountsCreated: false }),
} as unknown as Handlers;

let host: WebHost;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Imagery Desk</title>');
  host = await startWebHost({ registry: createRegistry(handlers), staticDir: dir });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw node:http so Host and Origin can be set to anything (fetch forbids changing Host). */
function send(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (headers: Record<string, string>, body = '{"activeAccountId":"x"}') =>
  send({ path: '/api/invoke/settings.set', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('browser-mode host', () => {
  it('listens on loopback only and puts the token in the URL fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves a valid call with the token', async () => {
    const before = changes;
    const r = await api({ 'x-desk-token': host.token, origin: host.origin });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { activeAccountId: 'x', activeAoiId: '', createSandboxAccounts: true, sandboxAccountsCreated: false } });
    expect(changes).toBe(before + 1);
  });

  it.each([
    ['no token', {}, 401, 'UNAUTHORIZED'],
    ['a wrong token', { 'x-desk-token': 'A'.repeat(43) }, 401, 'UNAUTHORIZED'],
    ['a token of the wrong length', { 'x-desk-token': 'short' }, 401, 'UNAUTHORIZED'],
    ['another Origin', { origin: 'https://evil.example' }, 403, 'BAD_ORIGIN'],
    ['a null Origin', { origin: 'null' }, 403, 'BAD_ORIGIN'],
    ['the same host over https', { origin: 'https://127.0.0.1' }, 403, 'BAD_ORIGIN'],
    ['a rebinding Host', { host: 'evil.example' }, 403, 'BAD_HOST'],
  ])('refuses a call with %s and changes nothing', async (_what, extra, status, code) => {
    const before = changes;
    const headers: Record<string, string> = { 'x-desk-token': host.token, origin: host.origin, ...extra };
    if (!('x-desk-token' in extra) && status === 401) delete headers['x-desk-token'];
    const r = await api(headers);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code } });
    expect(changes).toBe(before);
  });

  it('refuses GET on the API, non-JSON bodies and invalid JSON', async () => {
    const before = changes;
    expect((await send({ path: '/api/invoke/settings.get', headers: { 'x-desk-token': host.token } })).status).toBe(405);
    expect((await api({ 'x-desk-token': host.token, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await api({ 'x-desk-token': host.token }, '{not json')).status).toBe(400);
    expect(changes).toBe(before);
  });

  it('serves the renderer with a CSP, and nothing outside its folder', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Imagery Desk');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await send({ path: '/../../etc/passwd' })).status).toBe(404);
    expect((await send({ path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
  });
});

describe('browser-mode host: hostile requests (#14)', () => {
  it('answers 400 to a malformed %-escape in the path, on the API and on static paths, without a token', async () => {
    const before = changes;
    const apiReply = await send({ path: '/api/invoke/%E0%A4%A', method: 'POST', headers: { 'content-type': 'application/json', 'x-desk-token': host.token }, body: '{}' });
    expect(apiReply.status).toBe(400);
    expect(JSON.parse(apiReply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const staticReply = await send({ path: '/assets/%E0%A4%A' });
    expect(staticReply.status).toBe(400);
    expect(changes).toBe(before);
  });

  it('answers 413 to a body over 16 MiB and the client sees it (no connection reset)', async () => {
    const big = 'x'.repeat(17 * 1024 * 1024);
    const r = await api({ 'x-desk-token': host.token, origin: host.origin }, big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });
});
