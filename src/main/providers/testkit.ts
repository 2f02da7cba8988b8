import type { Polygon } from 'geojson';
import { SANDBOX_CREDENTIALS } from '../../shared/domain/sandbox';
import type { ArchiveQuery, ProviderAccount } from './types';

/**
 * Test helpers shared by the provider tests: sandbox accounts built from a started sandbox's base URLs,
 * a searchable AOI and query, and an admin client. Test-only; imports nothing from src/sandbox.
 */

export type BaseUrls = { oneatlas: Record<'auth' | 'data' | 'order' | 'search', string>; geoapi: Record<'auth' | 'order' | 'search', string> };

let n = 0;
export function oneAtlasAccount(urls: BaseUrls, secrets: Record<string, string> = { ...SANDBOX_CREDENTIALS.oneatlas }): ProviderAccount {
  return { id: `oa-${++n}`, endpoints: { ...urls.oneatlas }, identity: {}, secrets };
}

export function geoApiAccount(urls: BaseUrls, secrets: Record<string, string> = { ...SANDBOX_CREDENTIALS.geoapi }): ProviderAccount {
  const { username, ...rest } = SANDBOX_CREDENTIALS.geoapi;
  return { id: `geo-${++n}`, endpoints: { ...urls.geoapi }, identity: { username }, secrets: { ...rest, ...secrets } };
}

/** About `km` kilometres a side, centred on lon/lat. */
export function square(lon: number, lat: number, km: number): Polygon {
  const dLat = km / 2 / 111.2;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return { type: 'Polygon', coordinates: [[[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]]] };
}

export const TOULOUSE = square(1.44, 43.6, 8);

export function query(overrides: Partial<ArchiveQuery> = {}): ArchiveQuery {
  return {
    contractId: null,
    aoi: TOULOUSE,
    from: '2023-01-01',
    to: '2023-12-31',
    maxCloudCover: 100,
    maxIncidenceAngle: 60,
    constellations: [],
    sort: 'date-desc',
    pageSize: 20,
    page: 1,
    ...overrides,
  };
}

export async function admin<T = Record<string, unknown>>(origin: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${origin}/__admin${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

export interface AdminRecord {
  kind: string;
  provider: string;
  id: string;
  customerReference?: string;
  body: Record<string, unknown>;
}
export const acceptedOrders = async (origin: string) => (await admin<{ items: AdminRecord[] }>(origin, 'GET', '/orders')).items;
