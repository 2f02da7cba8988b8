import { bearing, deg, rad, wrapLon, type Lonlat } from '../geo/sphere';

/**
 * The six optical satellites of the sandbox and their sun-synchronous orbits, as a circular orbit
 * model in closed form. With the orbit plane locked to the mean Sun (that is what sun-synchronous
 * means), a ground-track point depends only on the argument of latitude u and the UTC time of day:
 *
 *   lat = asin(sin u · sin i)
 *   lon = atan2(sin u · cos i, cos u) − 360° · (UTC fraction of day) − 22.5°
 *
 * The −22.5° puts the descending node (u = 180°) at 10:30 local mean solar time. No GMST, no
 * ephemeris: exact enough for a simulator and cheap enough to evaluate millions of times per search.
 */

export type Constellation = 'SPOT' | 'PHR' | 'PNEO';
export type Platform = 'SPOT6' | 'SPOT7' | 'PHR1A' | 'PHR1B' | 'PNEO3' | 'PNEO4';

export interface Satellite {
  /** 0..5: part of catalogue ids, never renumber. */
  index: number;
  platform: Platform;
  constellation: Constellation;
  altitudeKm: number;
  /** Orbital period (s): an exact repeat cycle of `revsPerCycle` revolutions in 26 days. */
  periodS: number;
  /** Argument of latitude at the epoch: spaces satellites sharing an orbit. */
  phaseDeg: number;
  swathKm: number;
  lengthKm: [number, number];
  maxIncidence: number;
  resolution: number;
  /** Share of along-track slots acquired over land (calibrated for realistic revisit counts). */
  pLand: number;
  inService: [string, string | null];
}

export const INCLINATION_DEG = 98.2;
/** Revolution 0 of every satellite starts at its ascending node just after this instant. */
export const EPOCH_MS = Date.UTC(2010, 0, 1);
/** The descending, daylight half of a revolution is cut into slots of this much argument of latitude. */
export const SLOT_DEG = 0.5;
export const SLOTS_PER_REV = 180 / SLOT_DEG;
const LTDN_OFFSET_DEG = 15 * 10.5 - 180;

const DAY_S = 86_400;
// SPOT 6/7 and Pléiades 1A/1B share one 694 km orbit (26-day cycle, 379 revolutions), phased 90°
// apart; Pléiades Neo 3/4 fly at 620 km (386 revolutions per 26 days), 180° apart.
const LOW = (26 * DAY_S) / 379;
const NEO = (26 * DAY_S) / 386;

export const SATELLITES: readonly Satellite[] = [
  { index: 0, platform: 'SPOT6', constellation: 'SPOT', altitudeKm: 694, periodS: LOW, phaseDeg: 0, swathKm: 60, lengthKm: [60, 180], maxIncidence: 40, resolution: 1.5, pLand: 0.3, inService: ['2012-10-01', null] },
  { index: 1, platform: 'SPOT7', constellation: 'SPOT', altitudeKm: 694, periodS: LOW, phaseDeg: 180, swathKm: 60, lengthKm: [60, 180], maxIncidence: 40, resolution: 1.5, pLand: 0.3, inService: ['2014-09-01', '2023-03-17'] },
  { index: 2, platform: 'PHR1A', constellation: 'PHR', altitudeKm: 694, periodS: LOW, phaseDeg: 90, swathKm: 20, lengthKm: [20, 100], maxIncidence: 45, resolution: 0.5, pLand: 0.6, inService: ['2012-01-01', null] },
  { index: 3, platform: 'PHR1B', constellation: 'PHR', altitudeKm: 694, periodS: LOW, phaseDeg: 270, swathKm: 20, lengthKm: [20, 100], maxIncidence: 45, resolution: 0.5, pLand: 0.6, inService: ['2013-01-01', null] },
  { index: 4, platform: 'PNEO3', constellation: 'PNEO', altitudeKm: 620, periodS: NEO, phaseDeg: 0, swathKm: 14, lengthKm: [14, 70], maxIncidence: 45, resolution: 0.3, pLand: 0.6, inService: ['2021-06-01', null] },
  { index: 5, platform: 'PNEO4', constellation: 'PNEO', altitudeKm: 620, periodS: NEO, phaseDeg: 180, swathKm: 14, lengthKm: [14, 70], maxIncidence: 45, resolution: 0.3, pLand: 0.6, inService: ['2021-09-15', null] },
];

