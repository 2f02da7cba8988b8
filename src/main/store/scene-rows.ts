import type { Scene } from '../../shared/domain/archive';
import type { SlotScene } from './scene-box-contents';

/** A scene as it is about to be written: its box slot (scene-box-contents.ts) and its properties. */
export interface SceneRow extends SlotScene {
  /** Every provider property, JSON; kept in the `scenes` row, away from the box rows lists and queries read. */
  properties: string;
}

/** What a results list shows for a scene found in the local cache (no AOI coverage: no search). */
export interface CachedSceneItem {
  provider: string;
  id: string;
  acquisitionDate: string;
  constellation: string;
  satellite: string;
  cloudCover: number | null;
  incidenceAngle: number | null;
  resolutionM: number | null;
  hasQuicklook: boolean;
  footprint: Scene['footprint'];
}

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

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` for years 1970–9999, four times faster (0.3 against 1.3 µs): it runs for
 * every hit of a cached query. Days to civil date after Howard Hinnant's `civil_from_days`.
 */
export function isoDate(ms: number): string {
  if (!(ms >= 0 && ms < 253_402_300_800_000) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86_400_000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  let rest = ms - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${String(millis).padStart(3, '0')}Z`;
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
    has_quicklook: s.hasQuicklook,
    min_lon: bounds[0],
    min_lat: bounds[1],
    max_lon: bounds[2],
    max_lat: bounds[3],
    footprint: s.footprint,
    properties: JSON.stringify(s.properties),
  };
}
