import { describe, expect, it } from 'vitest';
import { acquisitionDates, summariseRecurrence } from './programming';
import { aoiProblem, cloudProblem, draftProblems, recurrenceProblem, resolutionProblem, windowProblem } from './programming-rules';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const square = (x: number, y: number, d = 0.1): number[][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

describe('programming rules shared by the form and main', () => {
  it('keeps each resolution with its provider, naming what the other offers', () => {
    expect(resolutionProblem('changguang', 1)).toBeNull();
    expect(resolutionProblem('tianyi', 8)).toBeNull();
    expect(resolutionProblem('changguang', 4)).toEqual({
      field: 'resolutionType',
      message: 'Spotlight (SP), 1 m is a SAR mode of Spacety (tianyi, SAR); Chang Guang (Jilin-1, optical) offers Super High, 0.3 m; Very High, 0.5 m; High, 1 m. Choose one of those, or switch the provider.',
    });
    expect(resolutionProblem('tianyi', 2)!.message).toMatch(/^Very High, 0.5 m is an optical mode of Chang Guang.*offers Spotlight \(SP\), 1 m; Stripmap/);
    expect(resolutionProblem('tianyi', 9)!.message).toContain('does not exist');
  });

  it('refuses a window in the past, reversed or unreadable', () => {
    expect(windowProblem(iso(NOW + DAY), iso(NOW + 2 * DAY), NOW)).toBeNull();
    expect(windowProblem(iso(NOW - DAY), iso(NOW + DAY), NOW)).toMatchObject({ field: 'start', message: expect.stringContaining('past') });
    expect(windowProblem(iso(NOW + 2 * DAY), iso(NOW + DAY), NOW)).toMatchObject({ field: 'end', message: expect.stringContaining('before it starts') });
    expect(windowProblem(iso(NOW + DAY), iso(NOW + DAY), NOW)).toMatchObject({ field: 'end' });
    expect(windowProblem('tomorrow', iso(NOW + DAY), NOW)).toMatchObject({ field: 'start' });
    expect(windowProblem(iso(NOW + DAY), '2026-13-01T00:00:00Z', NOW)).toMatchObject({ field: 'end' });
  });

  it('needs both the interval and the unit of a recurrence, within a year', () => {
    expect(recurrenceProblem(null)).toBeNull();
    expect(recurrenceProblem({ every: 2, unit: 'week' })).toBeNull();
    expect(recurrenceProblem({ every: 2, unit: null })).toMatchObject({ field: 'recurrence.unit' });
    expect(recurrenceProblem({ every: null, unit: 'day' })).toMatchObject({ field: 'recurrence.every', message: expect.stringContaining('days') });
    expect(recurrenceProblem({ every: 13, unit: 'month' })).toMatchObject({ field: 'recurrence.every' });
    expect(recurrenceProblem({ every: 1.5, unit: 'day' })).toMatchObject({ field: 'recurrence.every' });
    expect(recurrenceProblem({ every: 0, unit: 'day' })).toMatchObject({ field: 'recurrence.every' });
  });

  it('bounds cloud cover for optical and calls it irrelevant for SAR', () => {
    expect(cloudProblem('changguang', 20)).toBeNull();
    expect(cloudProblem('changguang', null)).toBeNull();
    expect(cloudProblem('tianyi', null)).toBeNull();
    expect(cloudProblem('changguang', 101)).toMatchObject({ field: 'maxCloud', message: expect.stringContaining('0 to 100') });
    expect(cloudProblem('changguang', -1)).toMatchObject({ field: 'maxCloud' });
    expect(cloudProblem('tianyi', 20)).toMatchObject({ field: 'maxCloud', message: expect.stringContaining('irrelevant for SAR') });
  });

  it('says which AOI shape the guide cannot take and which repair the AOI section offers', () => {
    expect(aoiProblem('ok', { type: 'Polygon', coordinates: [square(1, 1)] })).toBeNull();
    expect(aoiProblem('one part', { type: 'MultiPolygon', coordinates: [[square(1, 1)]] })).toBeNull();
    const multi = aoiProblem('islands', { type: 'MultiPolygon', coordinates: [[square(1, 1)], [square(3, 3)]] });
    expect(multi).toMatchObject({ field: 'aoiId', message: expect.stringContaining('has 2 separate parts') });
    expect(multi!.message).toContain('vertex table');
    const split = aoiProblem('dateline', { type: 'MultiPolygon', coordinates: [[[[179.9, 0], [180, 0], [180, 1], [179.9, 1], [179.9, 0]]], [[[-180, 0], [-179.9, 0], [-179.9, 1], [-180, 1], [-180, 0]]]] });
    expect(split!.message).toContain('antimeridian');
    const holed = aoiProblem('donut', { type: 'Polygon', coordinates: [square(0, 0, 1), [[0.4, 0.4], [0.4, 0.6], [0.6, 0.6], [0.6, 0.4], [0.4, 0.4]]] });
    expect(holed!.message).toMatch(/has a hole.*delete the hole rows/);
    const bowTie = aoiProblem('bow tie', { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] });
    expect(bowTie!.message).toBe('“bow tie” crosses itself: edges 0→1 and 2→3 intersect at (0.5, 0.5). In the AOI section, move those vertices in its vertex table so the outline no longer crosses, or redraw it.');
  });

  it('lists every draft problem in form order', () => {
    const d = { provider: 'tianyi' as const, resolutionType: 1, start: iso(NOW - DAY), end: iso(NOW + DAY), recurrence: { every: null, unit: 'week' as const }, maxCloud: 10 };
    expect(draftProblems(d, NOW).map((p) => p.field)).toEqual(['resolutionType', 'start', 'recurrence.every', 'maxCloud']);
  });
});

describe('recurrence in words', () => {
  const start = '2026-01-05T10:00:00Z';
  it('counts the acquisitions a recurrence implies', () => {
    expect(summariseRecurrence(start, '2026-03-01T10:00:00Z', { every: 2, unit: 'week' })).toEqual({
      text: 'every 2 weeks from 2026-01-05 10:00 UTC to 2026-03-01 10:00 UTC: 4 acquisitions',
      acquisitions: 4,
    });
    expect(summariseRecurrence(start, '2026-01-08T10:00:00Z', { every: 1, unit: 'day' })).toMatchObject({ text: expect.stringMatching(/^every day from/), acquisitions: 4 });
    expect(summariseRecurrence(start, '2026-01-06T10:00:00Z', null)).toEqual({ text: 'once, from 2026-01-05 10:00 UTC to 2026-01-06 10:00 UTC', acquisitions: 1 });
    expect(summariseRecurrence(start, '2026-01-06T10:00:00Z', { every: null, unit: 'day' })).toBeNull();
    expect(summariseRecurrence('2026-01-06T10:00:00Z', start, null)).toBeNull();
  });

  it('keeps monthly acquisitions on the last day of shorter months', () => {
    const dates = acquisitionDates(Date.parse('2026-01-31T00:00:00Z'), Date.parse('2026-04-30T00:00:00Z'), { every: 1, unit: 'month' }).map((t) => new Date(t).toISOString().slice(0, 10));
    expect(dates).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });
});
