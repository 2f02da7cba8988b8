import { bboxesIntersect } from '../../shared/geo/bbox';
import { relates, type Relation, type Shape } from '../geo/shapes';
import { findScene, type Scene } from './catalogue';
import { contains, type Interval } from './interval';
import { SATELLITES, serviceWindow, type Constellation } from './orbits';
import { sweep } from './sweep';

/**
 * One search model behind both providers' search APIs: each route turns its own parameters into a
 * Query (naming the field on any error), and runQuery answers it from the catalogue (or from a given
 * list, for workspace searches of delivered products).
 */

export type NumericKey =
  | 'cloudCover'
  | 'snowCover'
  | 'incidenceAngle'
  | 'incidenceAngleAcrossTrack'
  | 'incidenceAngleAlongTrack'
  | 'azimuthAngle'
  | 'illuminationAzimuthAngle'
  | 'illuminationElevationAngle'
  | 'resolution'
  | 'acquisitionTime'
  | 'publicationTime';

export type ListKey = 'constellation' | 'platform' | 'processingLevel' | 'productType' | 'id' | 'sourceIdentifier' | 'acquisitionStation' | 'acquisitionIdentifier';

/** Anything searchable: catalogue scenes, or delivered products built from them. */
export type Item = Scene & { extra?: Record<string, string> };

export interface Query {
  aoi?: Shape;
  relation: Relation;
  ranges: Partial<Record<NumericKey, Interval>>;
  lists: Partial<Record<ListKey, Set<string>>>;
  /** Exact matches on extra string fields (customerReference of delivered items). */
  extras: Record<string, Set<string>>;
  sort: { key: NumericKey | 'id'; desc: boolean }[];
  startPage: number;
  itemsPerPage: number;
}

export const newQuery = (): Query => ({ relation: 'intersects', ranges: {}, lists: {}, extras: {}, sort: [], startPage: 1, itemsPerPage: 50 });

/** Opensearch engines stop counting here (the OneAtlas spec caps totalResults at 10000). */
export const MAX_UNBOUNDED_RESULTS = 10_000;

const listValue = (item: Item, key: ListKey): string => item[key];

export function matches(item: Item, q: Query): boolean {
  // Plain loops over the query's filters: this runs for every candidate scene of a search.
  for (const key in q.ranges) if (!contains(q.ranges[key as NumericKey] as Interval, item[key as NumericKey])) return false;
  for (const key in q.lists) {
    const set = q.lists[key as ListKey] as Set<string>;
    if (key === 'id' ? !set.has(item.id) && !set.has(item.legacyId) : !set.has(listValue(item, key as ListKey))) return false;
  }
  for (const key in q.extras) if (!(q.extras[key] as Set<string>).has(item.extra?.[key] ?? '')) return false;
  if (!q.aoi) return true;
  const [west, south, east, north] = item.bbox;
  return bboxesIntersect({ west, south, east, north }, q.aoi.bbox) && relates(item.footprint, q.aoi, q.relation);
}

const sortValue = (item: Item, key: NumericKey | 'id'): number | string => (key === 'id' ? item.id : item[key]);

function compare(q: Query) {
  return (a: Item, b: Item): number => {
    for (const { key, desc } of q.sort) {
      const va = sortValue(a, key);
      const vb = sortValue(b, key);
      if (va !== vb) return (va < vb ? -1 : 1) * (desc ? -1 : 1);
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; // deterministic ties
  };
}

export interface Page {
  total: number;
  items: Item[];
  /** 0-based index of the first item of the page. */
  startIndex: number;
}

export function paginate(all: Item[], q: Query): Page {
  all.sort(compare(q));
  const startIndex = (q.startPage - 1) * q.itemsPerPage;
  return { total: all.length, items: all.slice(startIndex, startIndex + q.itemsPerPage), startIndex };
}

/** Answers a query from the public catalogue, restricted to the given constellations. */
export function runCatalogueQuery(seed: number, q: Query, nowMs: number, constellations: readonly Constellation[]): Page {
  const sats = SATELLITES.filter((s) => constellations.includes(s.constellation));
  const found: Item[] = [];
  if (sats.length === 0) return paginate(found, q);
  const ids = [...(q.lists.id ?? []), ...(q.lists.sourceIdentifier ?? [])];
  if (ids.length > 0) {
    // Lookup by identifier: no sweep needed, every id names its scene.
    const seen = new Set<string>();
    for (const id of ids) {
      const s = findScene(seed, id);
      if (!s || seen.has(s.id) || s.publicationTime > nowMs || !constellations.includes(s.constellation)) continue;
      seen.add(s.id);
      if (matches(s, q)) found.push(s);
    }
    return paginate(found, q);
  }
  const acq = q.ranges.acquisitionTime;
  const earliest = Math.min(...sats.map((s) => serviceWindow(s, nowMs)[0]));
  const from = acq?.min ?? earliest;
  const to = acq?.max ?? nowMs;
  const primary = q.sort[0];
  const newestFirst = !(primary?.key === 'acquisitionTime' && !primary.desc);
  for (const s of sweep(seed, { sats, from, to, nowMs, aoi: q.aoi?.bbox, newestFirst })) {
    if (!matches(s, q)) continue;
    found.push(s);
    if (!q.aoi && found.length >= MAX_UNBOUNDED_RESULTS) break;
  }
  return paginate(found, q);
}

/** Answers a query from a fixed list (delivered products). */
export function runListQuery(items: readonly Item[], q: Query): Page {
  return paginate(
    items.filter((i) => matches(i, q)),
    q,
  );
}
