import { z } from 'zod';
import { FootprintSchema, toFootprint } from '../common/geometry';
import type { ProviderSegment } from '../tasking';
import type { CallOptions, WithRaw } from '../types';
import { enc, type OneAtlasContext } from './context';

/**
 * A tasking's segments (acquisitions) and the buyer's decision on a Proposed one (the One Tasking guide,
 * "Get tasking segments", "Accept or refuse a segment"). The guide documents no reply body for accept
 * and refuse: a segment in the reply is used, an empty reply is fine.
 */

const Segment = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  asDetail1: z
    .object({
      catalogId: z.string().nullish(),
      footprint: FootprintSchema.nullish(),
      incidenceAngle: z.number().nullish(),
      clearSkyRate: z.number().nullish(),
      acquisitionDate: z.string().nullish(),
    })
    .nullish(),
});
const SegmentsReply = z.object({ segments: z.array(Segment) });
const DecisionReply = z.union([Segment, z.object({}).passthrough(), z.null()]);

const toSegment = (s: z.infer<typeof Segment>): ProviderSegment => ({
  id: s.id,
  status: s.status,
  catalogId: s.asDetail1?.catalogId ?? null,
  acquisitionDate: s.asDetail1?.acquisitionDate ?? null,
  incidenceAngle: s.asDetail1?.incidenceAngle ?? null,
  clearSkyRate: s.asDetail1?.clearSkyRate ?? null,
  footprint: s.asDetail1?.footprint ? toFootprint(s.asDetail1.footprint) : null,
});

const url = (ctx: OneAtlasContext, contractId: string, taskingId: string) => ctx.url('order', `/api/v1/contracts/${enc(contractId)}/taskings/${enc(taskingId)}/segments`);

export async function segments(ctx: OneAtlasContext, contractId: string, taskingId: string, opts?: CallOptions): Promise<WithRaw<ProviderSegment[]>> {
  const { value, raw } = await ctx.api.json({ method: 'GET', url: url(ctx, contractId, taskingId), kind: 'read' }, SegmentsReply, opts);
  return { value: value.segments.map(toSegment), raw };
}

export async function decideSegment(
  ctx: OneAtlasContext,
  contractId: string,
  taskingId: string,
  segmentId: string,
  decision: 'accept' | 'refuse',
  opts?: CallOptions,
): Promise<WithRaw<ProviderSegment | null>> {
  // A write: repeating it cannot create anything, and the provider refuses a segment no longer Proposed.
  const { value, raw } = await ctx.api.json({ method: 'POST', url: `${url(ctx, contractId, taskingId)}/${enc(segmentId)}/${decision}`, kind: 'write' }, DecisionReply, opts);
  const parsed = Segment.safeParse(value);
  return { value: parsed.success ? toSegment(parsed.data) : null, raw };
}
