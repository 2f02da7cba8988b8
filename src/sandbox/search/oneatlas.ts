import { requireOneAtlasBearer } from '../auth/guards';
import { SANDBOX_PREFIXES } from '../credentials';
import type { Relation } from '../geo/shapes';
import type { Handler, SandboxRequest, SandboxResponse } from '../types';
import { uuidFrom } from './ids';
import type { Constellation } from './orbits';
import { FieldError, readAoi, readDateRange, readInt, readInterval, readList, readParams, readString } from './params';
import { newQuery, runCatalogueQuery, runListQuery, type Item, type ListKey, type NumericKey, type Page, type Query } from './query';
import { isUserWorkspace, PUBLIC_WORKSPACES, USER_WORKSPACE, workspaceItems } from './workspace';

/**
 * OneAtlas catalogue search, `GET|POST /api/v2/opensearch` on the search host: the opensearch
 * parameters of the OneAtlas spec (search-options-v2), answered as its SearchResponse
 * FeatureCollection. Unknown parameters are ignored, as opensearch does; malformed ones are a 400
 * naming the field.
 */

const NUMERIC: Record<string, NumericKey> = {
  cloudCover: 'cloudCover',
  snowCover: 'snowCover',
  incidenceAngle: 'incidenceAngle',
  incidenceAngleAcrossTrack: 'incidenceAngleAcrossTrack',
  incidenceAngleAlongTrack: 'incidenceAngleAlongTrack',
  azimuthAngle: 'azimuthAngle',
  illuminationAzimuthAngle: 'illuminationAzimuthAngle',
  illuminationElevationAngle: 'illuminationElevationAngle',
  resolution: 'resolution',
};
const DATES: Record<string, NumericKey> = { publicationDate: 'publicationTime', lastUpdateDate: 'publicationTime' };
const LISTS: Record<string, ListKey> = {
  constellation: 'constellation',
  platform: 'platform',
  satellite: 'platform',
  processingLevel: 'processingLevel',
  productType: 'productType',
  id: 'id',
  sourceIdentifier: 'sourceIdentifier',
  parentIdentifier: 'sourceIdentifier',
  parentIdenfifier: 'sourceIdentifier', // sic: the spec's parameter name
  archiveIdentifier: 'sourceIdentifier',
  acquisitionIdentifier: 'acquisitionIdentifier',
  acquisitionStation: 'acquisitionStation',
};
const SORTABLE: Record<string, NumericKey | 'id'> = { ...NUMERIC, acquisitionDate: 'acquisitionTime', ...DATES, id: 'id' };
const RELATIONS: Relation[] = ['intersects', 'within', 'contains'];
/** Alternative spellings clients use for the constellations (the spec's own enum lists PLEIADES). */
const CONSTELLATION_ALIASES: Record<string, Constellation> = { PLEIADES: 'PHR', PLEIADESNEO: 'PNEO' };

export function parseOneAtlasQuery(params: Record<string, unknown>): Query {
  const q = newQuery();
  q.itemsPerPage = readInt(params['itemsPerPage'], 'itemsPerPage', 1, 500, 50);
  q.startPage = readInt(params['startPage'], 'startPage', 1, 1_000_000, 1);
  q.aoi = readAoi(params);
  const relation = readString(params['relation'], 'relation');
  if (relation !== undefined) {
    if (relation === 'disjoint') throw new FieldError('relation', 'relation "disjoint" is not supported by the sandbox (it would match the whole world)');
    if (!RELATIONS.includes(relation as Relation)) throw new FieldError('relation', `relation must be one of ${RELATIONS.join(', ')}`);
    q.relation = relation as Relation;
  }
  const acq = readDateRange(params['acquisitionDate'], 'acquisitionDate');
  if (acq) q.ranges.acquisitionTime = acq;
  for (const [name, key] of Object.entries(NUMERIC)) {
    const iv = readInterval(params[name], name, 'number');
    if (iv) q.ranges[key] = iv;
  }
  for (const [name, key] of Object.entries(DATES)) {
    const iv = readInterval(params[name], name, 'date');
    if (iv) q.ranges[key] = iv;
  }
  for (const [name, key] of Object.entries(LISTS)) {
    const values = readList(params[name], name);
    if (!values) continue;
    const mapped = key === 'constellation' ? values.map((v) => CONSTELLATION_ALIASES[v] ?? v) : values;
    const prev = q.lists[key];
    q.lists[key] = new Set(prev ? mapped.filter((v) => prev.has(v)) : mapped);
  }
  for (const name of ['customerReference', 'internalReference']) {
    const v = readList(params[name], name);
    if (v) q.extras[name] = new Set(v);
  }
  const sortBy = readList(params['sortBy'], 'sortBy') ?? ['-acquisitionDate', 'cloudCover'];
  q.sort = sortBy.map((s) => {
    const desc = s.startsWith('-');
    const name = s.replace(/^[-+]/, '');
    const key = SORTABLE[name];
    if (!key) throw new FieldError('sortBy', `sortBy: cannot sort on "${name}" (sortable: ${Object.keys(SORTABLE).join(', ')})`);
    return { key, desc };
  });
  return q;
}

const origin = (req: SandboxRequest) => `http://${req.headers.host ?? '127.0.0.1'}`;

