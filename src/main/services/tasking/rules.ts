import type { Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import type { Attempt, TaskingDraft, TaskingProductType, TaskingQuery } from '../../../shared/domain/tasking';
import {
  aoiShapeProblem,
  cloudCoverProblem,
  deadlineProblem,
  incidenceProblem,
  minimumAreaProblem,
  notificationThresholdProblem,
  orderDeclarationProblems,
  periodProblem,
  type TaskingProblem,
} from '../../../shared/domain/tasking-rules';
import type { ErrorCode } from '../../../shared/errors';
import { DeskFailure } from '../../errors';

/**
 * The shared tasking rules (src/shared/domain/tasking-rules.ts) applied before any provider call: the
 * first refusal becomes a DeskFailure naming its field. The provider checks the same things; asking it
 * first would spend a round trip (and, for an order, risk a half-sent request) to learn what is known here.
 */

const refuse = (p: TaskingProblem | null | undefined, code: ErrorCode = 'INVALID_REQUEST'): void => {
  if (p) throw new DeskFailure(code, p.message, { field: p.field });
};

/** The AOI as one polygon within the provider's vertex limit. */
export function taskingPolygon(aoi: Aoi): Polygon {
  const geometry = aoi.geometry as unknown as Polygon;
  refuse(aoiShapeProblem(aoi.name, geometry));
  return geometry;
}

export function checkMinimumArea(aoi: Aoi, product: TaskingProductType, offers: TaskingProductType[]): void {
  refuse(minimumAreaProblem(aoi.areaKm2, product, offers));
}

export function checkQuery(q: TaskingQuery, now: number): void {
  refuse(cloudCoverProblem(q.maxCloudCover));
  refuse(incidenceProblem(q.maxIncidenceAngle));
  refuse(periodProblem(q.start, q.end, now, { start: 'start', end: 'end' }));
}

/** What every tasking price and order needs, checked before any provider call. */
export function checkDraft(d: TaskingDraft, now: number): void {
  refuse(cloudCoverProblem(d.maxCloudCover));
  refuse(incidenceProblem(d.maxIncidenceAngle));
  refuse(notificationThresholdProblem(d.notificationThreshold, d.maxCloudCover));
  if (d.period) refuse(periodProblem(d.period.start, d.period.end, now, { start: 'period.start', end: 'period.end' }));
  refuse(orderDeclarationProblems(d.primaryMarket, d.notificationEmails)[0]);
}

/** An attempt can be ordered until its order deadline; after it, the acquisition is no longer offered. */
export function checkDeadline(a: Attempt, now: number): void {
  refuse(deadlineProblem(a, now), 'SEGMENT_EXPIRED');
}
