import { FieldError, objectBody, secured } from '../accounts/errors';
import { debit, findContract, type ContractDef } from '../accounts/products';
import { SANDBOX_PREFIXES } from '../credentials';
import type { SandboxState } from '../state';
import { json, type Mount, type SandboxRequest } from '../types';
import { attemptsForProduct, type ProgTypeResult } from './attempts';
import { feasibilityFor, type FeasibilityResult } from './feasibility';
import './deliveries';
import './orders';
import { parseTaskingQuery, taskingProduct, type ProgTypeName, type TaskingQuery } from './request';
import { segmentJson, segmentsOf, statusOf, taskingJson, taskingStore, type Tasking } from './taskings';

/**
 * OneAtlas tasking under the order host: feasibility, attempts, and following taskings (list, detail,
 * segments, accept/refuse, cancel). Tasking orders and prices go through the ordering module's
 * `/orders` and `/prices`, which delegate to ./orders and ./pricing.
 */

const unavailable = (name: ProgTypeName, mission: string, message: string) => ({
  name,
  mission,
  errors: [{ code: 'ERR_PRODUCT_NOT_AVAILABLE', locator: 'CONTRACT', message }],
  segments: [],
  available: false,
});

/** One `progCapacities[]` entry per mission, one `progTypes[]` entry per requested programming type. */
function capacities<R>(q: TaskingQuery, per: (name: ProgTypeName, product: NonNullable<ReturnType<typeof taskingProduct>>) => R) {
  return q.missions.map((mission) => ({
    mission,
    progTypes: q.progTypeNames.map((name) => {
      const product = taskingProduct(q.contract, mission, name);
      return product ? per(name, product) : unavailable(name, mission, `${mission} ${name} is not offered on contract '${q.contract.contractId}'`);
    }),
  }));
}

function feasibility(req: SandboxRequest, state: SandboxState) {
  const q = parseTaskingQuery(objectBody(req), state.now());
  return json(200, { progCapacities: capacities<FeasibilityResult>(q, (name, product) => feasibilityFor(q, name, product, state)) });
}

function attempts(req: SandboxRequest, state: SandboxState) {
  const q = parseTaskingQuery(objectBody(req), state.now());
  const planned = q.progTypeNames.find((n) => n === 'ONEPLAN' || n === 'ONESERIES' || n === 'ONENOWWEATHER');
  if (planned) {
    throw new FieldError('progTypeNames', `Attempts exist for ONEDAY and ONENOW only (ONENOWATTEMPTS for Pléiades Neo); ${planned} is ordered with the feasibility result`);
  }
  const progCapacities = capacities<ProgTypeResult | ReturnType<typeof unavailable>>(q, (name, product) => attemptsForProduct(q, name, product, state));
  const results = progCapacities.flatMap((c) => c.progTypes);
  // The spec answers 500 ERR_NO_SENSOR_AVAILABLE when no satellite can take the AOI at all.
  if (results.every((r) => !r.available && !r.errors?.length)) {
    return json(500, { errors: [{ code: 'ERR_NO_SENSOR_AVAILABLE', locator: 'UNKNOWN', message: 'No satellite can acquire the AOI within the period and incidence limit' }] });
  }
  return json(200, { progCapacities });
}

function contractOf(req: SandboxRequest): ContractDef {
  const id = req.params['contractId'];
  const c = findContract('oneatlas', id);
  if (!c) throw new FieldError('contractId', `CIS contract '${id ?? ''}' not found.`, 404, 'E2203');
  return c;
}

function taskingOf(req: SandboxRequest, state: SandboxState): Tasking {
  const contract = contractOf(req);
  const id = req.params['taskingId'] ?? '';
  const t = taskingStore(state).taskings.get(id);
  if (!t || t.contract.contractId !== contract.contractId) throw new FieldError('taskingId', `Tasking '${id}' not found on contract '${contract.contractId}'`, 404, 'E2206');
  return t;
}

