import type { Mission } from '../accounts/products';
import { deg, rad, wrapLon } from '../geo/sphere';

/**
 * A small sun-synchronous orbit model, good enough for plausible tasking attempts: each satellite's
 * descending node is crossed at a fixed local solar time, the ground track is the spherical circular
 * orbit minus Earth's rotation, and the angles of an access follow from the across-track distance
 * between that track and the AOI. No TLEs, no perturbations beyond sun-synchronism: the sandbox needs
 * dates, footprints and angles that look and behave like the real ones, not ephemerides.
 */

export interface Satellite {
  id: string;
  mission: Mission;
  /** Short prefix of attempt ids, as the guides show them (PHR1, PNEO1, …). */
  segmentPrefix: string;
  altitudeKm: number;
  /** Mean local solar time of the descending node, in hours. */
  nodeLst: number;
  /** Revolutions per mean solar day (phased repeat cycles give these exact fractions). */
  revsPerDay: number;
  /** Fraction of a revolution between the satellites sharing an orbit (twins are phased 180°). */
  phase: number;
  /** Nadir swath width. */
  swathKm: number;
  /** Agility limit: the largest incidence the satellite can point at. */
  maxIncidence: number;
  /** Catalogue id fragment of its datastrips (DS_PHR1A_…). */
  dsCode: string;
}

const INCLINATION = (98.2 * Math.PI) / 180;
const EARTH_RADIUS_KM = 6378.137;
const EARTH_ROTATION = (2 * Math.PI) / 86164.1; // rad/s, sidereal
const DAY_MS = 86_400_000;
// All phases are counted from one fixed epoch so that a given seed always yields the same passes.
const EPOCH = Date.UTC(2020, 0, 1);

const pleiades = { mission: 'PLEIADES', segmentPrefix: 'PHR', altitudeKm: 694, nodeLst: 10.5, revsPerDay: 14 + 15 / 26, swathKm: 20, maxIncidence: 50 } as const;
const spot = { mission: 'SPOT', segmentPrefix: 'SPOT', altitudeKm: 694, nodeLst: 10.0, revsPerDay: 14 + 15 / 26, swathKm: 60, maxIncidence: 45 } as const;
const neo = { mission: 'PLEIADESNEO', segmentPrefix: 'PNEO', altitudeKm: 620, nodeLst: 10.5, revsPerDay: 14 + 21 / 26, swathKm: 14, maxIncidence: 52 } as const;

export const SATELLITES: readonly Satellite[] = [
  { ...pleiades, id: 'PHR1A', phase: 0, dsCode: 'PHR1A' },
  { ...pleiades, id: 'PHR1B', phase: 0.5, dsCode: 'PHR1B' },
  { ...spot, id: 'SPOT6', phase: 0.25, dsCode: 'SPOT6' },
  { ...spot, id: 'SPOT7', phase: 0.75, dsCode: 'SPOT7' },
  { ...neo, id: 'PNEO3', phase: 0.1, dsCode: 'PNEO3' },
  { ...neo, id: 'PNEO4', phase: 0.6, dsCode: 'PNEO4' },
];

export const satellitesOf = (mission: Mission) => SATELLITES.filter((s) => s.mission === mission);

export interface Access {
  satellite: Satellite;
  /** When the satellite is abeam of the AOI centre. */
  time: Date;
  /** Across-track ground distance from the track to the AOI centre (east positive), km. */
  acrossKm: number;
  /** Signed across-track incidence angle at the AOI centre, degrees (east of the track positive). */
  acrossTrackIncidence: number;
  /** Ground-track heading at the AOI, degrees clockwise from north (~190° on descending passes). */
  heading: number;
}


/** Sub-satellite point `t` seconds after a descending node at longitude `nodeLon`. */
function groundPoint(sat: Satellite, nodeLon: number, t: number): [number, number] {
  const period = 86400 / sat.revsPerDay;
  const u = Math.PI + (2 * Math.PI * t) / period; // argument of latitude; π at the descending node
  const lat = Math.asin(Math.sin(INCLINATION) * Math.sin(u));
  const inertial = Math.atan2(Math.cos(INCLINATION) * Math.sin(u), Math.cos(u)) - Math.atan2(0, -1);
  return [wrapLon(nodeLon + deg(inertial - EARTH_ROTATION * t)), deg(lat)];
}