export function oneAtlasFeature(item: Item, req: SandboxRequest, workspace: { id: string; name: string; title: string }): Record<string, unknown> {
  const base = origin(req);
  const access = `${base}${SANDBOX_PREFIXES.oneatlas.data}/api/v1/items/${item.id}`;
  const correlation = uuidFrom(item.key.sat, item.key.rev, item.key.slot, 77);
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [item.footprint] },
    properties: {
      acquisitionDate: item.acquisitionDate,
      ...(item.constellation === 'PNEO' ? { acquisitionIdentifier: item.acquisitionIdentifier } : {}),
      acquisitionStation: item.acquisitionStation,
      archiveAnonymousIdentifier: item.archiveAnonymousIdentifier,
      archiveIdentifier: item.sourceIdentifier,
      archivingCenter: 'FR1',
      azimuthAngle: item.azimuthAngle,
      cloudCover: item.cloudCover,
      constellation: item.constellation,
      correlationId: `mmcat_${correlation.replace(/-/g, '')}`,
      expirationDate: item.expirationDate,
      format: 'image/jp2',
      id: item.id,
      illuminationAzimuthAngle: item.illuminationAzimuthAngle,
      illuminationElevationAngle: item.illuminationElevationAngle,
      incidenceAngle: item.incidenceAngle,
      incidenceAngleAcrossTrack: item.incidenceAngleAcrossTrack,
      incidenceAngleAlongTrack: item.incidenceAngleAlongTrack,
      lastUpdateDate: item.publicationDate,
      organisationName: 'AIRBUS DS GEO',
      parentIdentifier: item.sourceIdentifier,
      platform: item.platform,
      processingCenter: item.constellation === 'PNEO' ? 'MOC' : 'FCMUGC',
      processingDate: item.processingDate,
      processingLevel: item.processingLevel,
      processorName: item.constellation === 'PNEO' ? 'MMCAT' : 'IPU V_05_03',
      productCategory: 'image',
      productType: item.productType,
      productionStatus: 'ARCHIVED',
      publicationDate: item.publicationDate,
      qualified: false,
      resolution: item.resolution,
      sensorType: 'OPTICAL',
      snowCover: item.snowCover,
      sourceIdentifier: item.sourceIdentifier,
      spectralRange: 'VISIBLE',
      title: item.sourceIdentifier,
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      workspaceTitle: workspace.title,
      ...(item.extra?.['customerReference'] ? { customerReference: item.extra['customerReference'] } : {}),
    },
    _links: {
      self: { href: `${base}${SANDBOX_PREFIXES.oneatlas.search}/api/v2/opensearch?id=${item.id}`, method: 'GET', name: 'self', resourceId: item.id },
      quicklook: { href: `${access}/quicklook`, name: 'QuickLook', type: 'HTTP' },
      thumbnail: { href: `${access}/thumbnail`, name: 'Thumbnail', type: 'HTTP' },
      // Only the user's own delivered products can be downloaded (the public catalogue cannot).
      ...(workspace.id === USER_WORKSPACE.id ? { download: [{ href: `${access}/download`, method: 'GET', name: 'Download', type: 'image/tiff', resourceId: item.id }] } : {}),
    },
  };
}

const workspaceOf = (item: Item) => {
  const name = item.constellation === 'PNEO' ? 'public-pneo' : 'public';
  return { id: PUBLIC_WORKSPACES[name].id, name, title: PUBLIC_WORKSPACES[name].title };
};

function collection(page: Page, q: Query, features: Record<string, unknown>[]) {
  return { error: false, itemsPerPage: q.itemsPerPage, startIndex: page.startIndex, totalResults: page.total, type: 'FeatureCollection', features };
}

export function badRequest(e: FieldError, req: SandboxRequest): SandboxResponse {
  const correlationId = String(req.headers['x-ads-correlation-id'] ?? uuidFrom(Date.now() % 2 ** 31, e.message.length));
  return { status: 400, body: { correlationId, internalCode: 400, message: e.message, field: e.field, hint: 'See the opensearch parameters of the search API', timestamp: Date.now() } };
}

export const opensearch: Handler = (req, ctx) => {
  const denied = requireOneAtlasBearer(req, ctx);
  if (denied) return denied;
  let q: Query;
  let workspaces: string[] | undefined;
  try {
    const params = readParams(req);
    q = parseOneAtlasQuery(params);
    workspaces = readList(params['workspace'], 'workspace');
  } catch (e) {
    if (e instanceof FieldError) return badRequest(e, req);
    throw e;
  }
  const { state } = ctx;
  if (workspaces?.some(isUserWorkspace)) {
    const page = runListQuery(workspaceItems(state), q);
    return { status: 200, body: collection(page, q, page.items.map((i) => oneAtlasFeature(i, req, USER_WORKSPACE))) };
  }
  // Public archive workspaces: SPOT and Pléiades in "public", Pléiades Neo in "public-pneo".
  const constellations: Constellation[] = [];
  if (!workspaces || workspaces.includes('public')) constellations.push('SPOT', 'PHR');
  if (!workspaces || workspaces.includes('public-pneo')) constellations.push('PNEO');
  const page = runCatalogueQuery(state.seed, q, state.now().getTime(), constellations);
  return { status: 200, body: collection(page, q, page.items.map((i) => oneAtlasFeature(i, req, workspaceOf(i)))) };
};
