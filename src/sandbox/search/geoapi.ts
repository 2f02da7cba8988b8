import { requireGeoApiSearchKey } from '../auth/guards';
import { SANDBOX_CREDENTIALS, SANDBOX_PREFIXES } from '../credentials';
import type { Handler, SandboxRequest, SandboxResponse } from '../types';
import type { Constellation } from './orbits';
import { FieldError, readAoi, readInt, readInterval, readList, readParams, readString } from './params';
import { newQuery, runCatalogueQuery, type Item, type NumericKey, type Query } from './query';

/**
 * GeoAPI legacy search, `GET|POST /api/v1/search` with `Authorization: APIKEY <key>` (or the spec's
 * `apiKey` query parameter): WKT geometry, interval syntax for dates, angles and cover, OpenSearch +
 * GeoJSON FeatureCollection response with the request echoed under `query`. The legacy catalogue
 * predates Pléiades Neo, so it holds SPOT and Pléiades only.
 */

const NUMERIC: Record<string, NumericKey> = { resolution: 'resolution', incidenceAngle: 'incidenceAngle', cloudCover: 'cloudCover', snowCover: 'snowCover' };
/** The spec's constellation enum (case-insensitive; the guide writes PLEIADES); TerraSAR-X has no optical scenes here. */
const CONSTELLATIONS: Record<string, Constellation | null> = { PLEIADES: 'PHR', SPOT: 'SPOT', TERRASAR_X_MISSION: null };
const PRODUCT_TYPES = [
  'PleiadesArchiveMono', 'PleiadesArchiveStereo', 'PleiadesArchiveTristereo',
  'SPOTArchive1.5Mono', 'SPOTArchive1.5Stereo', 'SPOTArchive1.5Tristereo',
  'SPOTArchive2.5BW', 'SPOTArchive2.5Color', 'SPOTArchive5BW', 'SPOTArchive5Color', 'SPOTArchive10BW', 'SPOTArchive10Color', 'SPOTArchive20Color',
  'TSXArchiveHS', 'TSXArchiveSC', 'TSXArchiveSL', 'TSXArchiveST', 'TSXArchiveSM', 'TSXArchiveWS',
  'WorldDEMArchiveStandard', 'WorldDEMArchiveCore', 'WorldDEMArchiveDTM',
]; // prettier-ignore
/** Our scenes are mono acquisitions: only these product types name them. */
const PRODUCT_TYPE_CONSTELLATION: Record<string, Constellation> = { PleiadesArchiveMono: 'PHR', 'SPOTArchive1.5Mono': 'SPOT' };
const SORT_KEYS: Record<string, NumericKey> = { acquisitionDate: 'acquisitionTime', cloudCover: 'cloudCover', incidenceAngle: 'incidenceAngle', resolution: 'resolution', snowCover: 'snowCover' };

export const GEOAPI_PRODUCT_TYPE: Record<string, string> = { PHR: 'PHR_0_5', SPOT: 'SPOT_1_5' };
const PRODUCT_NAME: Record<string, string> = { PHR: 'Pléiades 0.5-m', SPOT: 'SPOT 1.5-m' };
const CONSTELLATION_NAME: Record<string, string> = { PHR: 'PLEIADES', SPOT: 'SPOT' };

