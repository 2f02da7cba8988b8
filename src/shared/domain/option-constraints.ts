import type { OptionChoice, ProductOption } from './archive';

/**
 * Production options as the provider's options endpoint describes them: which ones apply
 * given the current choices, which are mandatory now, what they default to, and the `{key, value}` list
 * that `optionsPerProductType` takes. Pure so every process (form, main's validation, tests) agrees.
 */

/**
 * What the user set. A key that is absent means "use the provider's default"; an empty string means
 * the user cleared the field on purpose (an optional option then stays out of the order).
 */
export type OptionChoices = Readonly<Record<string, string>>;

export interface OptionState {
  option: ProductOption;
  applies: boolean;
  /** Only ever true for an option that applies. */
  mandatory: boolean;
  /** The value the form shows and the order carries ('' = none). */
  value: string;
  /** Why the value cannot be sent, or null. Never set for an option that does not apply. */
  error: string | null;
}

export interface OptionsEvaluation {
  states: OptionState[];
  /** Only applicable options with a value, in the provider's order. */
  choices: OptionChoice[];
  /** Option name -> message, for applicable options only. */
  errors: Record<string, string>;
  valid: boolean;
}

/** A default of " " (GeoAPI's elevation) means "none"; a list default must be one of its values. */
export function defaultOf(option: ProductOption): string {
  const value = option.defaultValue?.trim() ?? '';
  if (value === '') return '';
  if (option.type === 'list' && !option.values.some((v) => v.value === value)) return '';
  return value;
}

/** "key:value" -> its parts; the value may itself contain colons (e.g. EPSG:4326). */
export function parseFilter(filter: string): { key: string; value: string } | null {
  const at = filter.indexOf(':');
  if (at <= 0) return null;
  return { key: filter.slice(0, at).trim(), value: filter.slice(at + 1).trim() };
}

function rawValue(option: ProductOption, choices: OptionChoices): string {
  const chosen = choices[option.name];
  return chosen === undefined ? defaultOf(option) : chosen.trim();
}

/**
 * Which options apply. A constraint reads the *effective* value of another option: an option that does
 * not itself apply has no value, so chains (C depends on B depends on A) resolve as the provider means
 * them. A cycle or a malformed filter counts as "no value" rather than looping or throwing.
 */
export function applicability(options: readonly ProductOption[], choices: OptionChoices): Map<string, boolean> {
  const byName = new Map(options.map((o) => [o.name, o]));
  const result = new Map<string, boolean>();
  const visiting = new Set<string>();

  const valueOf = (name: string): string | undefined => {
    const option = byName.get(name);
    if (!option || !applies(option)) return undefined;
    return rawValue(option, choices);
  };

  function applies(option: ProductOption): boolean {
    const known = result.get(option.name);
    if (known !== undefined) return known;
    if (visiting.has(option.name)) return false;
    visiting.add(option.name);
    let answer = true;
    if (option.constraint) {
      const filter = parseFilter(option.constraint.filter);
      const matches = filter !== null && valueOf(filter.key) === filter.value;
      answer = option.constraint.reject ? !matches : matches;
    }
    visiting.delete(option.name);
    result.set(option.name, answer);
    return answer;
  }

  for (const option of options) applies(option);
  return result;
}

export const isMandatoryNow = (option: ProductOption, applies: boolean): boolean =>
  applies && (option.mandatory === 'true' || option.mandatory === 'constraint');

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Why `value` is not acceptable for `option`, or null. '' is checked by the mandatory rule instead. */
export function valueError(option: ProductOption, value: string): string | null {
  if (value === '') return null;
  switch (option.type) {
    case 'list':
      return option.values.some((v) => v.value === value) ? null : `${option.label}: choose one of the offered values.`;
    case 'boolean':
      return value === 'true' || value === 'false' ? null : `${option.label}: must be true or false.`;
    case 'integer':
    case 'double': {
      if (!NUMBER.test(value)) return `${option.label}: must be a number.`;
      const n = Number(value);
      if (option.type === 'integer' && !Number.isInteger(n)) return `${option.label}: must be a whole number.`;
      if ((option.min !== null && n < option.min) || (option.max !== null && n > option.max)) return `${option.label}: ${rangeText(option)}.`;
      return null;
    }
    case 'string':
      return null;
  }
}

/** "between -100 and 10000", "at least 0", "at most 5" or '' when unbounded. */
export function rangeText(option: Pick<ProductOption, 'min' | 'max'>): string {
  if (option.min !== null && option.max !== null) return `between ${option.min} and ${option.max}`;
  if (option.min !== null) return `at least ${option.min}`;
  if (option.max !== null) return `at most ${option.max}`;
  return '';
}

export function evaluateOptions(options: readonly ProductOption[], choices: OptionChoices): OptionsEvaluation {
  const applicable = applicability(options, choices);
  const errors: Record<string, string> = {};
  const out: OptionChoice[] = [];
  const states = options.map((option): OptionState => {
    const applies = applicable.get(option.name) ?? false;
    const mandatory = isMandatoryNow(option, applies);
    const value = rawValue(option, choices);
    let error: string | null = null;
    if (applies) {
      error = value === '' ? (mandatory ? `${option.label} is required.` : null) : valueError(option, value);
      if (error) errors[option.name] = error;
      else if (value !== '') out.push({ key: option.name, value });
    }
    return { option, applies, mandatory, value, error };
  });
  return { states, choices: out, errors, valid: Object.keys(errors).length === 0 };
}

/** The licence travels as an option (`license` at Airbus); the form shows it under its own heading. */
export const isLicenceOption = (option: Pick<ProductOption, 'name'>): boolean => /^licen[cs]e$/i.test(option.name);

export interface ProjectionChoice {
  code: number;
  label: string;
}

/**
 * EPSG codes offered by every `projection_N` option (their values are EPSG codes, sometimes written
 * "EPSG:2154"), first label kept, in the provider's order; anything that is not a code is skipped.
 */
export function projectionCodesOf(options: readonly ProductOption[]): ProjectionChoice[] {
  const seen = new Map<number, string>();
  for (const option of options) {
    if (!/^projection_\d+$/i.test(option.name)) continue;
    for (const v of option.values) {
      const match = /^\s*(?:EPSG:)?(\d{1,6})\s*$/i.exec(v.value);
      const code = match ? Number(match[1]) : NaN;
      if (!Number.isInteger(code) || code <= 0 || seen.has(code)) continue;
      seen.set(code, v.label.trim() || `EPSG:${code}`);
    }
  }
  return [...seen].map(([code, label]) => ({ code, label }));
}