/** Seconds from the descending node to the (descending, daylight) crossing of latitude `lat`. */
function secondsToLatitude(sat: Satellite, lat: number): number | undefined {
  const s = Math.sin(rad(lat)) / Math.sin(INCLINATION);
  if (Math.abs(s) > 1) return undefined;
  // Descending arc: u runs from π/2 (northernmost) to 3π/2; u = π − asin(s) is the daylight crossing.
  const u = Math.PI - Math.asin(s);
  return ((u - Math.PI) / (2 * Math.PI)) * (86400 / sat.revsPerDay);
}

/** Look angle (off-nadir) and incidence at the ground for a ground distance, spherical Earth. */
export function anglesForDistance(sat: Satellite, groundKm: number): { offNadir: number; incidence: number } {
  const gamma = Math.abs(groundKm) / EARTH_RADIUS_KM;
  const r = EARTH_RADIUS_KM + sat.altitudeKm;
  const offNadir = Math.atan2(EARTH_RADIUS_KM * Math.sin(gamma), r - EARTH_RADIUS_KM * Math.cos(gamma));
  return { offNadir: deg(offNadir), incidence: deg(offNadir + gamma) };
}

/** Ground distance reached at a given incidence (inverse of anglesForDistance). */
export function distanceForIncidence(sat: Satellite, incidence: number): number {
  const r = EARTH_RADIUS_KM + sat.altitudeKm;
  // sin(offNadir) = R/r · sin(incidence); gamma = incidence − offNadir
  const offNadir = Math.asin((EARTH_RADIUS_KM / r) * Math.sin(rad(incidence)));
  return (rad(incidence) - offNadir) * EARTH_RADIUS_KM;
}

/**
 * Daylight accesses of a satellite to a point between `from` and `to`, at incidences up to
 * `maxIncidence` (never beyond the satellite's agility), in time order.
 */
export function accesses(sat: Satellite, lon: number, lat: number, from: Date, to: Date, maxIncidence: number): Access[] {
  const toLat = secondsToLatitude(sat, lat);
  if (toLat === undefined) return [];
  const limit = Math.min(maxIncidence, sat.maxIncidence);
  const reachKm = distanceForIncidence(sat, limit);
  const periodMs = DAY_MS / sat.revsPerDay;
  const out: Access[] = [];
  const first = Math.floor((from.getTime() - EPOCH) / periodMs - sat.phase) - 1;
  const last = Math.ceil((to.getTime() - EPOCH) / periodMs - sat.phase) + 1;
  for (let k = first; k <= last; k++) {
    const nodeMs = EPOCH + (k + sat.phase) * periodMs;
    const utcHours = ((nodeMs % DAY_MS) + DAY_MS) % DAY_MS / 3_600_000;
    // Sun-synchronous: the node sits wherever local solar time equals the satellite's node LST.
    const nodeLon = wrapLon((sat.nodeLst - utcHours) * 15);
    const [trackLon] = groundPoint(sat, nodeLon, toLat);
    const a = groundPoint(sat, nodeLon, toLat - 5);
    const b = groundPoint(sat, nodeLon, toLat + 5);
    const heading = (deg(Math.atan2(wrapLon(b[0] - a[0]) * Math.cos(rad(lat)), b[1] - a[1])) + 360) % 360;
    const eastKm = wrapLon(lon - trackLon) * 111.32 * Math.cos(rad(lat));
    // Perpendicular distance to a track tilted from the meridian by (heading − 180°).
    const acrossKm = eastKm * Math.cos(rad(heading - 180));
    if (Math.abs(acrossKm) > reachKm) continue;
    // The satellite is abeam of the AOI slightly off the latitude crossing: shift by the along-track part.
    const alongKm = eastKm * Math.sin(rad(heading - 180));
    const time = new Date(nodeMs + toLat * 1000 - (alongKm / 6.8) * 1000);
    if (time < from || time > to) continue;
    const { incidence } = anglesForDistance(sat, acrossKm);
    out.push({ satellite: sat, time, acrossKm, acrossTrackIncidence: Math.sign(acrossKm) * incidence, heading });
  }
  return out;
}

/** Every access of a mission's satellites, merged in time order. */
export function missionAccesses(mission: Mission, lon: number, lat: number, from: Date, to: Date, maxIncidence: number): Access[] {
  return satellitesOf(mission)
    .flatMap((s) => accesses(s, lon, lat, from, to, maxIncidence))
    .sort((x, y) => x.time.getTime() - y.time.getTime());
}
