import { extent, signedArea } from '../../shared/geo/planar';
import { isLand } from '../geo/landmask';
import { bearing, destination, distanceKm, groundFromIncidence, KM_PER_DEG, sunPosition, viewFromGround, type Lonlat } from '../geo/sphere';
import { catalogueId, datastripStamp, decodeCatalogueId, hash32, parseDatastripStamp, rand01, tileCode } from './ids';
import { SATELLITES, satelliteByPlatform, SLOT_DEG, SLOTS_PER_REV, argLatAt, slotU, timeAt, trackHeading, trackPoint, type Constellation, type Platform, type Satellite } from './orbits';

/**
 * The sandbox's global archive: a deterministic function of (seed, satellite, revolution, slot).
 * Nothing is stored: a scene exists when the seeded dice say the satellite imaged that slot of that
 * revolution, and its footprint, time and angles follow from the orbit. Searches enumerate only the
 * slots whose ground track passes near the AOI (see ./sweep), so a year of global archive is
 * searchable in milliseconds and the same query always finds the same scenes.
 */

export interface Scene {
  /** OneAtlas catalogue item id (UUID); encodes the scene key, see ./ids. */
  id: string;
  /** The legacy GeoAPI search id (`uuid::uuid`). */
  legacyId: string;
  /** Datastrip id, e.g. DS_PHR1A_201701241037483_FR1_PX_E001N43_0615_01664 (also parentIdentifier). */
  sourceIdentifier: string;
  acquisitionIdentifier: string;
  archiveAnonymousIdentifier: string;
  constellation: Constellation;
  platform: Platform;
  /** Satellite key: index, revolution, descending-pass slot. */
  key: { sat: number; rev: number; slot: number };
  acquisitionTime: number;
  acquisitionDate: string;
  processingDate: string;
  publicationDate: string;
  publicationTime: number;
  expirationDate: string;
  cloudCover: number;
  snowCover: number;
  /** Incidence at the ground (degrees), total and split across/along track (signed). */
  incidenceAngle: number;
  incidenceAngleAcrossTrack: number;
  incidenceAngleAlongTrack: number;
  /** Off-nadir viewing angles at the satellite (signed), as the legacy API reports them. */
  viewingAngleAcrossTrack: number;
  viewingAngleAlongTrack: number;
  /** Image orientation: ground-track heading at acquisition, clockwise from north. */
  azimuthAngle: number;
  illuminationAzimuthAngle: number;
  illuminationElevationAngle: number;
  resolution: number;
  processingLevel: string;
  /** Opensearch productType: every archive scene here is a mono acquisition. */
  productType: string;
  acquisitionStation: string;
  center: Lonlat;
  /** Counter-clockwise outer ring, closed. */
  footprint: Lonlat[];
  bbox: [number, number, number, number];
  /** Along-track length and across-track width on the ground (km). */
  lengthKm: number;
  widthKm: number;
}

/** Share of slots acquired over open sea, whatever the satellite (ships, islands, coastal requests). */
const P_SEA = 0.01;
/** Optical imaging needs light: nothing is acquired with the Sun lower than this (degrees). */
const MIN_SUN_ELEVATION = 10;
const STATIONS = ['FR1', 'FR1', 'FR1', 'FR1', 'SV1', 'SV1', 'KR1', 'CA1'];

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const iso = (ms: number) => new Date(ms).toISOString();

/** Across-track incidence magnitude: most of the archive is near nadir, a tail goes up to the limit. */
function acrossMagnitude(q: number, max: number): number {
  if (q < 0.7) return (20 * q) / 0.7;
  if (q < 0.95) return 20 + (10 * (q - 0.7)) / 0.25;
  return 30 + ((max - 30) * (q - 0.95)) / 0.05;
}

function cloudCoverFor(lat: number, r: (k: number) => number): number {
  // Cloudier tropics, clearer subtropical deserts: a crude climatology is enough for searches to feel real.
  const tropical = Math.exp(-((lat / 12) ** 2));
  const clearShare = 0.55 - 0.25 * tropical + 0.15 * Math.exp(-(((Math.abs(lat) - 25) / 8) ** 2));
  if (r(20) < clearShare) return r(21) < 0.35 ? 0 : round(5 * r(22), 2);
  return round(5 + 95 * r(22) ** 1.6, 2);
}

function snowCoverFor(lat: number, timeMs: number, r: (k: number) => number): number {
  const month = new Date(timeMs).getUTCMonth();
  const winter = lat > 0 ? month <= 2 || month === 11 : month >= 5 && month <= 8;
  if (Math.abs(lat) < 40 || !winter) return 0;
  const chance = Math.min(0.9, (Math.abs(lat) - 40) / 25);
  return r(23) < chance ? round(100 * r(24) ** 2, 2) : 0;
}

