import type { ListedScene, Scene } from '../../shared/domain/archive';

/** A scene as the `scenes` table holds it (named parameters of the upsert, and its SELECT). */
export interface SceneRow {
  provider: string;
  scene_id: string;
  source_id: string;
  constellation: string;
  satellite: string;
  acquired_at: number;
  cloud_cover: number | null;
  incidence_angle: number | null;
  resolution_m: number | null;
  has_quicklook: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  footprint: string;
  properties: string;
}

/** The columns a ListedScene (no properties) is rebuilt from, in SELECT order, qualified by the `s` alias. */
export const LISTED_SCENE_COLUMNS = `s.scene_id, s.source_id, s.constellation, s.satellite, s.acquired_at, s.cloud_cover,
  s.incidence_angle, s.resolution_m, s.has_quicklook, s.footprint`;

/** The columns a Scene is rebuilt from, in SELECT order, qualified by the `s` alias. */
export const SCENE_COLUMNS = `${LISTED_SCENE_COLUMNS}, s.properties`;

export type StoredSceneRow = Pick<
  SceneRow,
  | 'scene_id'
  | 'source_id'
  | 'constellation'
  | 'satellite'
  | 'acquired_at'
  | 'cloud_cover'
  | 'incidence_angle'
  | 'resolution_m'
  | 'has_quicklook'
  | 'footprint'
  | 'properties'
> & { aoi_coverage: number | null };

/** A stored scene row read without its properties (see LISTED_SCENE_COLUMNS). */
export type ListedSceneRow = Omit<StoredSceneRow, 'properties'>;

export type Bounds = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/**
 * Bounds of the outer ring. A ring spanning more than 180° of longitude crosses the antimeridian
 * (providers give -180..180): its true box wraps, so it is widened to the whole longitude range rather
 * than stored as a box covering the wrong side of the Earth. Rare, and only costs a few false hits.
 */
export function footprintBounds(footprint: Scene['footprint']): Bounds {
  const ring = footprint.coordinates[0];
  if (!ring || ring.length === 0) throw new Error('footprint has no outer ring');
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of ring) {
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  if (!Number.isFinite(minLon + minLat + maxLon + maxLat)) throw new Error('footprint has non-finite coordinates');
  return maxLon - minLon > 180 ? [-180, minLat, 180, maxLat] : [minLon, minLat, maxLon, maxLat];
}

export function toSceneRow(provider: string, s: Scene): SceneRow {
  const acquiredAt = Date.parse(s.acquisitionDate);
  // Refused rather than stored as 0: a scene without a date would vanish from every date query.
  if (Number.isNaN(acquiredAt)) throw new Error(`scene ${s.id}: acquisition date "${s.acquisitionDate}" is not a date`);
  let bounds: Bounds;
  try {
    bounds = footprintBounds(s.footprint);
  } catch (err) {
    throw new Error(`scene ${s.id}: ${(err as Error).message}`);
  }
  return {
    provider,
    scene_id: s.id,
    source_id: s.sourceId,
    constellation: s.constellation,
    satellite: s.satellite,
    acquired_at: acquiredAt,
    cloud_cover: s.cloudCover,
    incidence_angle: s.incidenceAngle,
    resolution_m: s.resolutionM,
    has_quicklook: s.hasQuicklook ? 1 : 0,
    min_lon: bounds[0],
    min_lat: bounds[1],
    max_lon: bounds[2],
    max_lat: bounds[3],
    footprint: JSON.stringify(s.footprint),
    properties: JSON.stringify(s.properties),
  };
}

/** Dates come back normalised to ISO 8601 UTC with milliseconds, whatever form the provider used. */
export const fromListedSceneRow = (r: ListedSceneRow): ListedScene => ({
  id: r.scene_id,
  sourceId: r.source_id,
  constellation: r.constellation,
  satellite: r.satellite,
  acquisitionDate: new Date(r.acquired_at).toISOString(),
  cloudCover: r.cloud_cover,
  incidenceAngle: r.incidence_angle,
  resolutionM: r.resolution_m,
  footprint: JSON.parse(r.footprint) as Scene['footprint'],
  aoiCoverage: r.aoi_coverage,
  hasQuicklook: r.has_quicklook === 1,
});

export const fromSceneRow = (r: StoredSceneRow): Scene => ({ ...fromListedSceneRow(r), properties: JSON.parse(r.properties) as Scene['properties'] });
