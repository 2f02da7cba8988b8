import { z } from 'zod';
import type { CallOptions, ProviderOrderState } from '../types';
import type { OneAtlasContext } from './context';

/**
 * Orders by customer reference through `POST /api/v2/orders/search` (a read-only POST). The search
 * answers order *lines*; lines of one order (same sales order or quotation) are folded together. The
 * query language has wildcards and its own syntax, so the reference is sent with every special
 * character turned into `*` and the answer is then filtered on the exact reference.
 */

const Line = z.object({
  customerReference: z.string().nullish(),
  salesOrderId: z.string().nullish(),
  quotationId: z.string().nullish(),
  status: z.string().nullish(),
  quotationStatus: z.string().nullish(),
  currency: z.string().nullish(),
  orderLineAmount: z.number().nullish(),
  orderLineAmountWithDiscount: z.number().nullish(),
  lastStatusChangeDate: z.string().nullish(),
});
// The spec's archive example answers `features`; its tasking example `contracts`: both are read.
const SearchReply = z
  .object({
    paging: z.object({ totalResults: z.number().nullish() }).nullish(),
    features: z.array(Line).nullish(),
    contracts: z.array(Line).nullish(),
  })
  .refine((r) => Array.isArray(r.features) || Array.isArray(r.contracts), { message: 'no features', path: ['features'] });

const PAGE = 100;
const MAX_PAGES = 20;

export function referenceQuery(ref: string): string {
  const safe = ref.replace(/[()"*\\:]|\s+AND\s+|\s+OR\s+/gi, '*').replace(/\*+/g, '*');
  return `(customerReference:${safe})`;
}

export async function ordersByReference(ctx: OneAtlasContext, customerReference: string, opts?: CallOptions): Promise<ProviderOrderState[]> {
  const lines: z.infer<typeof Line>[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = { paging: { itemsPerPage: PAGE, startIndex: page * PAGE, pagingMode: 'item' }, criteria: { q: referenceQuery(customerReference) } };
    const { value } = await ctx.api.json({ method: 'POST', url: ctx.url('order', '/api/v2/orders/search'), kind: 'read', body: { json: body } }, SearchReply, opts);
    const got = value.features ?? value.contracts ?? [];
    lines.push(...got);
    const total = value.paging?.totalResults;
    if (got.length < PAGE || (typeof total === 'number' && lines.length >= total)) break;
  }
  const orders = new Map<string, ProviderOrderState>();
  for (const l of lines) {
    if (l.customerReference !== customerReference) continue;
    const key = l.salesOrderId ?? l.quotationId;
    if (!key) continue;
    const amount = l.orderLineAmountWithDiscount ?? l.orderLineAmount ?? null;
    const seen = orders.get(key);
    if (!seen) {
      orders.set(key, {
        customerReference,
        salesOrderId: l.salesOrderId ?? null,
        quotationId: l.quotationId ?? null,
        // A quotation not yet accepted is not an order in progress: its quotation status says more.
        status: !l.salesOrderId && l.quotationStatus ? `QUOTATION_${l.quotationStatus}` : (l.status ?? 'UNKNOWN'),
        currency: l.currency ?? null,
        totalAmount: amount,
        updatedAt: l.lastStatusChangeDate ?? null,
      });
      continue;
    }
    seen.totalAmount = seen.totalAmount === null || amount === null ? null : Math.round((seen.totalAmount + amount) * 100) / 100;
    if (l.lastStatusChangeDate && (!seen.updatedAt || l.lastStatusChangeDate > seen.updatedAt)) seen.updatedAt = l.lastStatusChangeDate;
  }
  return [...orders.values()];
}
