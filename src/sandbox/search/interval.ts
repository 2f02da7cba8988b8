/**
 * The providers' interval syntax for numbers and dates (ISO 31-11 brackets, as the legacy search spec
 * lists them): `[a,b]` closed, `[a,b[` / `]a,b]` / `]a,b[` half-open or open, `[a` / `]a` lower bound
 * only, `a]` / `a[` upper bound only, and an empty side (`[a,]`, `[,b]`) meaning unbounded. A bare
 * value means exactly that value (for a date-only value, that whole day).
 */

export interface Interval {
  min?: number;
  max?: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

export const contains = (iv: Interval, v: number): boolean =>
  (iv.min === undefined || (iv.minInclusive ? v >= iv.min : v > iv.min)) && (iv.max === undefined || (iv.maxInclusive ? v <= iv.max : v < iv.max));

/** Thrown with a message that does not name the field (the caller adds it). */
export class IntervalError extends Error {}

type ValueParser = (text: string) => number | undefined;

export const parseNumber: ValueParser = (t) => (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : undefined);

/**
 * ISO 8601 instants as the guides write them: with or without `Z`, with or without milliseconds, or a
 * bare date. Also tolerates the three-digit seconds (`00:00:000Z`) of the OneAtlas spec's own example.
 */
export const parseDate: ValueParser = (t) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::0?(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m as unknown as string[];
  const [yy, mm, dd, hh, mn, ss] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || hh > 23 || mn > 59 || ss > 60) return undefined;
  let ms = Date.UTC(yy, mm - 1, dd, hh, mn, ss, Number((frac + '00').slice(0, 3)));
  if (zone && zone !== 'Z') {
    const z = /([+-])(\d{2}):?(\d{2})/.exec(zone);
    if (z) ms -= (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
  }
  return new Date(ms).getUTCDate() === dd || (zone && zone !== 'Z') ? ms : undefined;
};

const isDateOnly = (t: string) => /^\d{4}-\d{2}-\d{2}$/.test(t);

export function parseInterval(text: string, kind: 'number' | 'date'): Interval {
  const parse = kind === 'number' ? parseNumber : parseDate;
  const value = (t: string, side: string): number | undefined => {
    if (t === '') return undefined;
    const v = parse(t);
    if (v === undefined) throw new IntervalError(`"${t}" is not a valid ${kind === 'number' ? 'number' : 'ISO 8601 date'} (${side})`);
    return v;
  };
  const s = text.trim();
  if (s === '') throw new IntervalError('is empty');
  const open = s[0] === '[' || s[0] === ']' ? s[0] : undefined;
  const last = s[s.length - 1];
  const close = s.length > 1 && (last === '[' || last === ']') ? last : undefined;
  const inner = s.slice(open ? 1 : 0, close ? s.length - 1 : s.length).trim();

  if (!open && !close) {
    if (inner.includes(',')) throw new IntervalError(`"${s}" needs brackets: [a,b], [a,b[, ]a,b], ]a,b[, [a, ]a, a] or a[`);
    const v = value(inner, 'value') as number;
    // A bare day means that whole day.
    if (kind === 'date' && isDateOnly(inner)) return { min: v, max: v + 86_400_000, minInclusive: true, maxInclusive: false };
    return { min: v, max: v, minInclusive: true, maxInclusive: true };
  }
  if (inner === '') throw new IntervalError(`"${s}" has no bounds`);
  const parts = inner.split(',');
  if (parts.length > 2) throw new IntervalError(`"${s}" has more than two bounds`);
  let lo: string | undefined;
  let hi: string | undefined;
  if (parts.length === 2) [lo, hi] = parts.map((p) => p.trim());
  else if (open && !close) lo = inner; // "[a" / "]a": lower bound only
  else if (!open && close) hi = inner; // "a]" / "a[": upper bound only
  else throw new IntervalError(`"${s}" needs two bounds separated by a comma`);
  if (parts.length === 2 && (!open || !close)) throw new IntervalError(`"${s}" must start with [ or ] and end with [ or ]`);

  const iv: Interval = { minInclusive: open === '[', maxInclusive: close === ']' };
  if (lo !== undefined) iv.min = value(lo, 'lower bound');
  if (hi !== undefined) iv.max = value(hi, 'upper bound');
  if (iv.min === undefined) iv.minInclusive = true;
  if (iv.max === undefined) iv.maxInclusive = true;
  if (iv.min !== undefined && iv.max !== undefined && iv.min > iv.max) throw new IntervalError(`"${s}" has its lower bound after its upper bound`);
  return iv;
}

/** A number or interval string as received in JSON (numbers) or a query string (text). */
export function intervalOf(v: unknown, kind: 'number' | 'date'): Interval {
  if (typeof v === 'number' && kind === 'number') {
    if (!Number.isFinite(v)) throw new IntervalError('must be a finite number');
    return { min: v, max: v, minInclusive: true, maxInclusive: true };
  }
  if (typeof v !== 'string') throw new IntervalError(`must be ${kind === 'number' ? 'a number or ' : ''}an interval string such as [a,b]`);
  return parseInterval(v, kind);
}
