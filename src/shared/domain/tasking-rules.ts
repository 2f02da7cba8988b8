import type { MultiPolygon, Polygon } from 'geojson';
import { vertexCount } from '../geo/area';
import { notificationEmailsProblem } from './notification-emails';
import { TASKING_MAX_VERTICES, type TaskingProductType } from './tasking';

/**
 * The local rules a tasking request must pass before anything is sent, each refusal one sentence with
 * the field it concerns. The form shows them as the user types; main applies the same functions before
 * any provider call (src/main/services/tasking/rules.ts), so the two can never disagree.
 */
export interface TaskingProblem {
  field: string;
  message: string;
}

const problem = (field: string, message: string): TaskingProblem => ({ field, message });
const km2 = (n: number) => (Math.round(n * 10) / 10).toString();
/** A date as the sentences say it: "2026-12-05 10:42 UTC". */
export const utcMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
const DAY_MS = 86_400_000;

/** A period that ends in the future and after it starts (a start earlier today means "from now", as the provider reads it). */
export function periodProblem(start: string, end: string | null, now: number, fields: { start: string; end: string }): TaskingProblem | null {
  const s = Date.parse(start);
  if (!ISO_DATE_TIME.test(start) || Number.isNaN(s)) return problem(fields.start, `The start “${start}” is not a date and time (for example 2025-06-01T00:00:00Z).`);
  if (end === null) {
    if (s + DAY_MS <= now) return problem(fields.start, `The period starts on ${utcMinute(s)}, which is past: tasking acquires in the future. Choose a start from today.`);
    return null;
  }
  const e = Date.parse(end);
  if (!ISO_DATE_TIME.test(end) || Number.isNaN(e)) return problem(fields.end, `The end “${end}” is not a date and time (for example 2025-06-01T00:00:00Z).`);
  if (e <= s) return problem(fields.end, `The period ends (${utcMinute(e)}) before it starts (${utcMinute(s)}): swap or correct the dates.`);
  if (e <= now) return problem(fields.end, `The period ended on ${utcMinute(e)}, which is past: tasking acquires in the future. Choose dates from today on.`);
  return null;
}

export function cloudCoverProblem(maxCloudCover: number): TaskingProblem | null {
  return Number.isFinite(maxCloudCover) && maxCloudCover >= 0 && maxCloudCover <= 100
    ? null
    : problem('maxCloudCover', `Cloud cover is a percentage from 0 to 100; ${maxCloudCover} is outside it.`);
}

export function incidenceProblem(maxIncidenceAngle: number): TaskingProblem | null {
  return Number.isFinite(maxIncidenceAngle) && maxIncidenceAngle >= 0 && maxIncidenceAngle <= 90
    ? null
    : problem('maxIncidenceAngle', `The incidence angle is in degrees from 0 to 90; ${maxIncidenceAngle} is outside it.`);
}

export function notificationThresholdProblem(threshold: number | null, maxCloudCover: number): TaskingProblem | null {
  if (threshold === null || (threshold >= maxCloudCover && threshold <= 100)) return null;
  return problem('notificationThreshold', `The notification threshold (${threshold} %) must lie between the cloud cover accepted (${maxCloudCover} %) and 100 %.`);
}

/** The AOI as one polygon within the provider's vertex limit (the OneAtlas tasking schema's `maxItems: 999`). */
export function aoiShapeProblem(name: string, geometry: Polygon | MultiPolygon): TaskingProblem | null {
  if (geometry.type !== 'Polygon') return problem('aoiId', `“${name}” has ${geometry.coordinates.length} separate parts; a tasking covers one polygon. Draw or choose a single polygon.`);
  const count = vertexCount(geometry);
  if (count > TASKING_MAX_VERTICES) return problem('aoiId', `“${name}” has ${count} vertices; a tasking AOI may have at most ${TASKING_MAX_VERTICES}. Simplify it first.`);
  return null;
}

/**
 * OneDay and OneNow refuse an AOI below the product's minimum (the provider's ERR_MIN_AOI_AREA); OnePlan
 * and OneSeries price it as the minimum instead (the One Tasking guide's OnePlan example), so they pass.
 * An alternative is named only when the contract sells one the AOI is large enough for.
 */
export function minimumAreaSentence(aoiKm2: number, product: TaskingProductType, offers: TaskingProductType[]): string {
  const min = product.minimumOrderAreaKm2 ?? 0;
  const alt = offers.find((o) => o.progType === product.progType && o.mission !== product.mission && (o.minimumOrderAreaKm2 ?? 0) <= aoiKm2);
  return `The AOI is ${km2(aoiKm2)} km², this product needs ${km2(min)} km²: enlarge it${alt ? ` or choose ${alt.mission === 'SPOT' ? 'SPOT' : alt.label}` : ''}.`;
}

export function minimumAreaProblem(aoiKm2: number, product: TaskingProductType, offers: TaskingProductType[]): TaskingProblem | null {
  if (product.progType !== 'ONEDAY' && product.progType !== 'ONENOW') return null;
  if (product.minimumOrderAreaKm2 === null || aoiKm2 >= product.minimumOrderAreaKm2) return null;
  return problem('aoiId', minimumAreaSentence(aoiKm2, product, offers));
}

/** The order's own declarations: a market and at least one well-formed notification e-mail. */
export function orderDeclarationProblems(primaryMarket: string, notificationEmails: string[]): TaskingProblem[] {
  const out: TaskingProblem[] = [];
  if (!primaryMarket.trim()) out.push(problem('primaryMarket', 'Choose a primary market: the provider needs it to order.'));
  const emails = notificationEmailsProblem(notificationEmails, 'acquisition');
  if (emails !== null) out.push(problem('notificationEmails', emails));
  return out;
}

/** An attempt can be ordered until its order deadline; after it, the acquisition is no longer offered. */
export function deadlineProblem(attempt: { acquisitionStart: string; orderDeadline: string }, now: number): TaskingProblem | null {
  const deadline = Date.parse(attempt.orderDeadline);
  if (deadline > now) return null;
  return problem(
    'attemptId',
    `The acquisition of ${utcMinute(Date.parse(attempt.acquisitionStart))} could be ordered until ${utcMinute(deadline)}; that deadline has passed. Ask for attempts again and choose another.`,
  );
}
