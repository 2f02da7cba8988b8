import { z } from 'zod';
import type { ProductOption } from '../../../shared/domain/archive';

/**
 * The `availableOptions` of both providers' options endpoints (same documented form) mapped to
 * ProductOption. Constraints, mandatory flags, defaults, ranges and values are carried over as given;
 * blank defaults (the guide's ELEVATION has `" "`) mean "no default".
 */

const ValueSchema = z.object({ id: z.union([z.string(), z.number()]), label: z.string().nullish() });

export const AvailableOptionSchema = z.object({
  name: z.string().min(1),
  label: z.string().nullish(),
  type: z.string().nullish(),
  values: z.array(ValueSchema).nullish(),
  defaultValue: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  range: z.array(z.number()).nullish(),
  mandatory: z.union([z.enum(['true', 'false', 'constraint']), z.boolean()]).nullish(),
  constraint: z.object({ filter: z.string(), reject: z.boolean() }).nullish(),
});

export const AvailableOptionsSchema = z.object({ availableOptions: z.array(AvailableOptionSchema) });

const TYPES: Record<string, ProductOption['type']> = {
  list: 'list',
  double: 'double',
  float: 'double',
  number: 'double',
  integer: 'integer',
  int: 'integer',
  long: 'integer',
  string: 'string',
  text: 'string',
  boolean: 'boolean',
};

export function toProductOption(o: z.infer<typeof AvailableOptionSchema>): ProductOption {
  const values = (o.values ?? []).map((v) => ({ value: String(v.id), label: v.label?.trim() || String(v.id) }));
  const type = TYPES[(o.type ?? '').toLowerCase()] ?? (values.length > 0 ? 'list' : 'string');
  const def = o.defaultValue === null || o.defaultValue === undefined ? '' : String(o.defaultValue).trim();
  const [min, max] = o.range && o.range.length === 2 ? o.range : [null, null];
  const mandatory = typeof o.mandatory === 'boolean' ? (o.mandatory ? 'true' : 'false') : (o.mandatory ?? 'false');
  return {
    name: o.name,
    label: o.label?.trim() || o.name,
    type,
    values,
    defaultValue: def === '' ? null : def,
    min: min ?? null,
    max: max ?? null,
    mandatory,
    constraint: o.constraint ? { filter: o.constraint.filter, reject: o.constraint.reject } : null,
  };
}
