import { bboxCentre, bboxOfPolygons } from '../../shared/geo/bbox';
import type { Polygons } from '../geo/aoi';
import type { Lonlat } from '../geo/sphere';
import type { ContractDef, Mission, ProductTypeDef, ProgType } from '../accounts/products';
import type { SandboxState } from '../state';
import { unit } from './det';
import { geoJsonPolygon, segmentFootprint } from './footprint';
import type { TaskingTerms } from './itemProperties';
import { missionAccesses, SATELLITES } from './orbit';

/**
 * Taskings and their segments. A tasking stores its plan (when each acquisition will happen, how
 * cloudy it will be) when it is created; what the buyer sees is derived from the simulated clock on
 * every read, so advancing the clock is all it takes for acquisitions to turn into segments. Only
 * the buyer's decisions (accept, refuse, cancel) are stored as they happen.
 */

export type SegmentStatus = 'Proposed' | 'Validated' | 'Refused';
export type TaskingStatus = 'Feasibility study in progress' | 'In Progress' | 'Canceled' | 'Completed';

interface Planned {
  time: Date;
  end: Date;
  satellite: string;
  incidence: number;
  ring: Lonlat[];
  cloud: number;
}

export interface Tasking {
  id: string;
  number: number;
  sal: string;
  so: string;
  contract: ContractDef;
  product: ProductTypeDef;
  customerRef: string | null;
  aoi: unknown;
  orderedAreaKm2: number;
  createdAt: Date;
  amount: number;
  terms: TaskingTerms;
  plan: Planned[];
  decisions: Map<number, SegmentStatus>;
  canceledAt?: Date;
}

export interface SegmentView {
  index: number;
  id: string;
  status: SegmentStatus;
  planned: Planned;
}

const HOUR = 3_600_000;
/** Acquired images reach the buyer after downlink and processing. */
export const PROCESSING_MS = 3 * HOUR;
/** A tasking needing a study by the tasking team waits this long before it starts. */
const STUDY_MS = 48 * HOUR;
const PROG_NAMES: Record<ProgType, string> = { ONEDAY: 'OneDay', ONENOW: 'OneNow', ONEPLAN: 'OnePlan', ONESERIES: 'OneSeries' };

export const taskingStore = (state: SandboxState) => state.store('tasking', () => ({ taskings: new Map<string, Tasking>(), seq: 0, committed: new Set<string>() }));

/** The acquisitions a tasking will get: the segment key's for OneDay/OneNow, the passes in the period otherwise. */
export function planAcquisitions(state: SandboxState, id: string, product: ProductTypeDef, polygons: Polygons, terms: TaskingTerms): Planned[] {
  const cloud = (i: number) => Math.round(100 * unit(state.seed, id, i, 'cloud') ** 1.3 * 10) / 10;
  if (terms.key) {
    const key = terms.key;
    // A OneNow key lists one satellite per planned acquisition; its footprint is the first one's.
    const sats = key.satellite.split(',');
    return terms.periods.map(([s, e], i) => ({ time: s, end: e, satellite: sats[i] ?? sats[0] ?? '', incidence: key.incidenceAngle, ring: key.ring, cloud: cloud(i) }));
  }
  const centre = bboxCentre(bboxOfPolygons(polygons));
  const [from, to] = terms.periods[0] as [Date, Date];
  return missionAccesses(product.mission, centre[0], centre[1], from, to, terms.maxIncidenceAngle)
    .slice(0, 120)
    .map((a, i) => {
      const incidence = Math.abs(a.acrossTrackIncidence);
      const fp = segmentFootprint(polygons, centre, a, incidence);
      return { time: a.time, end: new Date(a.time.getTime() + 2000), satellite: a.satellite.id, incidence: Math.round(incidence * 100) / 100, ring: fp.ring, cloud: cloud(i) };
    });
}

