import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Account } from '../src/shared/domain/account';
import { evaluateOptions } from '../src/shared/domain/option-constraints';
import type { TaskingDraft, TaskingQuery } from '../src/shared/domain/tasking';
import { launchDesk, type Launched } from '../src/main/launch';
import { caller, CONTRACT, DAY, HOUR, memoryVault, TOULOUSE } from './tasking-data';

/**
 * The app's overhead on feasibility → attempts → price → order, through the IPC registry against the
 * embedded sandbox with no latency (as archive-overhead.bench.ts): the real back end in-process
 * (launchDesk: SQLite in a temp dir, provider clients, HTTP over loopback), the legacy contract and the
 * guide's Toulouse AOI; feasibility for SPOT OnePlan, attempts for Pléiades OneDay, then the first
 * attempt priced and ordered (a fresh price and customer reference each time, as integration tests do).
 *
 * Baseline, in the same run: every provider request the desk sent during a journey is captured (the
 * `provider: { fetch }` transport hook: method, URL, headers, body, status; the `log` hook has no
 * bodies) and replayed right after with plain fetch, one after the other, bodies read, the order's
 * customer reference suffixed so the sandbox sees a new one. The replay is what the same provider calls
 * cost without the desk; overhead = journey wall time − replay wall time (per journey, then percentiles).
 */

export const ITERATIONS = 200;
const WARMUP = 20;
export const CALLS = ['feasibility', 'attempts', 'price', 'order'] as const;
type CallName = (typeof CALLS)[number];

interface Captured {
  call: CallName;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  redirect?: RequestRedirect;
  status?: number;
}

export interface Journey {
  ours: Record<CallName, number>;
  replay: Record<CallName, number>;
  /** Provider requests the desk sent during each call. */
  requests: Record<CallName, number>;
}

const sum = (r: Record<CallName, number>) => CALLS.reduce((a, k) => a + r[k], 0);
export const total = (j: Journey, side: 'ours' | 'replay'): number => sum(j[side]);

export async function runOverhead(): Promise<Journey[]> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-tasking-'));
  const captured: Captured[] = [];
  let current: CallName | null = null;
  const capture: typeof fetch = async (input, init) => {
    const entry: Captured | undefined = current
      ? { call: current, url: String(input), method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) }, body: init?.body as string | undefined, redirect: init?.redirect }
      : undefined;
    const res = await fetch(input, init);
    if (entry) captured.push({ ...entry, status: res.status });
    return res;
  };
  let app: Launched | undefined;
  try {
    app = await launchDesk({ dataDir: dir, host: 'web', version: 'bench', vault: memoryVault(), provider: { fetch: capture } }, {});
    const sandbox = app.sandbox!;
    if (sandbox.state.faults.latencyMs !== 0) throw new Error(`sandbox latency is ${sandbox.state.faults.latencyMs} ms, expected 0`);
    const call = caller(app);
    const accountId = (await call('accounts.list', {})).find((a: Account) => a.provider === 'oneatlas')!.id;
    const aoiId = (await call('aois.create', { name: 'Toulouse city', geometry: TOULOUSE })).aoi.id;
    const catalogue = (await call('archive.catalogue', { accountId, contractId: CONTRACT, productTypeId: 'PleiadesTaskingOneDay', aoiId })).value;
    const options = evaluateOptions(catalogue.options, {});
    if (!options.valid) throw new Error(`default options invalid: ${JSON.stringify(options.errors)}`);
    const market = catalogue.primaryMarkets[0]!.value;
    const query = (productTypeId: string, start: number, end: number | null, maxIncidenceAngle: number): TaskingQuery => ({
      accountId, contractId: CONTRACT, productTypeId, aoiId, start: new Date(start).toISOString(), end: end === null ? null : new Date(end).toISOString(),
      acquisitionMode: 'MONO', maxCloudCover: 25, maxIncidenceAngle,
    }); // prettier-ignore
    const draft = (attemptId: string, customerReference: string): TaskingDraft => ({
      accountId, contractId: CONTRACT, productTypeId: 'PleiadesTaskingOneDay', aoiId, attemptId, feasibilityId: null, period: null,
      acquisitionMode: 'MONO', maxCloudCover: 25, maxIncidenceAngle: 30, notificationThreshold: null, options: options.choices,
      deliveryType: catalogue.deliveryTypes[0]!.value, primaryMarket: market, secondaryMarket: catalogue.secondaryMarkets[market]?.[0]?.value ?? null,
      country: 'FR', endUserName: 'Desk bench', notificationEmails: ['buyer@example.com'], comments: null, customerReference,
    }); // prettier-ignore

    const timed = async <T>(name: CallName, ours: Record<CallName, number>, work: () => Promise<T>): Promise<T> => {
      current = name;
      const t0 = performance.now();
      try {
        return await work();
      } finally {
        ours[name] = performance.now() - t0;
        current = null;
      }
    };
    const journey = async (ref: string): Promise<Journey> => {
      captured.length = 0;
      const ours = {} as Record<CallName, number>;
      const now = Date.now();
      const f = await timed('feasibility', ours, () => call('tasking.feasibility', query('SpotTaskingOnePlan', now + 2 * DAY, now + 32 * DAY, 50)));
      if (!f.available) throw new Error(`feasibility not available: ${JSON.stringify(f.errors)}`);
      const set = await timed('attempts', ours, () => call('tasking.attempts', query('PleiadesTaskingOneDay', now + HOUR, null, 30)));
      const d = draft(set.attempts[0]!.id, ref);
      const price = await timed('price', ours, () => call('tasking.price', d));
      const placed = await timed('order', ours, () => call('tasking.order', { draft: d, priceId: price.id, confirmed: true }));
      if (placed.taskings.length !== 1) throw new Error(`order made ${placed.taskings.length} taskings`);
      const requests = captured.splice(0);
      if (CALLS.some((c) => !requests.some((r) => r.call === c))) throw new Error('a call sent no provider request the capture saw');
      const counts = Object.fromEntries(CALLS.map((c) => [c, requests.filter((r) => r.call === c).length])) as Record<CallName, number>;
      return { ours, replay: await replay(requests), requests: counts };
    };

    const runId = Date.now().toString(36);
    const journeys: Journey[] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const j = await journey(`bench-tk-${runId}-${i}`);
      if (i >= WARMUP) journeys.push(j);
      sandbox.state.credit.clear(); // orders debit the contract; refill it between journeys (untimed)
    }
    return journeys;
  } finally {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The captured requests again with plain fetch, in order, timed per call; each must answer as it did. */
async function replay(requests: Captured[]): Promise<Record<CallName, number>> {
  const times = Object.fromEntries(CALLS.map((c) => [c, 0])) as Record<CallName, number>;
  for (const r of requests) {
    let body = r.body;
    if (r.call === 'order' && r.method === 'POST' && body) {
      const json = JSON.parse(body) as { customerReference?: string };
      if (json.customerReference) body = JSON.stringify({ ...json, customerReference: `${json.customerReference}-replay` });
    }
    const t0 = performance.now();
    const res = await fetch(r.url, { method: r.method, headers: r.headers, body, redirect: r.redirect });
    await res.arrayBuffer();
    times[r.call] += performance.now() - t0;
    if (res.status !== r.status) throw new Error(`replayed ${r.method} ${r.url} answered ${res.status}, the desk's answered ${r.status}`);
  }
  return times;
}