function datastripId(sat: Satellite, timeMs: number, station: string, center: Lonlat, h: number): string {
  const stamp = datastripStamp(timeMs);
  const tile = tileCode(center);
  if (sat.constellation === 'SPOT') return `DS_${sat.platform}_${stamp}_${station}_${station}_${station}_${station}_${tile}_${String(h % 100000).padStart(5, '0')}`;
  if (sat.constellation === 'PNEO') return `DS_${sat.platform}_${stamp}_${station}_${station}_${station}_${tile}_${String(h % 1000000).padStart(6, '0')}`;
  return `DS_${sat.platform}_${stamp}_${station}_PX_${tile}_${String((h >>> 8) % 10000).padStart(4, '0')}_${String(h % 100000).padStart(5, '0')}`;
}

/** The dice of one slot that fix where its scene would be: cheap, so searches can skip far slots. */
function draws(seed: number, sat: Satellite, rev: number, slot: number) {
  const r = (k: number) => rand01(seed, sat.index, rev, slot, k);
  const across = (r(3) < 0.5 ? -1 : 1) * acrossMagnitude(r(2), sat.maxIncidence);
  const lengthKm = sat.lengthKm[0] + (sat.lengthKm[1] - sat.lengthKm[0]) * r(6) ** 1.5;
  const widthKm = sat.swathKm / Math.cos((across * Math.PI) / 180) ** 2;
  return { r, across, dx: groundFromIncidence(across, sat.altitudeKm), lengthKm, widthKm };
}

/**
 * Where the scene of a slot would lie relative to its track point, without building it: the signed
 * across-track offset of its centre and the radius (km) around that centre its footprint stays in.
 * Undefined when the slot was certainly not imaged.
 */
export function probe(seed: number, sat: Satellite, rev: number, slot: number): { dxKm: number; radiusKm: number } | undefined {
  if (rand01(seed, sat.index, rev, slot, 0) >= sat.pLand) return undefined;
  const d = draws(seed, sat, rev, slot);
  return { dxKm: d.dx, radiusKm: Math.hypot(d.lengthKm / 2, d.widthKm / 2) + 0.5 * KM_PER_DEG * SLOT_DEG + 15 };
}

/** Builds the scene of one slot, or undefined when the satellite took no image there. */
function generate(seed: number, sat: Satellite, rev: number, slot: number): Scene | undefined {
  const { r, dx, lengthKm, widthKm } = draws(seed, sat, rev, slot);
  const r0 = r(0);
  if (r0 >= sat.pLand) return undefined;
  const uC = slotU(slot) + (r(1) - 0.5) * SLOT_DEG;
  const tC = timeAt(sat, rev, uC);
  const end = sat.inService[1] ? Date.parse(sat.inService[1]) : Infinity;
  if (tC < Date.parse(sat.inService[0]) || tC > end) return undefined;

  const along = 15 * (2 * r(4) - 1) * r(5);
  const dy = groundFromIncidence(along, sat.altitudeKm);
  const heading = trackHeading(sat, rev, uC);
  const center = destination(trackPoint(sat, rev, uC).point, heading + 90, dx);
  if (r0 >= P_SEA && !isLand(center)) return undefined;

  // Looking forward (positive along-track angle), the satellite is still behind the target.
  const acquisitionTime = Math.round(timeAt(sat, rev, uC - dy / KM_PER_DEG));
  const sun = sunPosition(acquisitionTime, center);
  if (sun.elevation < MIN_SUN_ELEVATION) return undefined;

  // Footprint: a strip along the ground track, offset across it; obliquity widens the swath.
  const lu = lengthKm / KM_PER_DEG;
  const left: Lonlat[] = [];
  const right: Lonlat[] = [];
  for (let k = 0; k <= 4; k++) {
    const u = uC - lu / 2 + (lu * k) / 4;
    const p = trackPoint(sat, rev, u).point;
    const h = trackHeading(sat, rev, u);
    left.push(destination(p, h + 90, dx - widthKm / 2));
    right.push(destination(p, h + 90, dx + widthKm / 2));
  }
  let ring = [...left, ...right.reverse()];
  const [west, east] = extent(ring.map((p) => p[0]));
  if (east - west > 180) return undefined; // no footprints across ±180
  if (signedArea(ring) < 0) ring = ring.reverse();
  ring.push(ring[0] as Lonlat);

  // Angles reported from the actual geometry: satellite sub-point at acquisition -> scene centre.
  const sub = trackPoint(sat, rev, argLatAt(sat, acquisitionTime) - rev * 360).point;
  const subHeading = trackHeading(sat, rev, argLatAt(sat, acquisitionTime) - rev * 360);
  const ground = distanceKm(sub, center);
  const rel = ((bearing(sub, center) - subHeading) * Math.PI) / 180;
  const total = viewFromGround(ground, sat.altitudeKm);
  const acrossView = viewFromGround(ground * Math.sin(rel), sat.altitudeKm);
  const alongView = viewFromGround(ground * Math.cos(rel), sat.altitudeKm);

  const h = hash32(seed, sat.index, rev, slot, 99);
  const station = STATIONS[h % STATIONS.length] as string;
  const publicationTime = acquisitionTime + Math.round((6 + 42 * r(14)) * 3_600_000);
  const key = { sat: sat.index, rev, slot };
  const id = catalogueId(seed, key);
  const [south, north] = extent(ring.map((p) => p[1]));
  return {
    id,
    legacyId: `${id}::${catalogueId(seed, key, 7)}`,
    sourceIdentifier: datastripId(sat, acquisitionTime, station, center, h),
    acquisitionIdentifier: `ACQ_${sat.platform}_${String(rev).padStart(7, '0')}${String(hash32(seed, rev, slot, 5) % 10_000_000).padStart(7, '0')}`,
    archiveAnonymousIdentifier: String(300_000_000 + (hash32(seed, sat.index, rev, slot, 6) % 100_000_000)),
    constellation: sat.constellation,
    platform: sat.platform,
    key,
    acquisitionTime,
    acquisitionDate: iso(acquisitionTime),
    processingDate: iso(acquisitionTime + Math.round((20 + 160 * r(13)) * 60_000)),
    publicationDate: iso(publicationTime),
    publicationTime,
    expirationDate: iso(new Date(acquisitionTime).setUTCFullYear(new Date(acquisitionTime).getUTCFullYear() + 10)),
    cloudCover: cloudCoverFor(center[1], r),
    snowCover: snowCoverFor(center[1], acquisitionTime, r),
    incidenceAngle: Math.abs(total.incidence),
    incidenceAngleAcrossTrack: acrossView.incidence,
    incidenceAngleAlongTrack: alongView.incidence,
    viewingAngleAcrossTrack: acrossView.viewing,
    viewingAngleAlongTrack: alongView.viewing,
    azimuthAngle: subHeading,
    illuminationAzimuthAngle: sun.azimuth,
    illuminationElevationAngle: sun.elevation,
    resolution: sat.resolution,
    processingLevel: sat.constellation === 'PNEO' ? 'ALBUM' : 'SENSOR',
    productType: 'mono',
    acquisitionStation: station,
    center,
    footprint: ring,
    bbox: [west, south, east, north],
    lengthKm,
    widthKm,
  };
}