/** The segments the buyer can see now, and whether the tasking has got what it was ordered for. */
export function segmentsOf(t: Tasking, now: Date): { segments: SegmentView[]; fulfilled: boolean } {
  const progType = t.product.progType as ProgType;
  const segments: SegmentView[] = [];
  const cutoff = Math.min(now.getTime() - PROCESSING_MS, t.canceledAt?.getTime() ?? Infinity);
  const started = t.terms.manual ? t.createdAt.getTime() + STUDY_MS : -Infinity;
  let fulfilled = false;
  for (const [index, p] of t.plan.entries()) {
    if (fulfilled || p.time.getTime() > cutoff) break;
    if (p.time.getTime() < started) continue;
    const decided = t.decisions.get(index);
    let status: SegmentStatus | undefined = decided;
    if (!status) {
      // OneDay: the buyer chose the day and confirms the image. OneNow: a clear image ends the
      // tasking, a cloudy one is proposed. OnePlan/OneSeries: clear enough is validated, cloudy but
      // under the notification threshold is proposed, cloudier acquisitions are dropped.
      if (progType === 'ONEDAY') status = 'Proposed';
      else if (p.cloud <= t.terms.maxCloudCover) status = 'Validated';
      else if (progType === 'ONENOW' || p.cloud <= t.terms.notificationThreshold) status = 'Proposed';
    }
    if (!status) continue;
    segments.push({ index, id: `AS_FC_${t.number}_1_${index + 1}`, status, planned: p });
    if (status === 'Validated' && progType !== 'ONESERIES') fulfilled = true;
    if (progType === 'ONEDAY' && status === 'Refused') fulfilled = true;
  }
  return { segments, fulfilled };
}

export function statusOf(t: Tasking, now: Date): TaskingStatus {
  if (t.canceledAt) return 'Canceled';
  if (t.terms.manual && now.getTime() < t.createdAt.getTime() + STUDY_MS) return 'Feasibility study in progress';
  const { segments, fulfilled } = segmentsOf(t, now);
  const pending = segments.some((s) => s.status === 'Proposed');
  const lastEnd = Math.max(...t.terms.periods.map(([, e]) => e.getTime()));
  if ((fulfilled || now.getTime() > lastEnd + PROCESSING_MS) && !pending) return 'Completed';
  return 'In Progress';
}

const satelliteCode = (id: string) => SATELLITES.find((s) => s.id === id)?.dsCode ?? id;
const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 15);

export function segmentJson(t: Tasking, s: SegmentView) {
  const p = s.planned;
  return {
    id: s.id,
    status: s.status,
    asDetail1: {
      catalogId: `DS_${satelliteCode(p.satellite)}_${stamp(p.time)}_FR1_PX_${t.number}_${s.index + 1}`,
      footprint: geoJsonPolygon(p.ring),
      incidenceAngle: p.incidence,
      clearSkyRate: Math.round((100 - p.cloud) * 10000) / 10000,
      acquisitionDate: p.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  };
}

export function taskingJson(t: Tasking, now: Date) {
  const { segments } = segmentsOf(t, now);
  const validated = segments.filter((s) => s.status === 'Validated').length;
  const progType = t.product.progType as ProgType;
  const keyed = !!t.terms.key;
  const first = t.terms.periods[0] as [Date, Date];
  const last = t.terms.periods[t.terms.periods.length - 1] as [Date, Date];
  // OneDay/OneNow periods frame the planned attempts, as the guide's example shows them.
  const margin = keyed ? 15 * 60_000 : 0;
  const orderedArea = t.orderedAreaKm2 * 1e6;
  const validatedShare = progType === 'ONESERIES' ? Math.min(1, validated / Math.max(1, t.plan.length)) : validated > 0 ? 1 : 0;
  return {
    sal: t.sal,
    so: t.so,
    icr: {
      id: t.id,
      aoi: t.aoi,
      progTypeName: PROG_NAMES[progType],
      mission: t.product.mission as Mission,
      productTypeId: t.product.productTypeId,
      status: statusOf(t, now),
      nbProposedSegments: segments.filter((s) => s.status === 'Proposed').length,
      nbTotalSegments: segments.length,
      period: {
        startDate: new Date(first[0].getTime() - margin).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        endDate: new Date(last[1].getTime() + margin).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      seriesInformation: progType === 'ONESERIES' ? { plannedAcquisitions: t.plan.length, validatedAcquisitions: validated } : null,
      customerRef: t.customerRef,
      taskingProgress: { orderedArea, validatedArea: orderedArea * validatedShare },
      attempts: keyed ? t.terms.periods.map(([s, e]) => `${s.toISOString()} ${e.toISOString()}`).join(',') : null,
    },
  };
}
