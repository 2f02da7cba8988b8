import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxServer } from '../server';
import type { Loose } from '../tasking/testkit';

/**
 * The Origen programming guide (programming create; see docs/ARCHITECTURE.md §9) over real HTTP: the guide's example, then every documented
 * constraint broken once. Errors come back as HTTP 200 with `code != 200`, as the guide's envelope says.
 */

let sandbox: SandboxServer;
let url: string;
// The guide's example window (2023-10-27 10:00 → 2023-10-28 10:00) lies just ahead of the clock.
const START = new Date('2023-10-27T08:00:00Z');
const EXAMPLE = {
  provider: 'changguang',
  geometry:
    '{"type":"Polygon","coordinates":[[[102.61282157031928,21.488503948497097],[106.99114976403081,21.488503948497097],[106.99114976403081,18.594746845159506],[102.61282157031928,18.594746845159506],[102.61282157031928,21.488503948497097]]]}',
  startDate: '2023-10-27 10:00',
  endDate: '2023-10-28 10:00',
  recurring: false,
  maxCloud: 20,
  resolutionType: 1,
};
const WKT = 'POLYGON((116.3 39.9, 116.5 39.9, 116.5 40.0, 116.3 40.0, 116.3 39.9))';

async function call(path: string, body: unknown, headers: Record<string, string> = { Authorization: 'sandbox-origen-token', 'Content-Type': 'application/json' }) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { code: number; message: string; data: Loose } };
}
const create = (body: unknown, headers?: Record<string, string>) => call('/market/order/programming/create', body, headers);
const advance = (hours: number) => fetch(`${sandbox.origin}/__admin/clock/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ hours }) });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 7, startTime: START });
  url = sandbox.baseUrls.origen.market;
});
afterAll(() => sandbox.close());

describe('Origen programming create', () => {
  it('accepts the guide example and answers the documented envelope', async () => {
    const res = await create(EXAMPLE);
    expect(res).toEqual({ status: 200, body: { code: 200, message: 'success', data: { orderNo: 'PROG_ORDER_202310270001' } } });
    const record = sandbox.state.accepted.find((r) => r.id === 'PROG_ORDER_202310270001');
    expect(record).toMatchObject({ kind: 'programming', provider: 'origen', body: EXAMPLE, data: { orderNo: 'PROG_ORDER_202310270001', status: 'pending' } });
  });

  it('accepts both date formats, WKT and GeoJSON strings, MULTIPOLYGON, recurrence and tianyi', async () => {
    const ok = [
      { ...EXAMPLE, startDate: '2023-10-27T10:00:00', endDate: '2023-10-28T10:00:00' },
      { ...EXAMPLE, geometry: WKT },
      { ...EXAMPLE, geometry: 'MULTIPOLYGON(((116.3 39.9, 116.5 39.9, 116.5 40.0, 116.3 39.9)),((117 39, 117.1 39, 117.1 39.1, 117 39)))' },
      { ...EXAMPLE, startDate: '2023-10-27 10:00', endDate: '2023-12-27T10:00:00', recurring: true, recurringDay: 2, recurringUnit: 2 },
      { provider: 'tianyi', geometry: WKT, startDate: '2023-10-28 00:00', endDate: '2023-10-30 00:00', resolutionType: 8 },
      { provider: 'tianyi', geometry: WKT, startDate: '2023-10-28 00:00', endDate: '2023-10-30 00:00' },
    ];
    for (const body of ok) {
      const res = await create(body);
      expect(res.body, JSON.stringify(body).slice(0, 80)).toMatchObject({ code: 200, message: 'success', data: { orderNo: expect.stringMatching(/^PROG_ORDER_20231027\d{4}$/) } });
    }
  });

  it('refuses each broken constraint with code 400 and a message naming the field', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ ...EXAMPLE, provider: undefined }, 'provider'],
      [{ ...EXAMPLE, provider: 'maxar' }, 'provider'],
      [{ ...EXAMPLE, geometry: undefined }, 'geometry'],
      [{ ...EXAMPLE, geometry: { type: 'Polygon' } }, 'geometry'],
      [{ ...EXAMPLE, geometry: 'POINT(116 39)' }, 'geometry'],
      [{ ...EXAMPLE, geometry: 'POLYGON((116.3 39.9, 116.5 39.9, 116.5 40.0))' }, 'geometry'],
      [{ ...EXAMPLE, geometry: 'POLYGON((116.3 39.9, 116.5 40.0, 116.5 39.9, 116.3 40.0, 116.3 39.9))' }, 'geometry'],
      [{ ...EXAMPLE, geometry: 'POLYGON((216.3 39.9, 216.5 39.9, 216.5 40.0, 216.3 39.9))' }, 'geometry'],
      [{ ...EXAMPLE, geometry: '{"type":"Polygon","coordinates":[[[1,2],[3,4]' }, 'geometry'],
      [{ ...EXAMPLE, geometry: 'POLYGON((10 85, 20 85, 20 86, 10 85))' }, 'geometry'],
      [{ ...EXAMPLE, startDate: undefined }, 'startDate'],
      [{ ...EXAMPLE, startDate: '27/10/2023 10:00' }, 'startDate'],
      [{ ...EXAMPLE, startDate: '2023-10-27 10:00:00' }, 'startDate'],
      [{ ...EXAMPLE, endDate: '2023-02-30 10:00' }, 'endDate'],
      [{ ...EXAMPLE, endDate: '2023-10-27 09:00' }, 'endDate'],
      [{ ...EXAMPLE, startDate: '2023-10-26 10:00' }, 'startDate'],
      [{ ...EXAMPLE, recurring: 'yes' }, 'recurring'],
      [{ ...EXAMPLE, recurring: true, recurringDay: 1 }, 'recurringUnit'],
      [{ ...EXAMPLE, recurring: true, recurringUnit: 1 }, 'recurringDay'],
      [{ ...EXAMPLE, recurring: true, recurringDay: 1, recurringUnit: 4 }, 'recurringUnit'],
      [{ ...EXAMPLE, recurring: true, recurringDay: 13, recurringUnit: 3 }, 'recurringDay'],
      [{ ...EXAMPLE, recurring: true, recurringDay: 1.5, recurringUnit: 1 }, 'recurringDay'],
      [{ ...EXAMPLE, maxCloud: 101 }, 'maxCloud'],
      [{ ...EXAMPLE, maxCloud: -1 }, 'maxCloud'],
      [{ ...EXAMPLE, maxCloud: '20' }, 'maxCloud'],
      [{ ...EXAMPLE, resolutionType: 4 }, 'resolutionType'],
      [{ ...EXAMPLE, provider: 'tianyi', resolutionType: 3 }, 'resolutionType'],
      [{ ...EXAMPLE, resolutionType: 9 }, 'resolutionType'],
      [{ ...EXAMPLE, resolutionType: 0 }, 'resolutionType'],
    ];
    const before = sandbox.state.accepted.length;
    for (const [body, field] of bad) {
      const res = await create(body);
      expect(res.status, field).toBe(200);
      expect(res.body.code, `${field}: ${res.body.message}`).toBe(400);
      expect(res.body.message, JSON.stringify(body).slice(0, 120)).toContain(field === 'geometry' && String(body['geometry']).includes('85') ? 'Satellite not available' : field);
      expect(res.body.data).toBeNull();
    }
    expect(sandbox.state.accepted.length).toBe(before);
  });

  it('refuses bad bodies and content types in the envelope, and missing or wrong tokens with 401', async () => {
    expect((await create('{oops')).body).toMatchObject({ code: 400, message: expect.stringMatching(/not valid JSON/), data: null });
    expect((await create([EXAMPLE])).body.code).toBe(400);
    expect((await create(EXAMPLE, { Authorization: 'sandbox-origen-token', 'Content-Type': 'text/plain' })).body).toMatchObject({ code: 400, message: expect.stringMatching(/Content-Type/) });
    const unauthorised: Record<string, string>[] = [{ 'Content-Type': 'application/json' }, { Authorization: 'wrong', 'Content-Type': 'application/json' }];
    for (const headers of unauthorised) {
      const res = await create(EXAMPLE, headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 401, data: null });
    }
    expect((await create({ ...EXAMPLE }, { 'X-API-Key': 'sandbox-origen-token', 'Content-Type': 'application/json' })).body.code).toBe(200);
  });
});

describe('Origen programming orders over time (sandbox extension: list and detail)', () => {
  it('lists and details orders, whose status moves with the simulated clock', async () => {
    const list = await call('/market/order/programming/list', { pageNum: 1, pageSize: 100 });
    expect(list.body).toMatchObject({ code: 200, data: { total: expect.any(Number), pageNum: 1, pageSize: 100 } });
    const orders = list.body.data.list as { orderNo: string; status: string }[];
    expect(orders.length).toBeGreaterThanOrEqual(8);
    expect(orders.every((o) => o.status === 'pending')).toBe(true);
    const detail = await call('/market/order/programming/detail', { orderNo: 'PROG_ORDER_202310270001' });
    expect(detail.body.data).toMatchObject({
      orderNo: 'PROG_ORDER_202310270001',
      provider: 'changguang',
      resolutionType: 1,
      resolutionName: 'Super High (0.3m)',
      maxCloud: 20,
      status: 'pending',
      statusName: 'Pending',
      statusHistory: [{ status: 'pending' }],
    });

    await advance(2);
    expect((await call('/market/order/programming/detail', { orderNo: 'PROG_ORDER_202310270001' })).body.data.status).toBe('acquisition_analysis');
    await advance(24 * 70);
    const after = (await call('/market/order/programming/list', { pageSize: 100 })).body.data.list as { status: string; statusHistory: { status: string }[]; failReason: string | null }[];
    const statuses = new Set(after.map((o) => o.status));
    expect([...statuses].every((s) => s === 'delivered' || s === 'failed')).toBe(true);
    for (const o of after) {
      const path = o.statusHistory.map((h) => h.status);
      expect(path.slice(0, 2)).toEqual(['pending', 'acquisition_analysis']);
      if (o.status === 'delivered') expect(path).toEqual(['pending', 'acquisition_analysis', 'imaging_pending', 'delivered']);
      else expect(o.failReason).toEqual(expect.any(String));
    }
    const delivered = await call('/market/order/programming/list', { status: 'delivered', pageSize: 100 });
    expect(delivered.body.data.list.every((o: { status: string }) => o.status === 'delivered')).toBe(true);
    expect((await call('/market/order/programming/detail', { orderNo: 'PROG_ORDER_1' })).body.code).toBe(400);
    expect((await call('/market/order/programming/list', { pageSize: 1000 })).body).toMatchObject({ code: 400, message: expect.stringContaining('pageSize') });
  });

  it('replays the same statuses for the same seed', async () => {
    const other = await startSandbox({ port: 0, seed: 7, startTime: START });
    try {
      const res = await fetch(`${other.baseUrls.origen.market}/market/order/programming/create`, {
        method: 'POST',
        headers: { Authorization: 'sandbox-origen-token', 'Content-Type': 'application/json' },
        body: JSON.stringify(EXAMPLE),
      });
      expect(((await res.json()) as { data: { orderNo: string } }).data.orderNo).toBe('PROG_ORDER_202310270001');
      other.state.advance(70 * 86_400_000);
      const mine = (await call('/market/order/programming/detail', { orderNo: 'PROG_ORDER_202310270001' })).body.data;
      const theirs = await fetch(`${other.baseUrls.origen.market}/market/order/programming/detail`, {
        method: 'POST',
        headers: { Authorization: 'sandbox-origen-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ orderNo: 'PROG_ORDER_202310270001' }),
      });
      const data = ((await theirs.json()) as { data: { status: string; statusHistory: { status: string }[] } }).data;
      expect(data.status).toBe(mine.status);
      expect(data.statusHistory.map((h) => h.status)).toEqual(mine.statusHistory.map((h: { status: string }) => h.status));
    } finally {
      await other.close();
    }
  });
});

describe('Origen order fates', () => {
  it('are deterministic per order and seed, with failures at analysis and after imaging', async () => {
    const { timelineOf } = await import('./lifecycle');
    const { parseProgramming } = await import('./programming');
    const req = parseProgramming(EXAMPLE, START);
    const fates = Array.from({ length: 200 }, (_, i) => timelineOf(7, `PROG_ORDER_20231027${String(i).padStart(4, '0')}`, req, START));
    const last = fates.map((t) => t.steps.map((s) => s.status).join('>'));
    expect(new Set(last)).toEqual(
      new Set(['pending>acquisition_analysis>imaging_pending>delivered', 'pending>acquisition_analysis>failed', 'pending>acquisition_analysis>imaging_pending>failed']),
    );
    expect(timelineOf(7, 'PROG_ORDER_202310270001', req, START)).toEqual(timelineOf(7, 'PROG_ORDER_202310270001', req, START));
    for (const t of fates) if (t.imagingAt) expect(t.imagingAt.getTime()).toBeGreaterThanOrEqual(req.start.getTime());
  });

  it('drop-after-commit fires only when an order was really committed (errors are HTTP 200 here)', async () => {
    const faults = (body: unknown) =>
      fetch(`${sandbox.origin}/__admin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await faults({ dropAfterCommitNext: 1 });
    const refused = await create({ ...EXAMPLE, maxCloud: 101 });
    expect(refused.body.code).not.toBe(200);
    const before = sandbox.state.accepted.length;
    const day = (d: number) => new Date(sandbox.state.now().getTime() + d * 86_400_000).toISOString().slice(0, 19);
    await expect(create({ ...EXAMPLE, startDate: day(1), endDate: day(3) })).rejects.toThrow();
    expect(sandbox.state.accepted.length).toBe(before + 1);
    expect(sandbox.state.faults.dropAfterCommitNext).toBe(0);
  });
});
