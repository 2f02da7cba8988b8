import { FieldError } from './errors';
import { aoiAreaKm2, parseGeometry } from '../geo/aoi';
import type { AoiRef } from './options';

/** Small readers for request fields: each throws a FieldError naming the field it could not use. */

export const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function record(v: unknown, field: string): Record<string, unknown> {
  if (!isRecord(v)) throw new FieldError(field, `${field} must be an object`);
  return v;
}

export function array(v: unknown, field: string, { min = 0, max = 500 } = {}): unknown[] {
  if (!Array.isArray(v)) throw new FieldError(field, `${field} must be an array`);
  if (v.length < min) throw new FieldError(field, `${field} must have at least ${min} element${min === 1 ? '' : 's'}`);
  if (v.length > max) throw new FieldError(field, `${field} has more than ${max} elements`);
  return v;
}

export function string(v: unknown, field: string, { max = 255, optional = false } = {}): string {
  if ((v === undefined || v === null) && optional) return '';
  if (typeof v !== 'string' || v.trim() === '') throw new FieldError(field, `${field} must be a non-empty string`);
  if (v.length > max) throw new FieldError(field, `${field} is longer than ${max} characters`);
  return v;
}

/** A positive integer id, also accepted as a digit string (the legacy API types polygon ids as strings). */
export function intId(v: unknown, field: string): number {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1_000_000) throw new FieldError(field, `${field} must be a positive integer`);
  return n;
}

export interface OrderAoi extends AoiRef {
  name: string;
  areaKm2: number;
}

/**
 * Reads `aoi: [{<idKey>, name?, geometry}]`. `legacyRings` accepts the legacy guide's Polygon written
 * as a bare ring. Ids must be unique: items and `projection_N` options refer to AOIs by id.
 */
export function parseAois(v: unknown, field: string, idKey: 'id' | 'polygonId', legacyRings: boolean): OrderAoi[] {
  const out: OrderAoi[] = [];
  array(v, field, { min: 1, max: 50 }).forEach((raw, i) => {
    const f = `${field}[${i}]`;
    const a = record(raw, f);
    const id = intId(a[idKey], `${f}.${idKey}`);
    if (out.some((o) => o.id === id)) throw new FieldError(`${f}.${idKey}`, `${f}.${idKey} ${id} is used by more than one AOI`);
    const parsed = parseGeometry(a['geometry'], legacyRings);
    if (typeof parsed === 'string') throw new FieldError(`${f}.geometry`, `${f}.geometry ${parsed}`);
    const areaKm2 = aoiAreaKm2(parsed.polygons);
    if (!(areaKm2 > 0)) throw new FieldError(`${f}.geometry`, `${f}.geometry encloses no area`);
    if (areaKm2 > 1_000_000) throw new FieldError(`${f}.geometry`, `${f}.geometry is larger than 1,000,000 km²`);
    const name = typeof a['name'] === 'string' ? a['name'].slice(0, 255) : `Polygon ${id}`;
    out.push({ id, aoi: parsed, name, areaKm2 });
  });
  return out;
}
