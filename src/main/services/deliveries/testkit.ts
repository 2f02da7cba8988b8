import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Account } from '../../../shared/domain/account';
import type { DeliveredProduct, Download } from '../../../shared/domain/deliveries';
import { evaluateOptions } from '../../../shared/domain/option-constraints';
import { SANDBOX_CREDENTIALS } from '../../../shared/domain/sandbox';
import type { Channel, Request, Response } from '../../../shared/ipc/contract';
import { startSandbox, type SandboxServer } from '../../../sandbox/server';
import { createDesk, type Desk, type DeskOptions } from '../../desk';
import { params } from '../../store/archive-test-fixtures';
import { createKeychainVault } from '../../vault/keychain-vault';

/**
 * The "My data" integration harness: the real back end (SQLite file, keychain, provider clients) against
 * a sandbox started once and kept across desks, so a test can close the desk and open a new one on the
 * same data folder, as a restart of the app does, while the provider remembers its orders.
 */

// Toulouse, ~72 km², inside the sandbox's seeded coverage.
const TOULOUSE = { type: 'Polygon' as const, coordinates: [[[1.4, 43.56], [1.5, 43.56], [1.5, 43.64], [1.4, 43.64], [1.4, 43.56]]] };

export interface Harness {
  dir: string;
  sandbox: SandboxServer;
  desk: Desk;
  /** Closes the desk and opens a new one on the same data folder (an app restart). */
  restart(extra?: Partial<DeskOptions>): Promise<void>;
  call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>>;
  failure<C extends Channel>(channel: C, request: Request<C>): Promise<{ code: string; message: string; details?: Record<string, unknown> }>;
  admin(path: string, body?: unknown): Promise<Record<string, unknown>>;
  accountOf(provider: Account['provider']): Promise<Account>;
  close(): Promise<void>;
}

export async function startHarness(name: string, extra: Partial<DeskOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), `desk-${name}-`));
  const sandbox = await startSandbox({});
  const vault = createKeychainVault(`imagery-desk-${name}-${process.pid}`);
  const open = async (more: Partial<DeskOptions>) => {
    // Short waits before the automatic retries keep the tests quick; the sequence is the same.
    const desk = createDesk({ dataDir: dir, host: 'web', version: 'test', vault, sandboxOrigin: sandbox.origin, downloads: { retryDelaysMs: [100, 300] }, ...extra, ...more });
    await desk.syncSandboxAccounts(sandbox.baseUrls);
    return desk;
  };
  const h: Harness = {
    dir,
    sandbox,
    desk: await open({}),
    async restart(more = {}) {
      h.desk.close();
      h.desk = await open(more);
    },
    async call(channel, request) {
      const r = await h.desk.registry.dispatch(channel, request);
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
      return r.value as never;
    },
    async failure(channel, request) {
      const r = await h.desk.registry.dispatch(channel, request);
      if (r.ok) throw new Error(`${channel} succeeded`);
      return r.error as { code: string; message: string; details?: Record<string, unknown> };
    },
    admin: (path, body) =>
      fetch(`${sandbox.origin}/__admin${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(
        (r) => r.json() as Promise<Record<string, unknown>>,
      ),
    accountOf: async (provider) => (await h.call('accounts.list', {})).find((a: Account) => a.provider === provider)!,
    async close() {
      h.desk.close();
      await sandbox.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** Orders `count` Pléiades scenes over Toulouse through the desk with this customer reference; resolves to the stored order. */
export async function orderArchive(h: Pick<Harness, 'call' | 'accountOf'>, customerReference: string, count = 1) {
  const accountId = (await h.accountOf('oneatlas')).id;
  const aoiId = (await h.call('aois.create', { name: customerReference, geometry: TOULOUSE })).aoi.id;
  const contract = (await h.call('archive.contracts', { accountId })).value.find((c) => c.backendSource === 'legacy')!;
  const product = (await h.call('archive.productTypes', { accountId, contractId: contract.contractId })).value.find((t) => t.mission === 'PLEIADES')!;
  const catalogue = (await h.call('archive.catalogue', { accountId, contractId: contract.contractId, productTypeId: product.productTypeId, aoiId })).value;
  const page = await h.call('archive.search', params({ accountId, contractId: contract.contractId, aoiId, from: '2023-01-01', constellations: ['PHR'], pageSize: 20 }));
  const market = catalogue.primaryMarkets[0]!.value;
  const draft = {
    accountId,
    contractId: contract.contractId,
    productTypeId: product.productTypeId,
    aoiId,
    sceneIds: page.scenes.slice(0, count).map((s) => s.id),
    searchId: page.search.searchId,
    options: evaluateOptions(catalogue.options, {}).choices,
    deliveryType: catalogue.deliveryTypes[0]!.value,
    primaryMarket: market,
    secondaryMarket: catalogue.secondaryMarkets[market]?.[0]?.value ?? null,
    country: catalogue.countries.find((c) => c.value === 'FR')?.value ?? catalogue.countries[0]?.value ?? null,
    customerReference,
    notificationEmails: ['orders@example.com'],
  };
  const quote = await h.call('archive.price', draft);
  return { accountId, order: await h.call('archive.order', { draft, priceQuoteId: quote.id, confirmed: true }) };
}

/** The delivered products of the account carrying this customer reference. */
export async function deliveredWith(h: Harness, accountId: string, customerReference: string): Promise<DeliveredProduct[]> {
  return (await h.call('deliveries.list', { accountId })).value.filter((p) => p.customerReference === customerReference);
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The sha-256 (hex) the sandbox vouches for, from a HEAD on the download link with a fresh token. */
export async function sandboxDigest(h: Harness, href: string): Promise<string> {
  const auth = await fetch(`${h.sandbox.baseUrls.oneatlas.auth}/auth/realms/IDP/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'IDP' }),
  });
  const token = ((await auth.json()) as { access_token: string }).access_token;
  const head = await fetch(href, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
  const repr = /sha-256=:([^:]+):/.exec(head.headers.get('repr-digest') ?? '')?.[1];
  if (!repr) throw new Error(`no Repr-Digest on HEAD ${href} (HTTP ${head.status})`);
  return Buffer.from(repr, 'base64').toString('hex');
}

/** Polls `deliveries.downloads` until `done(d)` holds for the download (or fails after `ms`). */
export async function waitFor(h: Harness, id: string, done: (d: Download) => boolean, ms = 30_000, each?: (d: Download) => void): Promise<Download> {
  const deadline = Date.now() + ms;
  for (;;) {
    const d = (await h.call('deliveries.downloads', {})).find((x) => x.id === id);
    if (!d) throw new Error(`download ${id} is gone`);
    each?.(d);
    if (done(d)) return d;
    if (Date.now() > deadline) throw new Error(`download ${id} stayed ${d.status} at ${d.bytesDone} bytes: ${JSON.stringify(d.error)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const settled = (d: Download) => d.status === 'done' || d.status === 'failed' || d.status === 'paused' || d.status === 'cancelled';
