import { isRecord } from '../accounts/requests';
import { requireOrigenToken } from '../auth/guards';
import { SANDBOX_PREFIXES } from '../credentials';
import type { SandboxState } from '../state';
import { json, type Handler, type Mount, type SandboxRequest, type SandboxResponse } from '../types';
import { STATUS_NAMES, statusAt, stepsAt, timelineOf, type ProgrammingStatus, type Timeline } from './lifecycle';
import { OrigenError, parseProgramming, RESOLUTIONS, UNITS, type ProgrammingRequest } from './programming';

/**
 * The Origen market service: programming orders for Chang Guang (Jilin-1 optical) and Spacety
 * (tianyi, SAR). Every answer is HTTP 200 with the `{code, message, data}` envelope, `code` saying
 * whether it worked, except a missing or wrong token (HTTP 401, as the auth gateway answers).
 * `list` and `detail` are sandbox extensions in the same style: the guide documents only `create`.
 */

interface ProgrammingOrder {
  orderNo: string;
  request: ProgrammingRequest;
  body: Record<string, unknown>;
  createdAt: Date;
  timeline: Timeline;
}

// Errors travel as HTTP 200 too, so `committed` tells the server's drop-after-commit fault what really happened.
const envelope = (code: number, message: string, data: unknown = null): SandboxResponse => ({ ...json(200, { code, message, data }), committed: code === 200 });
const store = (state: SandboxState) => state.store('origen', () => ({ orders: new Map<string, ProgrammingOrder>(), perDay: new Map<string, number>() }));
const PROVIDER_NAMES = { changguang: 'Chang Guang (Jilin-1, optical)', tianyi: 'Spacety (tianyi, SAR)' } as const;
/** `yyyy-MM-dd HH:mm:ss`, the service's own date style. */
const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/** Token first, then a JSON object body; everything the handler throws as OrigenError becomes `code: 400`. */
function origen(run: (body: Record<string, unknown>, state: SandboxState, req: SandboxRequest) => SandboxResponse): Handler {
  return (req, { state }) => {
    const denied = requireOrigenToken(req);
    if (denied) return denied;
    if (!String(req.headers['content-type'] ?? '').toLowerCase().includes('application/json')) return envelope(400, 'Content-Type must be application/json');
    if (req.bodyError) return envelope(400, `Request body is not valid JSON: ${req.bodyError}`);
    if (!isRecord(req.body)) return envelope(400, 'Request body must be a JSON object');
    try {
      return run(req.body, state, req);
    } catch (err) {
      if (err instanceof OrigenError) return envelope(err.code, err.message);
      throw err;
    }
  };
}

function orderJson(o: ProgrammingOrder, now: Date) {
  const r = o.request;
  const status: ProgrammingStatus = statusAt(o.timeline, now);
  return {
    orderNo: o.orderNo,
    provider: r.provider,
    providerName: PROVIDER_NAMES[r.provider],
    geometry: o.body['geometry'],
    areaKm2: Math.round(r.aoi.areaKm2 * 100) / 100,
    startDate: o.body['startDate'],
    endDate: o.body['endDate'],
    recurring: r.recurring,
    recurringDay: r.recurringDay,
    recurringUnit: r.recurringUnit,
    recurringUnitName: r.recurringUnit === null ? null : UNITS[r.recurringUnit],
    maxCloud: r.maxCloud,
    resolutionType: r.resolutionType,
    resolutionName: RESOLUTIONS[r.resolutionType]?.name ?? null,
    createTime: stamp(o.createdAt),
    status,
    statusName: STATUS_NAMES[status],
    statusHistory: stepsAt(o.timeline, now).map((s) => ({ status: s.status, statusName: STATUS_NAMES[s.status], time: stamp(s.at) })),
    imagingTime: o.timeline.imagingAt && o.timeline.imagingAt <= now ? stamp(o.timeline.imagingAt) : null,
    failReason: status === 'failed' ? o.timeline.failReason : null,
  };
}

function create(body: Record<string, unknown>, state: SandboxState, req: SandboxRequest): SandboxResponse {
  const now = state.now();
  const request = parseProgramming(body, now);
  const s = store(state);
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const n = (s.perDay.get(day) ?? 0) + 1;
  s.perDay.set(day, n);
  const orderNo = `PROG_ORDER_${day}${String(n).padStart(4, '0')}`;
  const order: ProgrammingOrder = { orderNo, request, body, createdAt: now, timeline: timelineOf(state.seed, orderNo, request, now) };
  s.orders.set(orderNo, order);
  const data: Record<string, unknown> = { orderNo, provider: request.provider, resolutionType: request.resolutionType };
  // The admin listing reads the status as of the simulated now, without timers.
  Object.defineProperty(data, 'status', { enumerable: true, get: () => statusAt(order.timeline, state.now()) });
  state.accepted.push({ kind: 'programming', provider: 'origen', id: orderNo, receivedAt: now.toISOString(), path: req.path, body: req.body, data });
  return envelope(200, 'success', { orderNo });
}

function list(body: Record<string, unknown>, state: SandboxState): SandboxResponse {
  const int = (field: string, fallback: number, max: number) => {
    const v = body[field];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) throw new OrigenError(field, `${field} must be an integer between 1 and ${max}`);
    return v;
  };
  const pageNum = int('pageNum', 1, 100_000);
  const pageSize = int('pageSize', 10, 100);
  const { provider, status } = body;
  if (provider !== undefined && provider !== null && provider !== 'changguang' && provider !== 'tianyi') throw new OrigenError('provider', 'provider must be changguang or tianyi');
  if (status !== undefined && status !== null && !(typeof status === 'string' && status in STATUS_NAMES)) {
    throw new OrigenError('status', `status must be one of ${Object.keys(STATUS_NAMES).join(', ')}`);
  }
  const now = state.now();
  const all = [...store(state).orders.values()]
    .filter((o) => !provider || o.request.provider === provider)
    .filter((o) => !status || statusAt(o.timeline, now) === status)
    .reverse();
  return envelope(200, 'success', { total: all.length, pageNum, pageSize, list: all.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((o) => orderJson(o, now)) });
}

function detail(body: Record<string, unknown>, state: SandboxState): SandboxResponse {
  const orderNo = body['orderNo'];
  if (typeof orderNo !== 'string' || orderNo === '') throw new OrigenError('orderNo', 'orderNo is required');
  const o = store(state).orders.get(orderNo);
  if (!o) throw new OrigenError('orderNo', `orderNo '${orderNo}' not found`);
  return envelope(200, 'success', orderJson(o, state.now()));
}

/** Routes of the origen module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const origenMounts: Mount[] = [
  {
    prefix: SANDBOX_PREFIXES.origen.market,
    routes: [
      { method: 'POST', pattern: '/market/order/programming/create', handler: origen(create), commitsOrder: true },
      { method: 'POST', pattern: '/market/order/programming/list', handler: origen(list) },
      { method: 'POST', pattern: '/market/order/programming/detail', handler: origen(detail) },
    ],
  },
];
