import type { Polygon } from 'geojson';
import { z } from 'zod';
import type { ProviderTasking } from '../tasking';
import type { CallOptions, WithRaw } from '../types';
import { enc, type OneAtlasContext } from './context';

/**
 * Following taskings (the One Tasking guide, "Track your tasking"): the contract's list (optionally by
 * customer reference, which is also how an ambiguous tasking order is reconciled), one tasking, and
 * cancelling one. Areas come in m² (`taskingProgress`) and are mapped to km².
 */

const Ring = z.array(z.array(z.number()).min(2));
const Icr = z.object({
  id: z.string().min(1),
  aoi: z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }).nullish(),
  progTypeName: z.string().nullish(),
  mission: z.string().nullish(),
  productTypeId: z.string().nullish(),
  status: z.string().min(1),
  nbProposedSegments: z.number().nullish(),
  nbTotalSegments: z.number().nullish(),
  period: z.object({ startDate: z.string().nullish(), endDate: z.string().nullish() }).nullish(),
  customerRef: z.string().nullish(),
  taskingProgress: z.object({ orderedArea: z.number().nullish(), validatedArea: z.number().nullish() }).nullish(),
});
const Entry = z.object({ sal: z.string().nullish(), so: z.string().nullish(), icr: Icr });
const ListReply = z.object({ taskings: z.array(Entry), totalResults: z.number().nullish() });

const km2 = (m2: number | null | undefined) => (typeof m2 === 'number' ? Math.round(m2 / 10_000) / 100 : null);

export function toTasking(e: z.infer<typeof Entry>): ProviderTasking {
  const i = e.icr;
  const aoi: Polygon | null = i.aoi ? { type: 'Polygon', coordinates: i.aoi.coordinates.map((r) => r.map((p) => [p[0] ?? 0, p[1] ?? 0])) } : null;
  return {
    id: i.id,
    salesOrderId: e.sal ?? null,
    productTypeId: i.productTypeId ?? null,
    mission: i.mission ?? null,
    programmingType: i.progTypeName ?? 'Unknown',
    status: i.status,
    periodStart: i.period?.startDate ?? null,
    periodEnd: i.period?.endDate ?? null,
    customerReference: i.customerRef ?? null,
    orderedAreaKm2: km2(i.taskingProgress?.orderedArea),
    validatedAreaKm2: km2(i.taskingProgress?.validatedArea),
    proposedSegmentsCount: i.nbProposedSegments ?? 0,
    totalSegmentsCount: i.nbTotalSegments ?? 0,
    aoi,
  };
}

const PAGE = 100;
const MAX_PAGES = 50;
const base = (ctx: OneAtlasContext, contractId: string) => ctx.url('order', `/api/v1/contracts/${enc(contractId)}/taskings`);

export async function taskings(ctx: OneAtlasContext, contractId: string, filter: { customerReference?: string }, opts?: CallOptions): Promise<WithRaw<ProviderTasking[]>> {
  const out: ProviderTasking[] = [];
  const raws: unknown[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const q = new URLSearchParams({ count: String(PAGE), startPage: String(page) });
    if (filter.customerReference !== undefined) q.set('customerRef', filter.customerReference);
    const { value, raw } = await ctx.api.json({ method: 'GET', url: `${base(ctx, contractId)}?${q.toString()}`, kind: 'read' }, ListReply, opts);
    raws.push(raw);
    out.push(...value.taskings.map(toTasking));
    const total = value.totalResults;
    if (value.taskings.length < PAGE || (typeof total === 'number' && out.length >= total)) break;
  }
  // The filter is the provider's; the exact reference is checked again here (reconciliation relies on it).
  const value = filter.customerReference === undefined ? out : out.filter((t) => t.customerReference === filter.customerReference);
  return { value, raw: raws.length === 1 ? raws[0] : raws };
}

export async function tasking(ctx: OneAtlasContext, contractId: string, taskingId: string, opts?: CallOptions): Promise<WithRaw<ProviderTasking>> {
  const { value, raw } = await ctx.api.json({ method: 'GET', url: `${base(ctx, contractId)}/${enc(taskingId)}`, kind: 'read' }, Entry, opts);
  return { value: toTasking(value), raw };
}

export async function cancelTasking(ctx: OneAtlasContext, contractId: string, taskingId: string, opts?: CallOptions): Promise<void> {
  // A write, not a commit: cancelling twice is refused by the provider, never doubled.
  await ctx.api.ok({ method: 'POST', url: `${base(ctx, contractId)}/${enc(taskingId)}/cancel`, kind: 'write' }, opts);
}