function enumValue(v: unknown, field: string, allowed: string[]): string | undefined {
  const s = readString(v, field);
  if (s === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
  if (!hit) throw new FieldError(field, `${field} must be one of ${allowed.join(', ')}`);
  return hit;
}

/** The query, plus the constellations it can match (empty: the filters exclude every optical scene). */
export function parseGeoApiQuery(params: Record<string, unknown>): { q: Query; constellations: Constellation[] } {
  const q = newQuery();
  q.itemsPerPage = readInt(params['count'], 'count', 1, 500, 25);
  q.startPage = readInt(params['startPage'], 'startPage', 1, 1_000_000, 1);
  q.aoi = readAoi(params, { wktOnly: true });
  const acq = readInterval(params['acquisitionDate'], 'acquisitionDate', 'date');
  if (acq) q.ranges.acquisitionTime = acq;
  for (const [name, key] of Object.entries(NUMERIC)) {
    const iv = readInterval(params[name], name, 'number');
    if (iv) q.ranges[key] = iv;
  }
  let allowed: (Constellation | null)[] = ['SPOT', 'PHR'];
  const constellations = readList(params['constellation'], 'constellation');
  if (constellations) {
    allowed = constellations.map((c) => {
      const hit = CONSTELLATIONS[c.toUpperCase()];
      if (hit === undefined) throw new FieldError('constellation', `constellation must be among Pleiades, SPOT, TerraSAR_X_Mission (got "${c}")`);
      return hit;
    });
  }
  const productTypes = readList(params['productType'], 'productType');
  if (productTypes) {
    for (const p of productTypes) if (!PRODUCT_TYPES.includes(p)) throw new FieldError('productType', `productType "${p}" is not a known product type`);
    const fromTypes = productTypes.map((p) => PRODUCT_TYPE_CONSTELLATION[p] ?? null);
    allowed = allowed.filter((c) => fromTypes.includes(c));
  }
  const sensorType = enumValue(params['sensorType'], 'sensorType', ['optical', 'radar', 'terrain']);
  const orbit = enumValue(params['orbitDirection'], 'orbitDirection', ['ASCENDING', 'DESCENDING']);
  const radarOnly = params['polarisationChannels'] !== undefined || params['antennaLookDirection'] !== undefined;
  if ((sensorType && sensorType !== 'optical') || orbit === 'ASCENDING' || radarOnly) allowed = [];
  const sortKeys = readString(params['sortKeys'], 'sortKeys');
  q.sort = (sortKeys ?? 'acquisitionDate,,0').trim().split(/\s+/).map((k) => {
    const m = /^(\w+),[^,]*,([01])$/.exec(k) ?? /^(\w+)$/.exec(k);
    const key = m && SORT_KEYS[m[1] as string];
    if (!m || !key) throw new FieldError('sortKeys', `sortKeys must look like acquisitionDate,,0 (sortable: ${Object.keys(SORT_KEYS).join(', ')})`);
    return { key, desc: m[2] === '0' };
  });
  return { q, constellations: allowed.filter((c): c is Constellation => c !== null) };
}

const origin = (req: SandboxRequest) => `http://${req.headers.host ?? '127.0.0.1'}`;

export function geoApiFeature(item: Item, req: SandboxRequest): Record<string, unknown> {
  const product = `${origin(req)}${SANDBOX_PREFIXES.geoapi.search}/api/v1/productTypes/${GEOAPI_PRODUCT_TYPE[item.constellation]}/products/${item.sourceIdentifier}`;
  const ql = (size: string, projection?: string) => ({
    size,
    projection: projection ? `http://www.opengis.net/def/crs/EPSG/0/${projection}` : null,
    image: `${product}?${projection ? `projection=EPSG:${projection}&` : ''}size=${size}`,
  });
  return {
    type: 'Feature',
    properties: {
      viewingAngleAlongTrack: item.viewingAngleAlongTrack,
      incidenceAngle: item.incidenceAngle,
      sourceId: item.sourceIdentifier,
      acquisitionDate: item.acquisitionDate,
      constellation: CONSTELLATION_NAME[item.constellation],
      provider: 'Airbus Defence and Space',
      viewingAngleAcrossTrack: item.viewingAngleAcrossTrack,
      cloudCover: item.cloudCover,
      snowCover: item.snowCover,
      satellite: item.platform,
      creationDate: item.publicationDate,
      resolution: item.resolution,
      productName: PRODUCT_NAME[item.constellation],
      azimuthAngle: item.azimuthAngle,
      illuminationAzimuthAngle: item.illuminationAzimuthAngle,
      illuminationElevationAngle: item.illuminationElevationAngle,
    },
    geometry: { type: 'Polygon', coordinates: [item.footprint] },
    id: item.legacyId,
    bbox: item.bbox,
    thumbnail: `${product}?size=SMALL`,
    quicklooks: [ql('MEDIUM', '4326'), ql('LARGE'), ql('MEDIUM'), ql('MEDIUM', '3857'), ql('SMALL')],
  };
}

/** Spring-style error body of the legacy services, naming the field. */
export function legacyError(status: number, e: { field: string; message: string }, req: SandboxRequest): SandboxResponse {
  const error = status === 400 ? 'Bad Request' : status === 404 ? 'Not Found' : 'Error';
  return { status, body: { timestamp: Date.now(), status, error, message: e.message, field: e.field, path: `${SANDBOX_PREFIXES.geoapi.search}${req.path}` } };
}

/** APIKEY header, or the spec's `apiKey` query parameter (handy for <img> quicklook links). */
export function requireSearchKey(req: SandboxRequest): SandboxResponse | undefined {
  if (!req.headers.authorization && req.query.get('apiKey') === SANDBOX_CREDENTIALS.geoapi.searchApiKey) return undefined;
  return requireGeoApiSearchKey(req);
}

export const legacySearch: Handler = (req, ctx) => {
  const denied = requireSearchKey(req);
  if (denied) return denied;
  let parsed: ReturnType<typeof parseGeoApiQuery>;
  let echo: Record<string, unknown>;
  try {
    echo = readParams(req);
    delete echo['apiKey'];
    parsed = parseGeoApiQuery(echo);
  } catch (e) {
    if (e instanceof FieldError) return legacyError(400, e, req);
    throw e;
  }
  const { q, constellations } = parsed;
  const page = runCatalogueQuery(ctx.state.seed, q, ctx.state.now().getTime(), constellations);
  return {
    status: 200,
    body: {
      startIndex: page.startIndex + 1,
      itemsPerPage: q.itemsPerPage,
      totalResults: page.total,
      query: echo,
      type: 'FeatureCollection',
      features: page.items.map((i) => geoApiFeature(i, req)),
    },
  };
};
