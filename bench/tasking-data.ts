import type { Account } from '../src/shared/domain/account';
import type { AttemptSet } from '../src/shared/domain/tasking';
import { EMPTY_WORKSPACE, type WorkspaceState } from '../src/shared/domain/workspace';
import type { Channel, Request, Response } from '../src/shared/ipc/contract';
import { launchDesk, type Launched } from '../src/main/launch';
import { createTaskingsRepo, type SegmentRow, type TaskingRow } from '../src/main/store/taskings-repo';
import type { Vault } from '../src/main/vault/vault';
import { seededRandom, stripRing } from './strips';

/**
 * Data for bench/tasking.bench.ts, made with the app's own back end (launchDesk with the embedded
 * sandbox, as a first run would): the sandbox accounts, the guide's Toulouse AOI, the contract list and
 * tasking offers read once (so they are stored for an offline start), stored taskings with synthetic
 * segments (createTaskingsRepo on the same SQLite file, migrations included) and the workspace the
 * host restores (Tasking section, the tab to open). Also the 200-attempt answer built from a real one.
 */

export const CONTRACT = 'CTR-SANDBOX-LEGACY';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The One Tasking guide's Toulouse AOI (~132 km², above the Pléiades 100 km² minimum). */
export const TOULOUSE = {
  type: 'Polygon' as const,
  coordinates: [[[1.37638092041016, 43.5453131406237], [1.50959014892578, 43.5453131406237], [1.50959014892578, 43.6561983054132], [1.37638092041016, 43.6561983054132], [1.37638092041016, 43.5453131406237]]] as [number, number][][], // prettier-ignore
};

/** Sandbox accounts keep no secret; the OS keychain is not what is measured. */
export function memoryVault(): Vault {
  const entries = new Map<string, string>();
  return {
    status: async () => ({ available: true, message: 'In-memory vault (bench).' }),
    get: async (a, k) => entries.get(`${a}/${k}`) ?? null,
    set: async (a, k, v) => void entries.set(`${a}/${k}`, v),
    delete: async (a, k) => void entries.delete(`${a}/${k}`),
  };
}

export type Call = <C extends Channel>(channel: C, request: Request<C>) => Promise<Response<C>>;
export const caller = (app: Launched): Call => async (channel, request) => {
  const r = await app.desk.registry.dispatch(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as Response<typeof channel>;
};

export interface SeededTasking {
  id: string;
  segments: number;
}

/**
 * A data folder as after a first run: sandbox accounts, the Toulouse AOI, contracts and offers stored,
 * `taskings` (each with that many segments) stored on the legacy contract, and a workspace open on the
 * Tasking section's `tab` with the Pléiades OneDay offer chosen. Answers the OneAtlas account id.
 */
export async function seedFolder(dir: string, tab: 'new' | 'taskings', taskings: SeededTasking[] = []): Promise<string> {
  const app = await launchDesk({ dataDir: dir, host: 'web', version: 'bench', vault: memoryVault() }, {});
  try {
    const call = caller(app);
    const accountId = (await call('accounts.list', {})).find((a: Account) => a.provider === 'oneatlas')!.id;
    const aoi = (await call('aois.create', { name: 'Toulouse city', geometry: TOULOUSE })).aoi;
    await call('archive.contracts', { accountId });
    await call('tasking.productTypes', { accountId, contractId: CONTRACT });
    const repo = createTaskingsRepo(app.desk.db);
    taskings.forEach((t, i) => {
      const segments = makeSegments(t.id, t.segments, i + 1);
      repo.saveTasking(taskingRow(accountId, t.id, segments), null, null, 'ordered');
      repo.saveSegments(accountId, segments.map((segment) => ({ segment, raw: segment })));
    });
    await call('workspace.current', {});
    const state: WorkspaceState = {
      ...EMPTY_WORKSPACE,
      section: 'tasking',
      taskingTab: tab,
      accountId,
      contractId: CONTRACT,
      aoiId: aoi.id,
      taskingProductTypeId: 'PleiadesTaskingOneDay',
      view: { center: [1.44, 43.6], zoom: 9, rotation: 0, projection: 3857 },
    };
    await call('workspace.save', { state });
    return accountId;
  } finally {
    await app.close();
  }
}

/** Strips over western Europe (bench/strips.ts), mostly validated, some proposed or refused, over a year. */
function makeSegments(taskingId: string, count: number, seed: number): SegmentRow[] {
  const rnd = seededRandom(seed);
  const year = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i): SegmentRow => {
    const { ring } = stripRing(rnd);
    const at = new Date(year + Math.floor(rnd() * 365 * DAY)).toISOString();
    const r = rnd();
    const status = r < 0.02 ? 'Proposed' : r < 0.07 ? 'Refused' : 'Validated';
    return {
      id: `${taskingId}_SEG_${String(i + 1).padStart(5, '0')}`,
      taskingId,
      status,
      catalogId: status === 'Validated' ? `DS_PHR1A_${at.replace(/\D/g, '').slice(0, 14)}_FR1_PX_${i}` : null,
      acquisitionDate: at,
      incidenceAngle: Math.round(rnd() * 300) / 10,
      clearSkyRate: Math.round((70 + rnd() * 30) * 1e4) / 1e4,
      footprint: { type: 'Polygon', coordinates: [ring] },
      updatedAt: '2025-12-31T12:00:00.000Z',
    };
  });
}