function list(req: SandboxRequest, state: SandboxState) {
  const contract = contractOf(req);
  const now = state.now();
  const q = req.query;
  const intParam = (name: string, fallback: number, max: number) => {
    const raw = q.get(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > max) throw new FieldError(name, `${name} must be an integer between 1 and ${max}`);
    return n;
  };
  const count = intParam('count', 10, 500);
  const startPage = intParam('startPage', 1, 100_000);
  const ids = q.get('taskingIds')?.split(',').filter(Boolean);
  const statuses = q.getAll('status').flatMap((s) => s.split(','));
  const hasProposed = q.get('hasProposedSegments');
  const all = [...taskingStore(state).taskings.values()]
    .filter((t) => t.contract.contractId === contract.contractId)
    .filter((t) => !q.has('customerRef') || t.customerRef === q.get('customerRef'))
    .filter((t) => !ids?.length || ids.includes(t.id))
    .filter((t) => !q.has('mission') || t.product.mission === q.get('mission'))
    .filter((t) => !q.has('progTypeNames') || t.product.progType === q.get('progTypeNames'))
    .filter((t) => !statuses.length || statuses.includes(statusOf(t, now)))
    .filter((t) => hasProposed === null || segmentsOf(t, now).segments.some((s) => s.status === 'Proposed') === (hasProposed === 'true'))
    // Newest first, as a buyer following recent orders expects.
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number);
  const page = all.slice((startPage - 1) * count, startPage * count);
  return json(200, { taskings: page.map((t) => taskingJson(t, now)), totalResults: all.length, startPage, count });
}

function decide(req: SandboxRequest, state: SandboxState, decision: 'Validated' | 'Refused') {
  const t = taskingOf(req, state);
  const now = state.now();
  const id = req.params['segmentId'] ?? '';
  const segment = segmentsOf(t, now).segments.find((s) => s.id === id);
  if (!segment) throw new FieldError('segmentId', `Segment '${id}' not found on tasking '${t.id}' (not acquired yet, or unknown)`, 404, 'E2207');
  if (t.canceledAt) throw new FieldError('taskingId', `Tasking '${t.id}' is canceled`, 409, 'E4090');
  if (segment.status !== 'Proposed') {
    throw new FieldError('segmentId', `Segment '${id}' is ${segment.status}: only Proposed segments can be accepted or refused`, 409, 'E4091');
  }
  t.decisions.set(segment.index, decision);
  return json(200, segmentJson(t, { ...segment, status: decision }));
}

function cancel(req: SandboxRequest, state: SandboxState) {
  const t = taskingOf(req, state);
  const now = state.now();
  const status = statusOf(t, now);
  if (status === 'Canceled' || status === 'Completed') throw new FieldError('taskingId', `Tasking '${t.id}' is ${status} and cannot be canceled`, 409, 'E4092');
  const acquired = t.plan.find((p) => p.time <= now);
  if (acquired) {
    throw new FieldError('taskingId', `Tasking '${t.id}' cannot be canceled: an acquisition was already performed on ${acquired.time.toISOString()}`, 409, 'E4093');
  }
  t.canceledAt = now;
  // Nothing was acquired: the buyer gets the amount back, as a cancellation before acquisition costs nothing.
  debit(state, t.contract, -t.amount);
  return json(200, {});
}

const taskings = '/api/v1/contracts/:contractId/taskings';

/** Routes of the tasking module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const taskingMounts: Mount[] = [
  {
    prefix: SANDBOX_PREFIXES.oneatlas.order,
    routes: [
      { method: 'POST', pattern: '/api/v1/feasibility', handler: secured('oneatlas', (req, { state }) => feasibility(req, state)) },
      { method: 'POST', pattern: '/api/v1/attempts', handler: secured('oneatlas', (req, { state }) => attempts(req, state)) },
      { method: 'GET', pattern: taskings, handler: secured('oneatlas', (req, { state }) => list(req, state)) },
      { method: 'GET', pattern: `${taskings}/:taskingId`, handler: secured('oneatlas', (req, { state }) => json(200, taskingJson(taskingOf(req, state), state.now()))) },
      {
        method: 'GET',
        pattern: `${taskings}/:taskingId/segments`,
        handler: secured('oneatlas', (req, { state }) => {
          const t = taskingOf(req, state);
          return json(200, { segments: segmentsOf(t, state.now()).segments.map((s) => segmentJson(t, s)) });
        }),
      },
      { method: 'POST', pattern: `${taskings}/:taskingId/segments/:segmentId/accept`, handler: secured('oneatlas', (req, { state }) => decide(req, state, 'Validated')) },
      { method: 'POST', pattern: `${taskings}/:taskingId/segments/:segmentId/refuse`, handler: secured('oneatlas', (req, { state }) => decide(req, state, 'Refused')) },
      { method: 'POST', pattern: `${taskings}/:taskingId/cancel`, handler: secured('oneatlas', (req, { state }) => cancel(req, state)) },
    ],
  },
];
