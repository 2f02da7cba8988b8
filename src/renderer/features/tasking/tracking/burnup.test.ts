import { describe, expect, it } from 'vitest';
import { burnUpDescription, burnUpSeries, chartGeometry, tickLabel } from './burnup';

const point = (at: string, validated: number | null, progress: number | null = validated === null ? null : validated / 200) => ({ at, orderedAreaKm2: 200, validatedAreaKm2: validated, progress });
const period = { start: '2030-01-01T00:00:00Z', end: '2030-01-11T00:00:00Z' };
const box = { width: 220, height: 120, left: 20, right: 0, top: 0, bottom: 20 };

describe('burn-up series', () => {
  it('orders the readings, keeps one step per change and spans the period and the last "as of"', () => {
    const b = burnUpSeries([point('2030-01-05T00:00:00Z', 100), point('2030-01-02T00:00:00Z', 0), point('2030-01-03T00:00:00Z', 0, null), point('2030-01-04T00:00:00Z', 0)], {
      period,
      asOf: '2030-01-06T00:00:00Z',
    })!;
    expect(b.steps.map((s) => [s.at.slice(0, 10), s.pct])).toEqual([
      ['2030-01-02', 0],
      // The reading with only areas (no progress) still counts: 0 of 200 km².
      ['2030-01-05', 50],
    ]);
    expect(new Date(b.from).toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(new Date(b.to).toISOString()).toBe('2030-01-11T00:00:00.000Z');
    expect(new Date(b.until).toISOString()).toBe('2030-01-06T00:00:00.000Z');
  });

  it('reaches past the period when readings do, clamps shares to 0..100 and needs one usable reading', () => {
    const b = burnUpSeries([point('2030-01-02T00:00:00Z', 0), { at: '2030-01-20T00:00:00Z', orderedAreaKm2: 200, validatedAreaKm2: 210, progress: 1.05 }], { period, asOf: null })!;
    expect(b.steps.at(-1)?.pct).toBe(100);
    expect(new Date(b.to).toISOString().slice(0, 10)).toBe('2030-01-20');
    expect(burnUpSeries([point('2030-01-02T00:00:00Z', null), { at: 'not a date', orderedAreaKm2: 1, validatedAreaKm2: 1, progress: 1 }], { period, asOf: null })).toBeNull();
    expect(burnUpSeries(undefined, { period, asOf: null })).toBeNull();
    // A single reading with no period still gets a day of width.
    const one = burnUpSeries([point('2030-01-02T00:00:00Z', 0)], { period: { start: null, end: null }, asOf: null })!;
    expect(one.to - one.from).toBe(86_400_000);
  });
});

describe('burn-up geometry', () => {
  it('draws steps that hold each level until the next reading and up to the last "as of"', () => {
    const b = burnUpSeries([point('2030-01-01T00:00:00Z', 0), point('2030-01-06T00:00:00Z', 100)], { period, asOf: '2030-01-11T00:00:00Z' })!;
    const g = chartGeometry(b, box);
    // Plot: x 20..220 over 10 days (20 px a day), y 100 (0 %) .. 0 (100 %).
    expect(g.line).toBe('M20,100 H120 V50 H220');
    expect(g.area).toBe('M20,100 H120 V50 H220 V100 H20 Z');
    expect(g.dots.map((d) => [d.x, d.y])).toEqual([[20, 100], [120, 50]]);
    expect(g.yTicks).toEqual([{ y: 100, label: '0 %' }, { y: 50, label: '50 %' }, { y: 0, label: '100 %' }]);
    expect(g.xTicks.map((t) => t.label)).toEqual(['2030-01-01', '2030-01-06', '2030-01-11']);
    expect(g.band).toEqual({ x0: 20, x1: 220 });
  });

  it('labels short spans with times', () => {
    expect(tickLabel(Date.parse('2030-01-01T10:30:00Z'), 3_600_000)).toBe('01-01 10:30');
    expect(tickLabel(Date.parse('2030-01-01T10:30:00Z'), 5 * 86_400_000)).toBe('2030-01-01');
  });
});

describe('burn-up description', () => {
  it('says where coverage went, with dates, and the period', () => {
    const b = burnUpSeries([point('2030-01-02T00:00:00Z', 0), point('2030-01-05T06:00:00Z', 1), point('2030-01-07T00:00:00Z', 84)], { period, asOf: null })!;
    expect(burnUpDescription(b)).toBe(
      'Validated coverage went from 0 % on 2030-01-02 00:00 UTC to 42 % on 2030-01-07 00:00 UTC (3 readings). The acquisition period runs 2030-01-01 00:00 UTC to 2030-01-11 00:00 UTC.',
    );
    const one = burnUpSeries([point('2030-01-02T00:00:00Z', 0)], { period: { start: null, end: null }, asOf: null })!;
    expect(burnUpDescription(one)).toBe('Validated coverage 0 % on 2030-01-02 00:00 UTC (one reading).');
  });
});
