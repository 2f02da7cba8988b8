import type { Polygon } from 'geojson';
import { z } from 'zod';
import { ProviderError } from '../../http';
import type { ProviderFeasibility, ProviderIssue, TaskingSearch } from '../tasking';
import type { CallOptions, WithRaw } from '../types';
import type { OneAtlasContext } from './context';

/**
 * The body `/feasibility` and `/attempts` share, and the `progCapacities` answer both give.
 *
 * Where the One Tasking guide (step 5/6) and the OneAtlas OpenAPI disagree, both are satisfied:
 * - mission: the guide sends `missions: [..]`, the OpenAPI requires `mission` (a string): both are sent.
 * - progTypeNames: the OpenAPI types it as a string but its own examples (and the guide) send an array:
 *   the array is sent.
 * - aoi: the guide sends a GeoJSON Polygon, the OpenAPI's schema is an object `{type: Polygon,
 *   coordinates}` with 2-D positions: a GeoJSON Polygon with 2-D positions fits both.
 */

/** Pléiades Neo names its OneNow offer ONENOWATTEMPTS (the OpenAPI's PleiadesNeo branch). */
export const progTypeName = (q: Pick<TaskingSearch, 'mission' | 'progType'>): string =>
  q.mission === 'PLEIADESNEO' && q.progType === 'ONENOW' ? 'ONENOWATTEMPTS' : q.progType;

/** 2-D positions only: the OpenAPI caps each position at two numbers. */
export const flatPolygon = (p: Polygon): Polygon => ({ type: 'Polygon', coordinates: p.coordinates.map((r) => r.map((pos) => [pos[0] ?? 0, pos[1] ?? 0])) });

export function searchBody(q: TaskingSearch): Record<string, unknown> {
  return {
    progTypeNames: [progTypeName(q)],
    missions: [q.mission],
    mission: q.mission,
    contractId: q.contractId,
    acquisitionDate: { startDate: q.start, endDate: q.end },
    optical: { acquisitionMode: q.acquisitionMode, maxCloudCover: q.maxCloudCover, maxIncidenceAngle: q.maxIncidenceAngle },
    aoi: flatPolygon(q.aoi),
  };
}

const Issue = z.object({ code: z.string().nullish(), locator: z.string().nullish(), message: z.union([z.string(), z.number()]).nullish() });
export const issuesOf = (list: z.infer<typeof Issue>[] | null | undefined): ProviderIssue[] =>
  (list ?? []).map((e) => ({ code: e.code ?? 'UNKNOWN', message: e.message === null || e.message === undefined ? '' : String(e.message) }));

/** One `progCapacities[].progTypes[]` entry; `T` is what the endpoint adds (feasibility or segments). */
export const capacitiesReply = <T extends z.ZodRawShape>(entry: T) =>
  z.object({
    progCapacities: z.array(
      z.object({
        mission: z.string().nullish(),
        progTypes: z.array(z.object({ name: z.string(), mission: z.string().nullish(), available: z.boolean().nullish(), errors: z.array(Issue).nullish(), ...entry })),
      }),
    ),
  });

/** The entry answering our one mission and programming type. */
export function entryFor<E extends { name: string; mission?: string | null | undefined }>(reply: { progCapacities: { mission?: string | null | undefined; progTypes: E[] }[] }, q: TaskingSearch, path: string): E {
  const name = progTypeName(q);
  for (const c of reply.progCapacities) {
    const hit = c.progTypes.find((p) => p.name === name && (p.mission ?? c.mission ?? q.mission) === q.mission);
    if (hit) return hit;
  }
  throw new ProviderError('PROVIDER_MALFORMED', `The ${path} answer has no entry for ${q.mission} ${name}.`, { path: 'progCapacities' });
}

const FeasibilityEntry = {
  feasibility: z.object({ classification: z.string().nullish(), automation: z.string().nullish(), automationName: z.string().nullish() }).nullish(),
  expirationDate: z.string().nullish(),
};
const FeasibilityReply = capacitiesReply(FeasibilityEntry);

const oneOf = <T extends string>(v: string | null | undefined, allowed: readonly T[]): T | null => (allowed.includes(v as T) ? (v as T) : null);

export async function feasibility(ctx: OneAtlasContext, q: TaskingSearch, opts?: CallOptions): Promise<WithRaw<ProviderFeasibility>> {
  // A read: asking twice costs nothing, so it is retried on 429/503 like any read.
  const { value, raw } = await ctx.api.json({ method: 'POST', url: ctx.url('order', '/api/v1/feasibility'), kind: 'read', body: { json: searchBody(q) } }, FeasibilityReply, opts);
  const e = entryFor(value, q, 'feasibility');
  const f = e.feasibility;
  return {
    value: {
      available: e.available ?? !!f,
      classification: oneOf(f?.classification, ['EASY', 'CHALLENGING'] as const),
      automation: oneOf(f?.automation, ['AUTOMATIC', 'MANUAL'] as const),
      automationName: f?.automationName ?? null,
      errors: issuesOf(e.errors),
      expirationDate: e.expirationDate ?? null,
    },
    raw,
  };
}
