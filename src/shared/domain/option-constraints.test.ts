import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProductOption } from './archive';
import { applicability, defaultOf, evaluateOptions, isLicenceOption, parseFilter, projectionCodesOf, rangeText, valueError } from './option-constraints';

const list = (name: string, values: string[], extra: Partial<ProductOption> = {}): ProductOption => ({
  name,
  label: name.toUpperCase(),
  type: 'list',
  values: values.map((v) => ({ value: v, label: `${v} label` })),
  defaultValue: values[0] ?? null,
  min: null,
  max: null,
  mandatory: 'true',
  constraint: null,
  ...extra,
});
const when = (filter: string, reject = false) => ({ constraint: { filter, reject }, mandatory: 'constraint' as const });

// The GeoAPI legacy options example (reference 001), trimmed to the options that show every rule.
const GEOAPI: ProductOption[] = [
  list('processing_level', ['ortho', 'projected', 'primary']),
  list('dem', ['best_available', 'srtm', 'globe'], when('processing_level:ortho')),
  list('spectral_processing', ['pansharpened', 'panchromatic'], { ...when('processing_level:primary', true), defaultValue: 'pansharpened' }),
  list('spectral_processing_primary', ['bundle', 'panchromatic'], when('processing_level:primary')),
  { ...list('elevation', []), type: 'double', values: [], defaultValue: ' ', min: -100, max: 10000, mandatory: 'false', constraint: { filter: 'processing_level:projected', reject: false } },
  list('area_compute_model', ['coverage', 'temporal_serie'], { mandatory: 'false' }),
  list('license', ['eula_5', 'eula_6_10']),
  list('projection_1', ['2154', '32631', '32632', '4326'], { ...when('processing_level:primary', true), defaultValue: '32632' }),
];

const keys = (choices: { key: string }[]) => choices.map((c) => c.key);

describe('option constraints', () => {
  it('applies the example: ortho by default needs a DEM and a projection, not the primary-only options', () => {
    const r = evaluateOptions(GEOAPI, {});
    expect(r.valid).toBe(true);
    expect(r.choices).toEqual([
      { key: 'processing_level', value: 'ortho' },
      { key: 'dem', value: 'best_available' },
      { key: 'spectral_processing', value: 'pansharpened' },
      { key: 'area_compute_model', value: 'coverage' },
      { key: 'license', value: 'eula_5' },
      { key: 'projection_1', value: '32632' },
    ]);
    const dem = r.states.find((s) => s.option.name === 'dem');
    expect(dem).toMatchObject({ applies: true, mandatory: true });
  });

  it('switches to the primary options, dropping DEM and projection (reject: true)', () => {
    const r = evaluateOptions(GEOAPI, { processing_level: 'primary', dem: 'srtm' });
    expect(keys(r.choices)).toEqual(['processing_level', 'spectral_processing_primary', 'area_compute_model', 'license']);
    expect(r.states.find((s) => s.option.name === 'dem')).toMatchObject({ applies: false, mandatory: false, error: null });
  });

  it('offers elevation only for projected; its blank default means none and it is optional', () => {
    const r = evaluateOptions(GEOAPI, { processing_level: 'projected' });
    const elevation = r.states.find((s) => s.option.name === 'elevation');
    expect(elevation).toMatchObject({ applies: true, mandatory: false, value: '', error: null });
    expect(keys(r.choices)).not.toContain('elevation');
    expect(keys(r.choices)).not.toContain('dem');
  });

  it('enforces ranges and number syntax for double and integer options', () => {
    expect(evaluateOptions(GEOAPI, { processing_level: 'projected', elevation: '10001' }).errors).toEqual({ elevation: 'ELEVATION: between -100 and 10000.' });
    expect(evaluateOptions(GEOAPI, { processing_level: 'projected', elevation: '12abc' }).errors.elevation).toBe('ELEVATION: must be a number.');
    const ok = evaluateOptions(GEOAPI, { processing_level: 'projected', elevation: '-100' });
    expect(ok.valid).toBe(true);
    expect(ok.choices).toContainEqual({ key: 'elevation', value: '-100' });
    const integer: ProductOption = { ...list('n', []), type: 'integer', defaultValue: null, min: 1, max: null, mandatory: 'false' };
    expect(valueError(integer, '2.5')).toBe('N: must be a whole number.');
    expect(valueError(integer, '0')).toBe('N: at least 1.');
    expect(valueError(integer, '1e3')).toBeNull();
  });

  it('restricts list values and requires mandatory ones; optional ones may be cleared', () => {
    const r = evaluateOptions(GEOAPI, { license: 'pirate', dem: '', area_compute_model: '' });
    expect(r.errors).toEqual({ license: 'LICENSE: choose one of the offered values.', dem: 'DEM is required.' });
    expect(r.valid).toBe(false);
    expect(keys(r.choices)).not.toContain('area_compute_model');
  });

  it('ignores a list default the provider does not offer, and a mandatory option without default is required', () => {
    const odd = list('format', ['a', 'b'], { defaultValue: 'c' });
    expect(defaultOf(odd)).toBe('');
    expect(evaluateOptions([odd], {}).errors).toEqual({ format: 'FORMAT is required.' });
  });

  it('resolves chains through options that do not apply, and treats cycles and bad filters as no value', () => {
    const chain = [
      list('a', ['x', 'y']),
      list('b', ['on', 'off'], when('a:x')),
      list('c', ['1'], when('b:on')),
      list('d', ['1'], when('b:on', true)),
    ];
    expect(Object.fromEntries(applicability(chain, { a: 'y' }))).toEqual({ a: true, b: false, c: false, d: true });
    expect(Object.fromEntries(applicability(chain, { a: 'x' }))).toEqual({ a: true, b: true, c: true, d: false });
    const cycle = [list('p', ['1'], when('q:1')), list('q', ['1'], when('p:1')), list('r', ['1'], when('nonsense'))];
    const applies = applicability(cycle, {});
    expect(applies.get('r')).toBe(false);
    expect([applies.get('p'), applies.get('q')]).toContain(false);
  });

  it('mandatory "true" under an unmet constraint is not mandatory', () => {
    const r = evaluateOptions([list('a', ['x', 'y'], { defaultValue: 'y' }), list('b', ['1'], { constraint: { filter: 'a:x', reject: false }, mandatory: 'true', defaultValue: null })], {});
    expect(r.valid).toBe(true);
    expect(r.states[1]).toMatchObject({ applies: false, mandatory: false });
  });

  it('reads filters whose value contains a colon and states ranges', () => {
    expect(parseFilter('projection_1:EPSG:4326')).toEqual({ key: 'projection_1', value: 'EPSG:4326' });
    expect(parseFilter(':x')).toBeNull();
    expect(rangeText({ min: null, max: 5 })).toBe('at most 5');
    expect(rangeText({ min: null, max: null })).toBe('');
    expect(isLicenceOption({ name: 'license' })).toBe(true);
    expect(isLicenceOption({ name: 'Licence' })).toBe(true);
    expect(isLicenceOption({ name: 'licensee' })).toBe(false);
  });

  it('lists projection codes from every projection_N option, once each, skipping non-codes', () => {
    const p2 = list('projection_2', ['EPSG:2154', 'utm', '27700'], { defaultValue: null });
    p2.values[2] = { value: '27700', label: '' };
    expect(projectionCodesOf([...GEOAPI, p2, list('projection', ['3857'])])).toEqual([
      { code: 2154, label: '2154 label' },
      { code: 32631, label: '32631 label' },
      { code: 32632, label: '32632 label' },
      { code: 4326, label: '4326 label' },
      { code: 27700, label: 'EPSG:27700' },
    ]);
  });
});

