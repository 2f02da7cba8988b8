import { z } from 'zod';
import { FootprintSchema, toFootprint } from '../common/geometry';
import type { ProviderScene } from '../types';

/**
 * One legacy search feature as a Scene: `id` is the feature id, `sourceId` the datastrip
 * (`properties.sourceId`, what orders name in `datastripIds`). Properties are all kept, plus the
 * feature-level `quicklooks` and `thumbnail` links quicklook() follows later.
 */

const num = z.number().nullish();
const Quicklook = z.object({ size: z.string().nullish(), projection: z.string().nullish(), image: z.string().min(1) });

export const LegacyFeature = z.object({
  id: z.string().min(1),
  geometry: FootprintSchema,
  properties: z
    .object({
      sourceId: z.string().min(1),
      acquisitionDate: z.string().min(1),
      constellation: z.string().nullish(),
      satellite: z.string().nullish(),
      cloudCover: num,
      incidenceAngle: num,
      resolution: num,
    })
    .catchall(z.unknown()),
  thumbnail: z.string().nullish(),
  quicklooks: z.array(Quicklook).nullish(),
});

export const LegacySearchReply = z.object({ totalResults: z.number().nullish(), features: z.array(LegacyFeature) });

export const QuicklookLinks = z.object({ quicklooks: z.array(Quicklook).nullish(), thumbnail: z.string().nullish() });

/** The picture to drape on a 4326 footprint: MEDIUM in EPSG:4326 first, then unprojected sizes. */
export function bestQuicklook(links: z.infer<typeof QuicklookLinks>): string | undefined {
  const qls = links.quicklooks ?? [];
  const rank = (q: z.infer<typeof Quicklook>) => {
    const geographic = q.projection?.endsWith('/4326') ? 0 : q.projection ? 20 : 10;
    return geographic + ({ MEDIUM: 0, LARGE: 1, SMALL: 2 }[q.size?.toUpperCase() ?? ''] ?? 3);
  };
  const best = [...qls].filter((q) => !q.projection || q.projection.endsWith('/4326')).sort((a, b) => rank(a) - rank(b))[0];
  return best?.image ?? links.thumbnail ?? undefined;
}

export function toScene(f: z.infer<typeof LegacyFeature>): ProviderScene {
  const p = f.properties;
  return {
    id: f.id,
    sourceId: p.sourceId,
    constellation: p.constellation ?? '',
    satellite: p.satellite ?? '',
    acquisitionDate: p.acquisitionDate,
    cloudCover: p.cloudCover ?? null,
    incidenceAngle: p.incidenceAngle ?? null,
    resolutionM: p.resolution ?? null,
    footprint: toFootprint(f.geometry),
    hasQuicklook: bestQuicklook(f) !== undefined,
    properties: { ...p, ...(f.quicklooks ? { quicklooks: f.quicklooks } : {}), ...(f.thumbnail ? { thumbnail: f.thumbnail } : {}) },
  };
}
