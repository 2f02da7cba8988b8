import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxServer } from '../../sandbox/server';
import { TokenCache } from '../http';
import { createArchiveProvider } from './index';
import { geoApiAccount, oneAtlasAccount, TOULOUSE } from './testkit';
import type { ArchiveOrderRequest } from './types';

/**
 * What the sandbox cannot fake: a server answering the wrong shape, nothing listening, and a server
 * that takes the request and never answers. Tiny local HTTP servers over real sockets.
 */

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
const close = (s: Server) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); }); // prettier-ignore

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

let sb: SandboxServer;
let wrong: { server: Server; origin: string };
let silent: { server: Server; origin: string };
let refusedOrigin = '';
beforeAll(async () => {
  sb = await startSandbox({ seed: 9 });
  // Answers a valid token, then replies of the wrong shape.
  wrong = await listen((req, res) => {
    const url = req.url ?? '';
    if (url.endsWith('/openid-connect/token') || url.endsWith('/connect/token')) return json(res, 200, { access_token: 'tok', expires_in: 3600, token_type: 'Bearer' });
    if (url.endsWith('/api/v1/contracts')) return json(res, 200, { contracts: [{ contractId: 42, name: 'x' }] });
    if (url.endsWith('/api/v1/me')) return json(res, 200, { contract: { workspaceId: 'ws' } });
    if (url.endsWith('/productTypes')) return json(res, 200, '<html>maintenance</html>');
    if (url.endsWith('/api/v1/orders')) return json(res, 200, { ok: true });
    json(res, 404, { message: 'nope' });
  });
  // Reads the request, never answers.
  silent = await listen((req) => req.resume());
  const gone = await listen(() => undefined);
  refusedOrigin = gone.origin;
  await close(gone.server);
});
afterAll(async () => {
  await Promise.all([sb.close(), close(wrong.server), close(silent.server)]);
});

const geoReq: ArchiveOrderRequest = {
  contractId: 'SANDBOX-GEOAPI',
  productTypeId: 'PleiadesArchiveMono',
  aoi: TOULOUSE,
  scenes: [{ id: 'x', sourceId: 'DS_PHR1A_202301011030000_FR1_PX_E001N43_0615_01665' }],
  options: [{ key: 'processing_level', value: 'primary' }],
  deliveryType: 'network',
  workspace: null,
  primaryMarket: 'AGRI',
  secondaryMarket: null,
  country: null,
  customerReference: 'transport',
  notificationEmails: [],
};

function withOrigin(endpoints: Record<string, string>, origin: string, keys: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(endpoints).map(([k, v]) => [k, keys.includes(k) ? origin : v]));
}

describe('malformed replies', () => {
  it('PROVIDER_MALFORMED names the path that did not match, and nothing is returned', async () => {
    const account = oneAtlasAccount(sb.baseUrls);
    account.endpoints = withOrigin(account.endpoints, wrong.origin, ['auth', 'order', 'data']);
    const oa = createArchiveProvider('oneatlas', account, { tokenCache: new TokenCache() });
    const err = await oa.contracts().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PROVIDER_MALFORMED', details: { path: 'contracts[0].contractId', status: 200 } });
    expect((err as Error).message).toContain('contracts[0].contractId');
    await expect(oa.productTypes('C')).rejects.toMatchObject({ code: 'PROVIDER_MALFORMED', details: { path: '(root)' } });
  });

  it('an order accepted with an unreadable reply is ambiguous, not malformed', async () => {
    const account = geoApiAccount(sb.baseUrls);
    account.endpoints = withOrigin(account.endpoints, wrong.origin, ['auth', 'order']);
    const geo = createArchiveProvider('geoapi', account, { tokenCache: new TokenCache() });
    await expect(geo.order(geoReq)).rejects.toMatchObject({ code: 'ORDER_AMBIGUOUS', details: { path: 'salesOrderId' } });
  });
});

describe('nothing listening', () => {
  it('PROVIDER_UNREACHABLE names the host', async () => {
    const account = oneAtlasAccount(sb.baseUrls);
    account.endpoints = withOrigin(account.endpoints, refusedOrigin, ['auth']);
    const oa = createArchiveProvider('oneatlas', account, { tokenCache: new TokenCache() });
    const err = await oa.testConnection().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PROVIDER_UNREACHABLE', details: { cause: 'ECONNREFUSED', host: new URL(refusedOrigin).host } });
    expect((err as Error).message).toContain(new URL(refusedOrigin).host);
  });

  it('an order that could not connect is not ambiguous: nothing was sent', async () => {
    const account = geoApiAccount(sb.baseUrls);
    account.endpoints = withOrigin(account.endpoints, refusedOrigin, ['order']);
    const geo = createArchiveProvider('geoapi', account, { tokenCache: new TokenCache() });
    await geo.testConnection();
    await expect(geo.order(geoReq)).rejects.toMatchObject({ code: 'PROVIDER_UNREACHABLE', message: expect.stringContaining('Nothing was sent') });
  });
});

describe('a server that never answers', () => {
  it('times a read out as PROVIDER_UNREACHABLE and an order as ORDER_AMBIGUOUS', async () => {
    const account = geoApiAccount(sb.baseUrls);
    account.endpoints = withOrigin(account.endpoints, silent.origin, ['order']);
    const geo = createArchiveProvider('geoapi', account, { tokenCache: new TokenCache(), timeoutMs: 300 });
    await expect(geo.contracts()).rejects.toMatchObject({ code: 'PROVIDER_UNREACHABLE', details: { cause: 'timeout' }, message: expect.stringContaining('within 0.3 s') });
    await expect(geo.order(geoReq)).rejects.toMatchObject({ code: 'ORDER_AMBIGUOUS', details: { cause: 'timeout' } });
  });
});
