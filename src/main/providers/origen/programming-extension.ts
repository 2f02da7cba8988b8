import { z } from 'zod';
import { DeskFailure } from '../../errors';
import type { HttpRequest } from '../../http';
import type { CallOptions, WithRaw } from '../types';
import { readEnvelope } from './envelope';
import type { OrigenContext } from './programming';
import type { ProviderProgrammingOrder } from './types';

/**
 * BEYOND THE GUIDE: `POST /market/order/programming/list` and `/detail`, in the same envelope. The
 * Origen programming guide documents only `create`; the embedded sandbox serves these two and a
 * market service built like it may too. Kept apart from the guide's client so that nothing the guide
 * promises depends on them: where they are not offered (HTTP 404/405) they throw UNSUPPORTED and the
 * app shows what was sent and the order number.
 */

/** `yyyy-MM-dd HH:mm:ss` (the service's own style, UTC as the create dates) to ISO. */
const iso = (v: string | null | undefined): string | null => {
  if (!v) return null;
  const t = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(v) ? v.replace(' ', 'T') : `${v.replace(' ', 'T')}Z`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

const Item = z.looseObject({
  orderNo: z.string().min(1),
  status: z.string().min(1),
  statusName: z.string().nullish(),
  statusHistory: z.array(z.object({ status: z.string(), time: z.string().nullish() })).nullish(),
  failReason: z.string().nullish(),
  imagingTime: z.string().nullish(),
  createTime: z.string().nullish(),
});
/** The create fields an order echoes, compared with what was sent when an order went unconfirmed. */
const ECHOED = ['provider', 'geometry', 'startDate', 'endDate', 'recurring', 'recurringDay', 'recurringUnit', 'maxCloud', 'resolutionType'] as const;
const Page = z.object({ total: z.number().int(), list: z.array(Item) });

const toOrder = (o: z.infer<typeof Item>): ProviderProgrammingOrder => ({
  orderNo: o.orderNo,
  status: o.status,
  statusName: o.statusName ?? null,
  history: (o.statusHistory ?? []).flatMap((h) => {
    const at = iso(h.time);
    return at ? [{ status: h.status, at }] : [];
  }),
  failReason: o.failReason ?? null,
  imagingTime: iso(o.imagingTime),
  createdAt: iso(o.createTime),
  echo: Object.fromEntries(ECHOED.filter((k) => k in o).map((k) => [k, (o as Record<string, unknown>)[k]])),
});

const PAGE_SIZE = 100;
/** Enough for any buyer's history; a runaway paging loop stops here. */
const MAX_PAGES = 100;

async function post<T>(ctx: OrigenContext, path: string, body: unknown, schema: z.ZodType<T>, opts: CallOptions): Promise<WithRaw<T>> {
  const req: HttpRequest = { method: 'POST', url: `${ctx.market}${path}`, kind: 'read', headers: ctx.headers(), body: { json: body }, onWait: opts.onWait, signal: opts.signal };
  const res = await ctx.http.send(req);
  if (res.status === 404 || res.status === 405) {
    throw new DeskFailure('UNSUPPORTED', 'This Origen market service offers no order list or detail (they are beyond its guide): only what was sent and the order number are shown.', { status: res.status });
  }
  return readEnvelope(res, req, schema);
}

export async function listProgrammingOrders(ctx: OrigenContext, opts: CallOptions = {}): Promise<WithRaw<ProviderProgrammingOrder[]>> {
  const items: z.infer<typeof Item>[] = [];
  const raws: unknown[] = [];
  for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
    const { value, raw } = await post(ctx, '/market/order/programming/list', { pageNum, pageSize: PAGE_SIZE }, Page, opts);
    items.push(...value.list);
    raws.push(raw);
    if (value.list.length < PAGE_SIZE || items.length >= value.total) break;
  }
  return { value: items.map(toOrder), raw: raws };
}

export async function programmingOrderDetail(ctx: OrigenContext, orderNo: string, opts: CallOptions = {}): Promise<WithRaw<ProviderProgrammingOrder>> {
  const { value, raw } = await post(ctx, '/market/order/programming/detail', { orderNo }, Item, opts);
  return { value: toOrder(value), raw };
}
