import type { Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import { TASKING_MAX_VERTICES, type Attempt, type TaskingDraft, type TaskingProductType, type TaskingQuery } from '../../../shared/domain/tasking';
import { vertexCount } from '../../../shared/geo/area';
import { DeskFailure } from '../../errors';

/**
 * The local rules a tasking request must pass before anything is sent: each refusal is one sentence
 * the form can show beside `details.field`. The provider checks the same things; asking it first would
 * spend a round trip (and, for an order, risk a half-sent request) to learn what is known here.
 */

const bad = (field: string, message: string): never => {
  throw new DeskFailure('INVALID_REQUEST', message, { field });
};

const km2 = (n: number) => (Math.round(n * 10) / 10).toString();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

function dateOf(text: string, field: string, label: string): number {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms)) bad(field, `The ${label} “${text}” is not a date and time (for example 2025-06-01T00:00:00Z).`);
  return ms;
}

/** A period that ends in the future and after it starts (a start in the past means "from now", as the provider reads it). */
export function checkPeriod(start: string, end: string | null, now: number, fields: { start: string; end: string }): void {
  const s = dateOf(start, fields.start, 'start');
  if (end === null) {
    if (s + 86_400_000 <= now) bad(fields.start, `The period starts on ${day(s)}, which is past: tasking acquires in the future. Choose a start from today.`);
    return;
  }
  const e = dateOf(end, fields.end, 'end');
  if (e <= s) bad(fields.end, `The period ends (${day(e)}) before it starts (${day(s)}): swap or correct the dates.`);
  if (e <= now) bad(fields.end, `The period ended on ${day(e)}, which is past: tasking acquires in the future. Choose dates from today on.`);
}

export function checkAngles(maxCloudCover: number, maxIncidenceAngle: number): void {
  if (!Number.isFinite(maxCloudCover) || maxCloudCover < 0 || maxCloudCover > 100) bad('maxCloudCover', `Cloud cover is a percentage from 0 to 100; ${maxCloudCover} is outside it.`);
  if (!Number.isFinite(maxIncidenceAngle) || maxIncidenceAngle < 0 || maxIncidenceAngle > 90) {
    bad('maxIncidenceAngle', `The incidence angle is in degrees from 0 to 90; ${maxIncidenceAngle} is outside it.`);
  }
}

/** The AOI as one polygon within the provider's vertex limit. */
export function taskingPolygon(aoi: Aoi): Polygon {
  const g = aoi.geometry as unknown as Polygon | { type: 'MultiPolygon'; coordinates: Polygon['coordinates'][] };
  if (g.type !== 'Polygon') bad('aoiId', `“${aoi.name}” has ${g.coordinates.length} separate parts; a tasking covers one polygon. Draw or choose a single polygon.`);
  const polygon = g as Polygon;
  const count = vertexCount(polygon);
  if (count > TASKING_MAX_VERTICES) bad('aoiId', `“${aoi.name}” has ${count} vertices; a tasking AOI may have at most ${TASKING_MAX_VERTICES}. Simplify it first.`);
  return polygon;
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

export function checkMinimumArea(aoi: Aoi, product: TaskingProductType, offers: TaskingProductType[]): void {
  if (product.progType !== 'ONEDAY' && product.progType !== 'ONENOW') return;
  if (product.minimumOrderAreaKm2 !== null && aoi.areaKm2 < product.minimumOrderAreaKm2) bad('aoiId', minimumAreaSentence(aoi.areaKm2, product, offers));
}

export function checkQuery(q: TaskingQuery, now: number): void {
  checkAngles(q.maxCloudCover, q.maxIncidenceAngle);
  checkPeriod(q.start, q.end, now, { start: 'start', end: 'end' });
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** What every tasking price and order needs, checked before any provider call. */
export function checkDraft(d: TaskingDraft, now: number): void {
  checkAngles(d.maxCloudCover, d.maxIncidenceAngle);
  if (d.notificationThreshold !== null && (d.notificationThreshold < d.maxCloudCover || d.notificationThreshold > 100)) {
    bad('notificationThreshold', `The notification threshold (${d.notificationThreshold} %) must lie between the cloud cover accepted (${d.maxCloudCover} %) and 100 %.`);
  }
  if (d.period) checkPeriod(d.period.start, d.period.end, now, { start: 'period.start', end: 'period.end' });
  if (!d.primaryMarket.trim()) bad('primaryMarket', 'Choose a primary market: the provider needs it to order.');
  if (d.notificationEmails.length === 0) bad('notificationEmails', 'Give at least one e-mail address for the acquisition notifications.');
  const wrong = d.notificationEmails.find((e) => !EMAIL.test(e));
  if (wrong !== undefined) bad('notificationEmails', `“${wrong}” is not an e-mail address.`);
}

/** An attempt can be ordered until its order deadline; after it, the acquisition is no longer offered. */
export function checkDeadline(a: Attempt, now: number): void {
  const deadline = Date.parse(a.orderDeadline);
  if (!(deadline > now)) {
    throw new DeskFailure(
      'SEGMENT_EXPIRED',
      `The acquisition of ${day(Date.parse(a.acquisitionStart))} could be ordered until ${day(deadline)}; that deadline has passed. Ask for attempts again and choose another.`,
      { field: 'attemptId' },
    );
  }
}
