import { bboxOfPolygons } from '../../shared/geo/bbox';
import { parseOrigenGeometry, type OrigenAoi } from './geometry';

/**
 * The `programming/create` request, checked field by field in the order the guide lists them. Each
 * problem is reported with the name of the field at fault (the service answers `code: 400`).
 * Dates are read as UTC: the guide gives their formats but no time zone.
 */

export class OrigenError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly code = 400,
  ) {
    super(message);
  }
}

export type OrigenProvider = 'changguang' | 'tianyi';

export const RESOLUTIONS: Record<number, { provider: OrigenProvider; name: string }> = {
  1: { provider: 'changguang', name: 'Super High (0.3m)' },
  2: { provider: 'changguang', name: 'Very High (0.5m)' },
  3: { provider: 'changguang', name: 'High (1m)' },
  4: { provider: 'tianyi', name: 'Spotlight SP (1m)' },
  5: { provider: 'tianyi', name: 'Stripmap SM (3m)' },
  6: { provider: 'tianyi', name: 'Narrow Scan NS (12m)' },
  7: { provider: 'tianyi', name: 'Narrow Scan Tops (12m)' },
  8: { provider: 'tianyi', name: 'Wide Scan ES (20m)' },
};
const RANGE: Record<OrigenProvider, [number, number]> = { changguang: [1, 3], tianyi: [4, 8] };
/** Without a resolution type, each provider programs its workhorse mode. */
const DEFAULT_RESOLUTION: Record<OrigenProvider, number> = { changguang: 2, tianyi: 5 };
export const UNITS: Record<number, string> = { 1: 'day', 2: 'week', 3: 'month' };
const UNIT_MAX: Record<number, number> = { 1: 365, 2: 52, 3: 12 };
/** Sun-synchronous optical and SAR satellites do not image beyond ~82° of latitude. */
const MAX_IMAGING_LAT = 82;

export interface ProgrammingRequest {
  provider: OrigenProvider;
  aoi: OrigenAoi;
  start: Date;
  end: Date;
  recurring: boolean;
  recurringDay: number | null;
  recurringUnit: number | null;
  maxCloud: number | null;
  resolutionType: number;
}

const DATE_SPACE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const DATE_T = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

export function parseOrigenDate(v: unknown, field: string): Date {
  const m = typeof v === 'string' ? (DATE_SPACE.exec(v) ?? DATE_T.exec(v)) : null;
  if (!m) throw new OrigenError(field, `${field} must be a string formatted yyyy-MM-dd HH:mm or yyyy-MM-ddTHH:mm:ss`);
  const [y, mo, d, h, mi, s = '0'] = m.slice(1).map((x) => x ?? '0') as string[];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  // Date.UTC rolls 2023-02-30 over to March: a round trip tells real dates from impossible ones.
  const ok = date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60;
  if (!ok) throw new OrigenError(field, `${field} '${String(v)}' is not a valid date and time`);
  return date;
}

function integer(v: unknown, field: string, min: number, max: number, what = `between ${min} and ${max}`): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new OrigenError(field, `${field} must be an integer`);
  if (v < min || v > max) throw new OrigenError(field, `${field} must be ${what} (got ${v})`);
  return v;
}

export function parseProgramming(body: Record<string, unknown>, now: Date): ProgrammingRequest {
  const provider = body['provider'];
  if (provider === undefined || provider === null || provider === '') throw new OrigenError('provider', 'provider is required (changguang or tianyi)');
  if (provider !== 'changguang' && provider !== 'tianyi') throw new OrigenError('provider', `provider must be changguang (optical) or tianyi (SAR), got '${String(provider)}'`);

  const geometry = body['geometry'];
  if (geometry === undefined || geometry === null || geometry === '') throw new OrigenError('geometry', 'geometry is required (WKT polygon)');
  if (typeof geometry !== 'string') throw new OrigenError('geometry', 'geometry must be a string: WKT, or a GeoJSON geometry serialised as a string');
  if (geometry.length > 1_000_000) throw new OrigenError('geometry', 'geometry is too large (over 1,000,000 characters)');
  const aoi = parseOrigenGeometry(geometry);
  if (typeof aoi === 'string') throw new OrigenError('geometry', `geometry ${aoi}`);

  for (const f of ['startDate', 'endDate']) if (body[f] === undefined || body[f] === null || body[f] === '') throw new OrigenError(f, `${f} is required`);
  const start = parseOrigenDate(body['startDate'], 'startDate');
  const end = parseOrigenDate(body['endDate'], 'endDate');
  if (end <= start) throw new OrigenError('endDate', 'endDate must be after startDate');
  // The minute-precision format cannot say "now" exactly: the current minute still counts as future.
  if (start.getTime() < now.getTime() - (now.getTime() % 60_000)) throw new OrigenError('startDate', 'startDate must not be in the past: programming windows are in the future');

  const recurring = body['recurring'];
  if (recurring !== undefined && recurring !== null && typeof recurring !== 'boolean') throw new OrigenError('recurring', 'recurring must be true or false');
  const recurringUnit = integer(body['recurringUnit'], 'recurringUnit', 1, 3, '1 (day), 2 (week) or 3 (month)');
  const recurringDay = integer(body['recurringDay'], 'recurringDay', 1, UNIT_MAX[recurringUnit ?? 1] ?? 365);
  if (recurring === true) {
    if (recurringUnit === null) throw new OrigenError('recurringUnit', 'recurringUnit is required when recurring is true: 1 (day), 2 (week) or 3 (month)');
    if (recurringDay === null) throw new OrigenError('recurringDay', 'recurringDay is required when recurring is true');
  }

  const maxCloud = integer(body['maxCloud'], 'maxCloud', 0, 100);
  const [lo, hi] = RANGE[provider];
  const resolutionType = integer(body['resolutionType'], 'resolutionType', 1, 8) ?? DEFAULT_RESOLUTION[provider];
  if (resolutionType < lo || resolutionType > hi) {
    throw new OrigenError('resolutionType', `resolutionType ${resolutionType} is not available for provider ${provider} (${provider} accepts ${lo}-${hi})`);
  }

  const box = bboxOfPolygons(aoi.polygons);
  if (box.south > MAX_IMAGING_LAT || box.north < -MAX_IMAGING_LAT) {
    throw new OrigenError('geometry', `Satellite not available: ${provider} satellites cannot image beyond ${MAX_IMAGING_LAT}° of latitude`);
  }
  return {
    provider,
    aoi,
    start,
    end,
    recurring: recurring === true,
    recurringDay: recurring === true ? recurringDay : null,
    recurringUnit: recurring === true ? recurringUnit : null,
    maxCloud,
    resolutionType,
  };
}
