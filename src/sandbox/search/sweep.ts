import type { Bbox } from '../../shared/geo/bbox';
import { destination, EARTH_RADIUS_KM, groundFromIncidence, KM_PER_DEG, rad, wrapLon, type Lonlat } from '../geo/sphere';
import { probe, sceneAt, type Scene } from './catalogue';
import { SLOTS_PER_REV, revAt, serviceWindow, slotTable, slotU, timeAt, type Satellite } from './orbits';

/**
 * Enumerates the catalogue scenes that may match a search, visiting only the (revolution, slot)
 * pairs whose ground track passes within reach of the AOI. Callers apply the exact filters.
 */

export interface SweepOptions {
  sats: readonly Satellite[];
  /** Acquisition time bounds (ms, inclusive); scenes are only published up to `nowMs`. */
  from: number;
  to: number;
  nowMs: number;
  aoi?: Bbox;
  /** Without an AOI: walk newest first (default) or oldest first, and stop after this many slots. */
  newestFirst?: boolean;
  slotBudget?: number;
}

/** Farthest a footprint reaches from its slot's track point (km): max across-track offset + strip. */
function reachKm(sat: Satellite): number {
  const widest = sat.swathKm / Math.cos(rad(sat.maxIncidence)) ** 2;
  return groundFromIncidence(sat.maxIncidence, sat.altitudeKm) + widest / 2 + sat.lengthKm[1] / 2 + 20;
}

/** Half-width in longitude (degrees) of the spherical cap of radius `km` centred at latitude `lat`. */
function capHalfWidth(lat: number, km: number): number {
  const x = Math.sin(km / EARTH_RADIUS_KM) / Math.cos(rad(lat));
  return x >= 1 ? 180 : (Math.asin(x) * 180) / Math.PI;
}

/** Is a point within `km` of the AOI's bounding box? (Conservative: boxes, not true distance.) */
function nearBbox([lon, lat]: Lonlat, km: number, aoi: Bbox): boolean {
  const dLat = km / KM_PER_DEG;
  if (lat < aoi.south - dLat || lat > aoi.north + dLat) return false;
  const worst = Math.min(89.9, Math.max(Math.abs(aoi.south - dLat), Math.abs(aoi.north + dLat)));
  return lonGap(lon, aoi.west, aoi.east) <= capHalfWidth(worst, km);
}

/** Longitude distance (degrees) from `lon` to the interval [west, east] (east may exceed 180). */
function lonGap(lon: number, west: number, east: number): number {
  const x = lon - (west + east) / 2;
  const d = Math.abs(x - 360 * Math.round(x / 360));
  return Math.max(0, d - (east - west) / 2);
}

/** Scenes acquired within [from, to] and published by now, possibly near the AOI. */
export function* sweep(seed: number, o: SweepOptions): Generator<Scene> {
  if (o.aoi) {
    for (const sat of o.sats) yield* sweepAoi(seed, sat, o, o.aoi);
    return;
  }
  yield* sweepGlobal(seed, o);
}

function window(sat: Satellite, o: SweepOptions): [number, number] | undefined {
  const [start, end] = serviceWindow(sat, o.nowMs);
  const from = Math.max(o.from, start);
  const to = Math.min(o.to, end);
  return from <= to ? [from, to] : undefined;
}

const published = (s: Scene, o: SweepOptions) => s.acquisitionTime >= o.from && s.acquisitionTime <= o.to && s.publicationTime <= o.nowMs;

function* sweepAoi(seed: number, sat: Satellite, o: SweepOptions, aoi: Bbox): Generator<Scene> {
  const w = window(sat, o);
  if (!w) return;
  const table = slotTable(sat);
  const reach = reachKm(sat);
  const latMargin = reach / KM_PER_DEG;
  // Slots whose track latitude is within reach, and how far in longitude they can reach there.
  const slots: number[] = [];
  const lonReach: number[] = [];
  for (let s = 0; s < SLOTS_PER_REV; s++) {
    const lat = table.lat[s] as number;
    if (lat < aoi.south - latMargin || lat > aoi.north + latMargin) continue;
    slots.push(s);
    lonReach.push(capHalfWidth(lat, reach));
  }
  if (slots.length === 0) return;
  const slack = 5 * 60_000; // slot centre vs acquisition time (along-track look, slot jitter)
  for (let rev = revAt(sat, w[0] - slack); rev <= revAt(sat, w[1] + slack); rev++) {
    const shift = rev * table.shiftPerRev;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i] as number;
      if (lonGap((table.lon0[s] as number) + shift, aoi.west, aoi.east) > (lonReach[i] as number)) continue;
      const t = timeAt(sat, rev, slotU(s));
      if (t < w[0] - slack || t > w[1] + slack) continue;
      // Cheap second cut: where would this slot's scene be, and can it touch the AOI from there?
      const p = probe(seed, sat, rev, s);
      if (!p) continue;
      const lon = wrapLon((table.lon0[s] as number) + shift);
      const centre = destination([lon, table.lat[s] as number], (table.heading[s] as number) + 90, p.dxKm);
      if (!nearBbox(centre, p.radiusKm, aoi)) continue;
      const scene = sceneAt(seed, sat, rev, s);
      if (scene && published(scene, o)) yield scene;
    }
  }
}

const DAY = 86_400_000;

function* sweepGlobal(seed: number, o: SweepOptions): Generator<Scene> {
  const windows = o.sats.map((sat) => [sat, window(sat, o)] as const).filter((x): x is readonly [Satellite, [number, number]] => !!x[1]);
  if (windows.length === 0) return;
  const lo = Math.min(...windows.map(([, w]) => w[0]));
  const hi = Math.max(...windows.map(([, w]) => w[1]));
  // ~6 days of all six satellites: bounds the work of a global query whose filters match nothing.
  let budget = o.slotBudget ?? 200_000;
  const newest = o.newestFirst ?? true;
  // Day by day from one end of the range, so that a capped walk keeps the newest (or oldest) scenes.
  for (let day = newest ? Math.floor(hi / DAY) : Math.floor(lo / DAY); newest ? day >= Math.floor(lo / DAY) : day <= Math.floor(hi / DAY); day += newest ? -1 : 1) {
    for (const [sat, w] of windows) {
      const from = Math.max(w[0], day * DAY);
      const to = Math.min(w[1], (day + 1) * DAY - 1);
      if (from > to) continue;
      const revs: number[] = [];
      for (let rev = revAt(sat, from); rev <= revAt(sat, to); rev++) revs.push(rev);
      if (newest) revs.reverse();
      for (const rev of revs) {
        for (let s = 0; s < SLOTS_PER_REV; s++) {
          if (--budget < 0) return;
          const t = timeAt(sat, rev, slotU(s));
          if (t < from - DAY / 24 || t > to + DAY / 24) continue;
          const scene = sceneAt(seed, sat, rev, s);
          if (scene && published(scene, o) && scene.acquisitionTime >= from && scene.acquisitionTime <= to) yield scene;
        }
      }
    }
  }
}