export const satelliteByPlatform = (p: string): Satellite | undefined => SATELLITES.find((s) => s.platform === p);

export function serviceWindow(sat: Satellite, nowMs: number): [number, number] {
  const end = sat.inService[1] ? Date.parse(sat.inService[1]) : Infinity;
  return [Date.parse(sat.inService[0]), Math.min(end, nowMs)];
}

/** Argument of latitude (degrees, unbounded: 360 per revolution) at a time. */
export const argLatAt = (sat: Satellite, timeMs: number): number => sat.phaseDeg + (360 * (timeMs - EPOCH_MS)) / (sat.periodS * 1000);

/** The time at which revolution `rev` reaches argument of latitude `uDeg` (0..360). */
export const timeAt = (sat: Satellite, rev: number, uDeg: number): number => EPOCH_MS + ((rev * 360 + uDeg - sat.phaseDeg) / 360) * sat.periodS * 1000;

/** Revolution number at a time (floor of u / 360). */
export const revAt = (sat: Satellite, timeMs: number): number => Math.floor(argLatAt(sat, timeMs) / 360);

const SIN_I = Math.sin(rad(INCLINATION_DEG));
const COS_I = Math.cos(rad(INCLINATION_DEG));

/** Sub-satellite point of revolution `rev` at argument of latitude `uDeg`, with its time. */
export function trackPoint(sat: Satellite, rev: number, uDeg: number): { point: Lonlat; timeMs: number } {
  const timeMs = timeAt(sat, rev, uDeg);
  const u = rad(uDeg);
  const lat = deg(Math.asin(Math.sin(u) * SIN_I));
  const dayFraction = (((timeMs % 86_400_000) + 86_400_000) % 86_400_000) / 86_400_000;
  const lon = wrapLon(deg(Math.atan2(Math.sin(u) * COS_I, Math.cos(u))) - 360 * dayFraction + LTDN_OFFSET_DEG);
  return { point: [lon, lat], timeMs };
}

/** Sub-satellite point at an arbitrary time. */
export function subSatellitePoint(sat: Satellite, timeMs: number): Lonlat {
  const u = argLatAt(sat, timeMs);
  const rev = Math.floor(u / 360);
  return trackPoint(sat, rev, u - rev * 360).point;
}

/** Ground-track heading (degrees clockwise from north) at `uDeg` of revolution `rev`. */
export function trackHeading(sat: Satellite, rev: number, uDeg: number): number {
  return bearing(trackPoint(sat, rev, uDeg - 0.05).point, trackPoint(sat, rev, uDeg + 0.05).point);
}

/** Argument of latitude at the centre of descending slot `slot` (90° = northmost, 270° = southmost). */
export const slotU = (slot: number): number => 90 + (slot + 0.5) * SLOT_DEG;

/**
 * Per-satellite slot table: latitude and revolution-0 longitude of each slot centre. Every revolution
 * is the same ground track shifted west by the Earth's turn during whole periods, so the longitude of
 * slot s on revolution r is lon0[s] + r · shiftPerRev (mod 360): the search prunes with that alone.
 */
export interface SlotTable {
  lat: Float64Array;
  lon0: Float64Array;
  heading: Float64Array;
  shiftPerRev: number;
}

const tables = new Map<number, SlotTable>();

export function slotTable(sat: Satellite): SlotTable {
  let t = tables.get(sat.index);
  if (!t) {
    const lat = new Float64Array(SLOTS_PER_REV);
    const lon0 = new Float64Array(SLOTS_PER_REV);
    const heading = new Float64Array(SLOTS_PER_REV);
    for (let s = 0; s < SLOTS_PER_REV; s++) {
      const { point } = trackPoint(sat, 0, slotU(s));
      lon0[s] = point[0];
      lat[s] = point[1];
      heading[s] = trackHeading(sat, 0, slotU(s));
    }
    t = { lat, lon0, heading, shiftPerRev: -360 * ((sat.periodS / DAY_S) % 1) };
    tables.set(sat.index, t);
  }
  return t;
}

/** Local mean solar time (hours, 0..24) of a place at a UTC instant. */
export function localSolarHours(timeMs: number, lon: number): number {
  const utcHours = ((((timeMs % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000) % 24;
  return (((utcHours + lon / 15) % 24) + 24) % 24;
}
