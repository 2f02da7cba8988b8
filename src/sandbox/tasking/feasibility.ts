import type { Mission, ProductTypeDef } from '../accounts/products';
import type { SandboxState } from '../state';
import { attemptsFor, MAX_ONE_PASS_KM2, type ProgError } from './attempts';
import { aoiExtents } from './footprint';
import { missionAccesses, satellitesOf } from './orbit';
import type { ProgTypeName, TaskingQuery } from './request';

/**
 * Feasibility: how hard it is to get the AOI within the period and constraints, and whether the
 * request can be tasked automatically or needs a study by the tasking team. The answer is computed,
 * not drawn: the number of accesses the constellation has within the incidence limit, the chance
 * that a pass is clear enough at that latitude, and how many strips the AOI needs.
 */

const DAY = 86_400_000;
/** Automatic tasking stops at this size for OnePlan/OneSeries; beyond, the tasking team studies it. */
const MAX_AUTOMATIC_KM2: Record<Mission, number> = { PLEIADES: 2500, SPOT: 20_000, PLEIADESNEO: 1500 };

/** Mean cloud fraction by latitude: cloudy tropics and mid-latitudes, clear subtropical belts. */
export function climatologicalCloud(lat: number): number {
  return 0.55 - 0.25 * Math.exp(-(((Math.abs(lat) - 25) / 10) ** 2));
}

/** Chance that one pass is clear enough for `maxCloudCover` (%), at a place of mean cloud `c`. */
export function clearChance(maxCloudCover: number, c: number): number {
  if (maxCloudCover >= 100) return 1;
  return (maxCloudCover / 100) ** ((1.5 * c) / (1 - c));
}

export interface Feasibility {
  classification: 'EASY' | 'CHALLENGING';
  automation: 'AUTOMATIC' | 'MANUAL';
  automationName: string;
}

export interface FeasibilityResult {
  name: ProgTypeName;
  mission: Mission;
  feasibility?: Feasibility;
  errors?: ProgError[];
  available: boolean;
  expirationDate?: string;
}

/** `AutomaticTasking<days>`: the automatic offers are named after the period they commit to. */
function automaticName(periodDays: number): string {
  const bucket = [7, 15, 30, 60, 90].find((d) => periodDays <= d + 1) ?? 90;
  return `AutomaticTasking${bucket}`;
}

export function feasibilityFor(q: TaskingQuery, name: ProgTypeName, product: ProductTypeDef, state: SandboxState): FeasibilityResult {
  const mission = product.mission;
  const now = state.now();
  const base = { name, mission, ...(mission === 'PLEIADESNEO' ? { expirationDate: new Date(now.getTime() + DAY).toISOString() } : {}) };
  const progType = product.progType;
  // OneDay looks at the requested day, OneNow at the first three days; the others at the whole period.
  const defaultSpan = progType === 'ONEDAY' ? DAY : progType === 'ONENOW' ? 3 * DAY : 30 * DAY;
  const end = q.end ?? new Date(q.start.getTime() + defaultSpan);
  const periodDays = (end.getTime() - q.start.getTime()) / DAY;

  if (progType === 'ONEDAY' || progType === 'ONENOW') {
    const attempts = attemptsFor(q, mission, q.start, end, now, state.seed);
    if (attempts.length === 0) {
      return { ...base, errors: [{ code: 'ERR_NO_SENSOR_AVAILABLE', locator: 'UNKNOWN', message: 'No access to the AOI within the period and incidence limit' }], available: false };
    }
    const standard = attempts.some((a) => a.incidence <= 30);
    const manual = q.areaKm2 > MAX_ONE_PASS_KM2[mission];
    return {
      ...base,
      feasibility: {
        classification: standard ? 'EASY' : 'CHALLENGING',
        automation: manual ? 'MANUAL' : 'AUTOMATIC',
        automationName: manual ? 'FeasibilityStudy' : progType === 'ONEDAY' ? 'AutomaticOneDay' : 'AutomaticOneNow',
      },
      available: true,
    };
  }

  const accesses = missionAccesses(mission, q.centre[0], q.centre[1], q.start, end, q.maxIncidenceAngle).length;
  const swath = Math.min(...satellitesOf(mission).map((s) => s.swathKm));
  // Descending tracks run ~12° west of south at mid-latitudes: wide AOIs need several strips.
  const strips = Math.max(1, Math.ceil((2 * aoiExtents(q.polygons, q.centre, 192).across) / swath));
  const stereo = q.acquisitionMode === 'MONO' ? 1 : q.acquisitionMode === 'STEREO' ? 0.6 : 0.4;
  const expected = (accesses * clearChance(q.maxCloudCover, climatologicalCloud(q.centre[1])) * stereo) / strips;
  if (accesses === 0) {
    return { ...base, errors: [{ code: 'ERR_NO_SENSOR_AVAILABLE', locator: 'UNKNOWN', message: 'No access to the AOI within the period and incidence limit' }], available: false };
  }
  const minimumDays = progType === 'ONESERIES' ? 1 : 7;
  const manual = q.areaKm2 > MAX_AUTOMATIC_KM2[mission] || expected < 0.5 || periodDays < minimumDays || q.acquisitionMode !== 'MONO';
  return {
    ...base,
    feasibility: {
      classification: expected >= 3 ? 'EASY' : 'CHALLENGING',
      automation: manual ? 'MANUAL' : 'AUTOMATIC',
      automationName: manual ? 'FeasibilityStudy' : automaticName(periodDays),
    },
    available: true,
  };
}
