import { ProviderError } from '../../http';
import { assertTrustedLink } from '../common/links';
import { dayBounds } from '../common/dates';
import type { ArchiveQuery, CallOptions, ProviderScene, WithRaw } from '../types';
import type { OneAtlasContext } from './context';
import { LinksProperty, OpensearchReply, toScene } from './scene';

/**
 * Archive search: opensearch v2 POST on the search host, GeoJSON geometry, interval strings for dates,
 * cloud cover and incidence (the OneAtlas archive guide, step 2). A read: retried on 429/503.
 */

const SORT: Record<ArchiveQuery['sort'], string> = {
  'date-desc': '-acquisitionDate',
  'date-asc': '+acquisitionDate',
  'cloud-asc': 'cloudCover,-acquisitionDate',
};

export function opensearchBody(q: ArchiveQuery): Record<string, unknown> {
  const { start, end } = dayBounds(q.from, q.to);
  return {
    geometry: q.aoi,
    relation: 'intersects',
    acquisitionDate: `[${start},${end}]`,
    cloudCover: `[0,${q.maxCloudCover}]`,
    incidenceAngle: `[0,${q.maxIncidenceAngle}]`,
    ...(q.constellations.length > 0 ? { constellation: q.constellations } : {}),
    sortBy: SORT[q.sort],
    itemsPerPage: q.pageSize,
    startPage: q.page,
  };
}

export async function search(ctx: OneAtlasContext, q: ArchiveQuery, opts?: CallOptions): Promise<WithRaw<{ totalResults: number | null; scenes: ProviderScene[] }>> {
  const { value, raw } = await ctx.api.json({ method: 'POST', url: ctx.url('search', '/api/v2/opensearch'), kind: 'read', body: { json: opensearchBody(q) } }, OpensearchReply, opts);
  return { value: { totalResults: value.totalResults ?? null, scenes: value.features.map(toScene) }, raw };
}

export async function quicklook(ctx: OneAtlasContext, scene: ProviderScene, opts?: CallOptions): Promise<{ bytes: Uint8Array; contentType: string }> {
  const links = LinksProperty.safeParse(scene.properties);
  if (!links.success) throw new ProviderError('PROVIDER_ERROR', `Scene ${scene.id} has no quicklook.`, { path: 'properties._links.quicklook' });
  const hosts = (['data', 'search', 'order'] as const).flatMap((e) => (ctx.account.endpoints[e] ? [ctx.account.endpoints[e]] : []));
  const url = assertTrustedLink(links.data._links.quicklook.href, hosts);
  return ctx.api.bytes({ method: 'GET', url: url.toString(), kind: 'read', headers: { accept: 'image/*' } }, /^image\//, opts);
}
