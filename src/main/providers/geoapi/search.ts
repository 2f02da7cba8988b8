import { toWkt } from '../../../shared/geo/wkt';
import { ProviderError } from '../../http';
import { dayBounds } from '../common/dates';
import { assertTrustedLink } from '../common/links';
import type { ArchiveQuery, CallOptions, ProviderScene, WithRaw } from '../types';
import type { GeoApiContext } from './context';
import { bestQuicklook, LegacySearchReply, QuicklookLinks, toScene } from './scene';

/**
 * Legacy search (the GeoAPI archive guide, step 4; the 2017 search spec): `POST /api/v1/search` with `Authorization: APIKEY`,
 * WKT geometry and `[a,b]` intervals. Dates are written without a zone, as the guide writes them.
 */

const SORT: Record<ArchiveQuery['sort'], string> = {
  'date-desc': 'acquisitionDate,,0',
  'date-asc': 'acquisitionDate,,1',
  'cloud-asc': 'cloudCover,,1 acquisitionDate,,0',
};

const noZone = (iso: string) => iso.replace(/\.\d+Z$|Z$/, '');

/** The desk's constellation ids (shared/domain/constellations.ts) as the legacy search spells them (GeoAPI archive guide). */
const GEOAPI_CONSTELLATION: Record<string, string> = { SPOT: 'SPOT', PHR: 'PLEIADES' };

function legacyConstellations(ids: readonly string[]): string[] {
  return ids.map((id) => {
    const name = GEOAPI_CONSTELLATION[id];
    if (!name) throw new ProviderError('PROVIDER_ERROR', `The GeoAPI (legacy) archive has no "${id}" scenes; untick it or search a OneAtlas account.`, { field: 'constellations' });
    return name;
  });
}

export function legacySearchBody(q: ArchiveQuery): Record<string, unknown> {
  const { start, end } = dayBounds(q.from, q.to);
  return {
    // 7 decimals ≈ 1 cm: enough for any AOI, and keeps the request small.
    geometry: toWkt(q.aoi, { precision: 7 }),
    acquisitionDate: `[${noZone(start)},${noZone(end)}]`,
    cloudCover: `[0,${q.maxCloudCover}]`,
    incidenceAngle: `[0,${q.maxIncidenceAngle}]`,
    ...(q.constellations.length > 0 ? { constellation: legacyConstellations(q.constellations) } : {}),
    sortKeys: SORT[q.sort],
    count: q.pageSize,
    startPage: q.page,
  };
}

export async function search(ctx: GeoApiContext, q: ArchiveQuery, opts?: CallOptions): Promise<WithRaw<{ totalResults: number | null; scenes: ProviderScene[] }>> {
  const { value, raw } = await ctx.search.json({ method: 'POST', url: ctx.url('search', '/api/v1/search'), kind: 'read', body: { json: legacySearchBody(q) } }, LegacySearchReply, opts);
  return { value: { totalResults: value.totalResults ?? null, scenes: value.features.map(toScene) }, raw };
}

export async function quicklook(ctx: GeoApiContext, scene: ProviderScene, opts?: CallOptions): Promise<{ bytes: Uint8Array; contentType: string }> {
  const links = QuicklookLinks.safeParse(scene.properties);
  const href = links.success ? bestQuicklook(links.data) : undefined;
  if (!href) throw new ProviderError('PROVIDER_ERROR', `Scene ${scene.id} has no quicklook.`, { path: 'properties.quicklooks' });
  const url = assertTrustedLink(href, ctx.account.endpoints['search'] ? [ctx.account.endpoints['search']] : []);
  return ctx.search.bytes({ method: 'GET', url: url.toString(), kind: 'read', headers: { accept: 'image/*' } }, /^image\//, opts);
}