function taskingRow(accountId: string, id: string, segments: readonly SegmentRow[]): TaskingRow {
  const validated = segments.filter((s) => s.status === 'Validated').length;
  return {
    id, accountId, contractId: CONTRACT, salesOrderId: `SAL-${id}`, productTypeId: 'PleiadesTaskingOneSeries', mission: 'PLEIADES',
    programmingType: 'OneSeries', status: 'In Progress', period: { start: '2025-01-01T00:00:00.000Z', end: '2026-06-30T00:00:00.000Z' },
    customerReference: `bench-${id}`, orderedAreaKm2: 1000 * segments.length, validatedAreaKm2: 1000 * validated,
    progress: segments.length ? Math.round((validated / segments.length) * 1000) / 1000 : null,
    proposedSegmentsCount: segments.filter((s) => s.status === 'Proposed').length, totalSegmentsCount: segments.length,
    aoi: { type: 'Polygon', coordinates: [[[-5, 40], [15, 40], [15, 52], [-5, 52], [-5, 40]]] },
    updatedAt: '2025-12-31T12:00:00.000Z',
  };
}

/**
 * `count` attempts from a real answer: copies of its attempts with unique ids (`tag` makes them unique
 * per run too), footprints shifted a little, acquisitions and deadlines moved later by a few hours per
 * copy (still in the future). The first copy is the answer itself, unchanged.
 */
export function widenAttempts(set: AttemptSet, count: number, tag: string): AttemptSet {
  const real = set.attempts;
  if (real.length === 0) throw new Error('the real attempts answer is empty');
  const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
  const attempts = Array.from({ length: count }, (_, i) => {
    const a = real[i % real.length]!;
    const copy = Math.floor(i / real.length);
    if (copy === 0) return a;
    const [dx, dy] = [0.004 * copy * (copy % 2 ? 1 : -1), 0.003 * copy];
    const ms = copy * 3 * HOUR;
    return {
      ...a,
      id: `${a.id}~${tag}~${copy}`,
      footprint: { type: 'Polygon' as const, coordinates: a.footprint.coordinates.map((ring) => ring.map(([x, y]) => [x + dx, y + dy] as [number, number])) },
      acquisitionStart: shift(a.acquisitionStart, ms),
      acquisitionEnd: shift(a.acquisitionEnd, ms),
      orderDeadline: shift(a.orderDeadline, ms),
    };
  });
  return { ...set, attempts };
}
