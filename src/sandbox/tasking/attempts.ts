import type { Mission, ProductTypeDef, ProgType } from '../accounts/products';
import { deg, rad } from '../geo/sphere';
import type { SandboxState } from '../state';
import { unit } from './det';
import { segmentFootprint, wktPoint, wktPolygon } from './footprint';
import { missionAccesses, type Access } from './orbit';
import type { ProgTypeName, TaskingQuery } from './request';
import { buildSegmentKey } from './segmentKey';

/**
 * Attempts: the acquisitions a OneDay or OneNow order could task, computed from the constellation's
 * passes over the AOI. OneDay offers every access in the period (the buyer picks a day); OneNow offers
 * the first three accesses as one package (the buyer does not choose the days).
 */

export interface ProgError {
  code: string;
  locator: string;
  message: string;
}

const DAY = 86_400_000;
const STANDARD_ANGLE = 30;
// Order deadlines as the guide and spec examples show them: ~8 h 15 before a SPOT/Pléiades
// acquisition, ~47 min before a Pléiades Neo one (Neo's ground segment uploads plans more often).
const DEADLINE_MS: Record<Mission, number> = { PLEIADES: 495 * 60_000, SPOT: 495 * 60_000, PLEIADESNEO: 47 * 60_000 };
/** Above this, a OneDay/OneNow AOI cannot be taken in one pass and is studied by the tasking team. */
export const MAX_ONE_PASS_KM2: Record<Mission, number> = { PLEIADES: 1000, SPOT: 10_000, PLEIADESNEO: 600 };
const GROUND_SPEED_KM_S = 6.8;

export const decimalString = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

export interface Attempt {
  access: Access;
  incidence: number;
  ring: [number, number][];
  start: Date;
  end: Date;
  deadline: Date;
}

/** Accesses turned into attempts: footprint, total incidence, acquisition window and deadline. */
export function attemptsFor(q: TaskingQuery, mission: Mission, from: Date, to: Date, now: Date, seed: number): Attempt[] {
  const out: Attempt[] = [];
  for (const access of missionAccesses(mission, q.centre[0], q.centre[1], from, to, q.maxIncidenceAngle)) {
    // Satellites also pitch a little along the track; the total incidence combines both tilts.
    const pitch = 6 * unit(seed, access.satellite.id, access.time.getTime(), 'pitch');
    let incidence = deg(Math.acos(Math.cos(rad(access.acrossTrackIncidence)) * Math.cos(rad(pitch))));
    if (incidence > q.maxIncidenceAngle) incidence = Math.abs(access.acrossTrackIncidence);
    const fp = segmentFootprint(q.polygons, q.centre, access, incidence);
    const durationMs = Math.round((fp.alongKm / GROUND_SPEED_KM_S) * 1000);
    const start = new Date(access.time.getTime() - durationMs / 2);
    const deadlineMs = start.getTime() - DEADLINE_MS[mission];
    // Deadlines fall on the minute, keeping the acquisition's milliseconds, as in the guide's examples.
    const deadline = new Date(deadlineMs - (deadlineMs % 60_000) + (start.getTime() % 1000));
    if (deadline <= now) continue;
    out.push({ access, incidence: Math.round(incidence * 100) / 100, ring: fp.ring, start, end: new Date(start.getTime() + durationMs), deadline });
  }
  return out;
}

/** The key of a plan: one acquisition for OneDay, the first three accesses as one package for OneNow. */
function planKey(seed: number, q: TaskingQuery, mission: Mission, progType: ProgType, plan: Attempt[]): string {
  const first = plan[0] as Attempt;
  return buildSegmentKey(seed, {
    mission,
    progType,
    satellite: plan.map((p) => p.access.satellite.id).join(','),
    acqPeriods: plan.map((p) => [p.start.toISOString(), p.end.toISOString()]),
    orderDeadline: first.deadline.toISOString(),
    extendedAngle: plan.some((p) => p.incidence > STANDARD_ANGLE),
    geometryWkt: wktPolygon(first.ring),
    maxCloudCover: q.maxCloudCover,
    maxIncidenceAngle: q.maxIncidenceAngle,
    incidenceAngle: Math.max(...plan.map((p) => p.incidence)),
  });
}

function segmentJson(q: TaskingQuery, mission: Mission, a: Attempt, index: number, segmentKey: string) {
  const geometryWkt = wktPolygon(a.ring);
  const extendedAngle = a.incidence > STANDARD_ANGLE;
  return {
    id: `${a.access.satellite.segmentPrefix}${index + 1}`,
    footprint: { geometry: geometryWkt, center: wktPoint(q.centre) },
    // Pléiades and Neo image in their very-high-resolution mode; SPOT in its high-resolution one.
    instrumentMode: mission === 'SPOT' ? 'HR' : 'THR',
    orderDeadline: a.deadline.toISOString(),
    extendedAngle,
    acquisitionStartDate: a.start.toISOString(),
    acquisitionEndDate: a.end.toISOString(),
    incidenceAngle: a.incidence,
    segmentKey,
    acrossTrackIncidenceAngle: a.access.acrossTrackIncidence,
    maxIncidenceAngle: q.maxIncidenceAngle,
    satellite: a.access.satellite.id,
  };
}

export interface ProgTypeResult {
  name: ProgTypeName;
  mission: Mission;
  errors?: ProgError[];
  segments: ReturnType<typeof segmentJson>[];
  available: boolean;
}

/** One `progTypes[]` entry of the attempts answer. */
export function attemptsForProduct(q: TaskingQuery, name: ProgTypeName, product: ProductTypeDef, state: SandboxState): ProgTypeResult {
  const mission = product.mission;
  const progType = product.progType as ProgType;
  const refuse = (code: string, message: string): ProgTypeResult => ({ name, mission, errors: [{ code, locator: 'AOI', message }], segments: [], available: false });
  // The minimum is checked on the geodesic area: a degree box shrinks with latitude.
  if (q.areaKm2 < product.minimumOrderAreaApplied) return refuse('ERR_MIN_AOI_AREA', decimalString(product.minimumOrderAreaApplied));
  if (q.areaKm2 > MAX_ONE_PASS_KM2[mission]) return refuse('ERR_MAX_AOI_AREA', decimalString(MAX_ONE_PASS_KM2[mission]));

  const now = state.now();
  const horizon = progType === 'ONENOW' ? 15 * DAY : 30 * DAY;
  const to = new Date(Math.min(q.end?.getTime() ?? Infinity, q.start.getTime() + horizon));
  const all = attemptsFor(q, mission, q.start, to, now, state.seed);
  if (progType === 'ONENOW') {
    const plan = all.slice(0, 3);
    const key = plan.length ? planKey(state.seed, q, mission, progType, plan) : '';
    return { name, mission, segments: plan.map((a, i) => segmentJson(q, mission, a, i, key)), available: plan.length > 0 };
  }
  const segments = all.slice(0, 20).map((a, i) => segmentJson(q, mission, a, i, planKey(state.seed, q, mission, progType, [a])));
  return { name, mission, segments, available: segments.length > 0 };
}