// Scenes are pure functions of their key; a bounded cache spares repeated searches the trigonometry.
const CACHE_LIMIT = 200_000;
const cache = new Map<string, Scene>();

/** The scene of (satellite, revolution, slot) for a seed, if that slot was imaged. */
export function sceneAt(seed: number, sat: Satellite, rev: number, slot: number): Scene | undefined {
  if (rev < 0 || rev >= 1 << 20 || slot < 0 || slot >= SLOTS_PER_REV) return undefined;
  // Cheapest rejection first: most slots are empty and never reach the cache.
  if (rand01(seed, sat.index, rev, slot, 0) >= sat.pLand) return undefined;
  const k = `${seed}|${sat.index}|${rev}|${slot}`;
  const hit = cache.get(k);
  if (hit) return hit;
  const scene = generate(seed, sat, rev, slot);
  if (scene) {
    if (cache.size >= CACHE_LIMIT) {
      let drop = CACHE_LIMIT / 10;
      for (const old of cache.keys()) {
        cache.delete(old);
        if (--drop <= 0) break;
      }
    }
    cache.set(k, scene);
  }
  return scene;
}

const DATASTRIP = /^DS_(SPOT6|SPOT7|PHR1A|PHR1B|PNEO3|PNEO4)_(\d{15})_/;

/**
 * A scene by any of its identifiers: OneAtlas `id`, legacy `uuid::uuid` id, or datastrip id
 * (`sourceIdentifier` / `parentIdentifier` / `archiveIdentifier`). Works across restarts: ids carry
 * their key. Does not check the simulated clock: callers decide whether the scene is published yet.
 */
export function findScene(seed: number, id: string): Scene | undefined {
  const ds = DATASTRIP.exec(id);
  if (ds) {
    const sat = satelliteByPlatform(ds[1] as string);
    const t = parseDatastripStamp(ds[2] as string);
    if (!sat || t === undefined) return undefined;
    const u = argLatAt(sat, t);
    const rev = Math.floor(u / 360);
    const near = Math.floor((u - rev * 360 - 90) / SLOT_DEG);
    // The datastrip time is the acquisition time, a few slots from the slot that owns the scene.
    for (let d = 0; d <= 16; d++) {
      for (const slot of d === 0 ? [near] : [near - d, near + d]) {
        const s = sceneAt(seed, sat, rev, slot);
        if (s?.sourceIdentifier === id) return s;
      }
    }
    return undefined;
  }
  const uuid = id.split('::')[0] ?? '';
  const key = decodeCatalogueId(seed, uuid);
  const sat = key && SATELLITES[key.sat];
  if (!key || !sat) return undefined;
  const s = sceneAt(seed, sat, key.rev, key.slot);
  return s && (s.id === id || s.legacyId === id) ? s : undefined;
}

