import { parseShape, shapeFromBbox, ShapeError, type Shape } from '../geo/shapes';
import type { SandboxRequest } from '../types';
import { intervalOf, IntervalError, parseDate, type Interval } from './interval';

/** Request-parameter reading shared by both search APIs: every failure names its field. */

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GET parameters (repeated ones as arrays) or, for POST, the JSON body's fields over the query's.
 * Field names are case sensitive, as in the providers' APIs.
 */
export function readParams(req: SandboxRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(req.query.keys())) {
    const all = req.query.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  if (req.method !== 'POST') return out;
  if (req.bodyError) throw new FieldError('body', req.bodyError);
  if (req.body === undefined) return out;
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw new FieldError('body', 'The request body must be a JSON object of search parameters');
  return { ...out, ...(req.body as Record<string, unknown>) };
}

/** A list given as a JSON array of strings, repeated query parameters or a comma-separated string. */
export function readList(v: unknown, field: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const parts = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const p of parts) {
    if (typeof p !== 'string') throw new FieldError(field, `${field} must be a string or a list of strings`);
    out.push(...p.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  }
  if (out.length === 0) throw new FieldError(field, `${field} must not be empty`);
  return out;
}

export function readInt(v: unknown, field: string, min: number, max: number, fallback: number): number {
  if (v === undefined || v === null || v === '') return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw new FieldError(field, `${field} must be an integer`);
  if (n < min || n > max) throw new FieldError(field, `${field} must be between ${min} and ${max} (got ${n})`);
  return n;
}

export function readString(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new FieldError(field, `${field} must be a string`);
  return v;
}

export function readInterval(v: unknown, field: string, kind: 'number' | 'date'): Interval | undefined {
  if (v === undefined || v === null) return undefined;
  try {
    return intervalOf(v, kind);
  } catch (e) {
    if (e instanceof IntervalError) throw new FieldError(field, `${field} ${e.message}`);
    throw e;
  }
}

/** OneAtlas also documents acquisitionDate as an object `{startDate, endDate}`. */
export function readDateRange(v: unknown, field: string): Interval | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const { startDate, endDate } = v as Record<string, unknown>;
    const bound = (b: unknown, name: string): number | undefined => {
      if (b === undefined || b === null) return undefined;
      const t = typeof b === 'string' ? parseDate(b.trim()) : undefined;
      if (t === undefined) throw new FieldError(`${field}.${name}`, `${field}.${name} must be an ISO 8601 date-time`);
      return t;
    };
    const iv: Interval = { min: bound(startDate, 'startDate'), max: bound(endDate, 'endDate'), minInclusive: true, maxInclusive: true };
    if (iv.min === undefined && iv.max === undefined) throw new FieldError(field, `${field} needs startDate and/or endDate`);
    if (iv.min !== undefined && iv.max !== undefined && iv.min > iv.max) throw new FieldError(field, `${field}.startDate is after ${field}.endDate`);
    return iv;
  }
  return readInterval(v, field, 'date');
}

/** The search area from `geometry` (GeoJSON object or string, or WKT) or `bbox`; both at once is refused. */
export function readAoi(params: Record<string, unknown>, opts: { wktOnly?: boolean } = {}): Shape | undefined {
  const { geometry, bbox } = params;
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (given(geometry) && given(bbox)) throw new FieldError('geometry', 'Give either geometry or bbox, not both');
  try {
    if (given(geometry)) {
      if (opts.wktOnly && (typeof geometry !== 'string' || geometry.trim().startsWith('{'))) throw new ShapeError('must be a WKT string such as POLYGON((lon lat, …))');
      return parseShape(geometry);
    }
  } catch (e) {
    if (e instanceof ShapeError) throw new FieldError('geometry', `geometry ${e.message}`);
    throw e;
  }
  try {
    return given(bbox) ? shapeFromBbox(bbox) : undefined;
  } catch (e) {
    if (e instanceof ShapeError) throw new FieldError('bbox', `bbox ${e.message}`);
    throw e;
  }
}