// Random option sets: up to 8 options, each possibly constrained on another one.
const optionSet = fc
  .array(
    fc.record({
      values: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }),
      mandatory: fc.constantFrom('true', 'false', 'constraint') as fc.Arbitrary<ProductOption['mandatory']>,
      target: fc.option(fc.nat(7), { nil: null }),
      filterValue: fc.constantFrom('a', 'b', 'c'),
      reject: fc.boolean(),
      withDefault: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((specs) =>
    specs.map((s, i): ProductOption => ({
      ...list(`o${i}`, s.values),
      defaultValue: s.withDefault ? (s.values[0] ?? null) : null,
      mandatory: s.mandatory,
      constraint: s.target === null ? null : { filter: `o${s.target}:${s.filterValue}`, reject: s.reject },
    })),
  );
const choicesFor = (options: ProductOption[]) =>
  fc.dictionary(fc.constantFrom(...options.map((o) => o.name)), fc.constantFrom('', 'a', 'b', 'c', 'z'));

describe('option constraints (properties)', () => {
  it('emits only applicable, valid options, once each, and reports errors only for applicable ones', () => {
    fc.assert(
      fc.property(optionSet.chain((options) => fc.tuple(fc.constant(options), choicesFor(options))), ([options, choices]) => {
        const r = evaluateOptions(options, choices);
        const byName = new Map(r.states.map((s) => [s.option.name, s]));
        expect(new Set(keys(r.choices)).size).toBe(r.choices.length);
        for (const c of r.choices) {
          const s = byName.get(c.key);
          expect(s?.applies).toBe(true);
          expect(s?.option.values.map((v) => v.value)).toContain(c.value);
        }
        for (const name of Object.keys(r.errors)) expect(byName.get(name)?.applies).toBe(true);
        for (const s of r.states) if (s.mandatory && !r.errors[s.option.name]) expect(keys(r.choices)).toContain(s.option.name);
        expect(r.valid).toBe(Object.keys(r.errors).length === 0);
      }),
    );
  });

  it('reject true applies exactly when reject false does not', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', 'b', ''), fc.constantFrom('a', 'b'), (chosen, wanted) => {
        const base = list('k', ['a', 'b'], { defaultValue: null, mandatory: 'false' });
        const keep = list('x', ['1'], { constraint: { filter: `k:${wanted}`, reject: false } });
        const drop = list('y', ['1'], { constraint: { filter: `k:${wanted}`, reject: true } });
        const applies = applicability([base, keep, drop], { k: chosen });
        expect(applies.get('x')).toBe(!applies.get('y'));
        expect(applies.get('x')).toBe(chosen === wanted);
      }),
    );
  });

  it('accepts every number within the range and refuses every number outside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: -2000, max: 2000 }), (min, span, n) => {
        const option: ProductOption = { ...list('v', []), type: 'double', min, max: min + span, defaultValue: null };
        const inRange = n >= min && n <= min + span;
        expect(valueError(option, String(n)) === null).toBe(inRange);
      }),
    );
  });
});
