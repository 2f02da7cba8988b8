import { z } from 'zod';
import { FootprintSchema, toFootprint } from '../common/geometry';
import type { ProviderScene } from '../types';

/**
 * One opensearch feature as a Scene. `id` is the catalogue item id (what Pléiades Neo orders name);
 * `sourceId` the datastrip (what SPOT/Pléiades orders name). Every property is kept, plus the
 * feature's `_links`, which is where the quicklook lives.
 */

const num = z.number().nullish();
const Link = z.object({ href: z.string().min(1) }).nullish();

export const OpensearchFeature = z.object({
  id: z.string().nullish(),
  geometry: FootprintSchema,
  properties: z
    .object({
      id: z.string().min(1),
      acquisitionDate: z.string().min(1),
      constellation: z.string().nullish(),
      platform: z.string().nullish(),
      cloudCover: num,
      incidenceAngle: num,
      resolution: num,
      sourceIdentifier: z.string().nullish(),
      archiveIdentifier: z.string().nullish(),
      parentIdentifier: z.string().nullish(),
    })
    .catchall(z.unknown()),
  _links: z.object({ quicklook: Link, thumbnail: Link }).catchall(z.unknown()).nullish(),
});

export const OpensearchReply = z.object({ totalResults: z.number().nullish(), features: z.array(OpensearchFeature) });

/** Where quicklook() finds the link again once the scene has been stored and read back. */
export const LinksProperty = z.object({ _links: z.object({ quicklook: z.object({ href: z.string().min(1) }) }) });

export function toScene(f: z.infer<typeof OpensearchFeature>): ProviderScene {
  const p = f.properties;
  return {
    id: p.id,
    sourceId: p.sourceIdentifier ?? p.archiveIdentifier ?? p.parentIdentifier ?? p.id,
    constellation: p.constellation ?? '',
    satellite: p.platform ?? '',
    acquisitionDate: p.acquisitionDate,
    cloudCover: p.cloudCover ?? null,
    incidenceAngle: p.incidenceAngle ?? null,
    resolutionM: p.resolution ?? null,
    footprint: toFootprint(f.geometry),
    hasQuicklook: !!f._links?.quicklook?.href,
    properties: { ...p, ...(f._links ? { _links: f._links } : {}) },
  };
}
