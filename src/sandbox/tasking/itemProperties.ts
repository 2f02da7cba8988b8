import { bboxCentre, bboxOfPolygons } from '../../shared/geo/bbox';
import { FieldError } from '../accounts/errors';
import type { NormalizedItem } from '../ordering/orderRequest';
import type { SandboxState } from '../state';
import { containsAll } from './footprint';
import { readSegmentKey, type ReadKey } from './segmentKey';

/**
 * What a tasking order item commits to: for OneDay/OneNow the acquisition(s) its segmentKey names,
 * for OnePlan/OneSeries the period and thresholds in its properties. Read once to validate the order
 * (as the ordering module's hook) and again to build the tasking, so both always agree.
 */

export interface TaskingTerms {
  periods: [Date, Date][];
  maxCloudCover: number;
  maxIncidenceAngle: number;
  notificationThreshold: number;
  classification?: string;
  manual: boolean;
  acquisitionMode: string;
  key?: ReadKey;
}

type ItemLike = Pick<NormalizedItem, 'index' | 'product' | 'aoi' | 'properties' | 'segmentKey'>;

export function itemProperty(item: Pick<NormalizedItem, 'properties'>, key: string): unknown {
  return item.properties.find((p) => p.key === key)?.value;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

function numberProp(item: ItemLike, key: string, min: number, max: number, fallback: number): number {
  const v = itemProperty(item, key);
  if (v === undefined || v === null) return fallback;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
    throw new FieldError(`items[${item.index}].properties.${key}`, `Property '${key}' must be a number between ${min} and ${max}`);
  }
  return n;
}

function enumProp(item: ItemLike, key: string, allowed: string[]): string | undefined {
  const v = itemProperty(item, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v)) throw new FieldError(`items[${item.index}].properties.${key}`, `Property '${key}' must be one of ${allowed.join(', ')}`);
  return v;
}

function period(text: unknown, field: string): [Date, Date] {
  const parts = typeof text === 'string' ? text.trim().split(/\s+/) : [];
  if (parts.length !== 2 || !parts.every((p) => ISO.test(p))) {
    throw new FieldError(field, `${field} must be "<start> <end>" in ISO 8601, e.g. "2021-06-18T09:04:16.284Z 2021-07-18T23:59:59.999Z"`);
  }
  const [s, e] = parts.map((p) => new Date(p)) as [Date, Date];
  if (e <= s) throw new FieldError(field, `${field} ends before it starts`);
  return [s, e];
}

export function taskingTerms(item: ItemLike, state: SandboxState): TaskingTerms {
  const f = `items[${item.index}]`;
  const progType = item.product.progType;
  const now = state.now();
  const acquisitionMode = enumProp(item, 'acquisitionMode', ['MONO', 'STEREO', 'TRISTEREO']) ?? 'MONO';
  const classification = enumProp(item, 'classification', ['EASY', 'CHALLENGING']);
  const automation = enumProp(item, 'feasibilityAutomation', ['AUTOMATIC', 'MANUAL']);
  const extended = itemProperty(item, 'extendedAngle');
  if (extended !== undefined && typeof extended !== 'boolean' && extended !== 'true' && extended !== 'false') {
    throw new FieldError(`${f}.properties.extendedAngle`, "Property 'extendedAngle' must be true or false");
  }

  if (progType === 'ONEDAY' || progType === 'ONENOW') {
    if (!item.segmentKey) throw new FieldError(`${f}.segmentKey`, `${f}.segmentKey is required for ${progType} (take it from /api/v1/attempts)`);
    const key = readSegmentKey(state.seed, item.segmentKey, `${f}.segmentKey`);
    if (key.mission !== item.product.mission || key.progType !== progType) {
      throw new FieldError(`${f}.segmentKey`, `${f}.segmentKey was issued for ${key.mission} ${key.progType}, not for product type '${item.product.productTypeId}'`);
    }
    if (new Date(key.orderDeadline) <= now) {
      throw new FieldError(`${f}.segmentKey`, `${f}.segmentKey has expired: its order deadline ${key.orderDeadline} has passed, get new attempts`);
    }
    const polygons = item.aoi.aoi.polygons;
    if (!containsAll(key.ring, polygons, bboxCentre(bboxOfPolygons(polygons)))) {
      throw new FieldError(`${f}.aoiId`, `The AOI of ${f} is not inside the footprint of its segmentKey: get attempts for this AOI`);
    }
    return {
      periods: key.acqPeriods.map(([s, e]) => [new Date(s), new Date(e)]),
      maxCloudCover: numberProp(item, 'maxCloudCover', 0, 100, key.maxCloudCover),
      maxIncidenceAngle: key.maxIncidenceAngle,
      notificationThreshold: 100,
      manual: false,
      acquisitionMode: 'MONO',
      key,
      ...(classification ? { classification } : {}),
    };
  }

  // Without acqPeriod (a price asked before the dates are settled) the feasibility's default month applies.
  const rawPeriod = itemProperty(item, 'acqPeriod');
  const acq = rawPeriod === undefined || rawPeriod === null ? ([now, new Date(now.getTime() + 30 * 86_400_000)] as [Date, Date]) : period(rawPeriod, `${f}.properties.acqPeriod`);
  if (acq[1] <= now) throw new FieldError(`${f}.properties.acqPeriod`, `${f}.properties.acqPeriod is in the past: tasking always refers to the future`);
  const maxCloudCover = numberProp(item, 'maxCloudCover', 0, 100, 20);
  const notificationThreshold = numberProp(item, 'notificationThreshold', 0, 100, maxCloudCover);
  if (notificationThreshold < maxCloudCover) {
    throw new FieldError(`${f}.properties.notificationThreshold`, `Property 'notificationThreshold' (${notificationThreshold}) cannot be below maxCloudCover (${maxCloudCover})`);
  }
  return {
    periods: [[acq[0] < now ? now : acq[0], acq[1]]],
    maxCloudCover,
    maxIncidenceAngle: numberProp(item, 'maxIncidenceAngle', 0, 90, 30),
    notificationThreshold,
    manual: automation === 'MANUAL',
    acquisitionMode,
    ...(classification ? { classification } : {}),
  };
}
