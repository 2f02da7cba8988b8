import { describe, expect, it } from 'vitest';
import type { Aoi } from '../../../shared/domain/aoi';
import { buildProgrammingDraft, defaultValues, problemFor, recurrenceText, withProvider, type ProgrammingValues } from './programmingForm';
import { fromLocalInput, toLocalInput } from '../../ui/localTime';

const NOW = Date.parse('2026-03-02T09:17:00Z');
const ring = [[1.4, 43.56], [1.5, 43.56], [1.5, 43.64], [1.4, 43.64], [1.4, 43.56]];
const aoi = (geometry: Aoi['geometry'], name = 'Toulouse'): Aoi => ({ id: 'aoi-1', name, geometry, areaKm2: 64.3, vertexCount: 4, createdAt: '', updatedAt: '' });
const square = aoi({ type: 'Polygon', coordinates: [ring] });
const ctx = { accountId: 'acc-1', aoi: square };
const local = (iso: string) => toLocalInput(Date.parse(iso));
const values = (patch: Partial<ProgrammingValues> = {}): ProgrammingValues => ({
  ...defaultValues(NOW),
  start: local('2026-04-01T10:00:00Z'),
  end: local('2026-05-01T10:00:00Z'),
  ...patch,
});

describe('buildProgrammingDraft', () => {
  it('builds the optical draft with cloud, the window in UTC and the summary', () => {
    const out = buildProgrammingDraft(ctx, values({ recurring: true, every: '2', unit: 'week' }), NOW);
    expect(out.problems).toEqual([]);
    expect(out.draft).toEqual({
      accountId: 'acc-1',
      aoiId: 'aoi-1',
      provider: 'changguang',
      resolutionType: 2,
      start: '2026-04-01T10:00:00.000Z',
      end: '2026-05-01T10:00:00.000Z',
      recurrence: { every: 2, unit: 'week' },
      maxCloud: 20,
    });
    expect(out.summary).toEqual({ text: 'every 2 weeks from 2026-04-01 10:00 UTC to 2026-05-01 10:00 UTC: 3 acquisitions', acquisitions: 3 });
  });

  it('sends no cloud cover for SAR, and switching provider picks its own resolution', () => {
    const sar = withProvider(values(), 'tianyi');
    expect(sar).toMatchObject({ provider: 'tianyi', resolutionType: '5', maxCloud: '' });
    const out = buildProgrammingDraft(ctx, sar, NOW);
    expect(out.draft).toMatchObject({ provider: 'tianyi', resolutionType: 5, maxCloud: null, recurrence: null });
    expect(out.summary?.acquisitions).toBe(1);
    expect(withProvider(sar, 'changguang')).toMatchObject({ resolutionType: '2', maxCloud: '20' });
  });

  it('refuses a SAR resolution with Chang Guang and an optical one with Spacety', () => {
    const a = buildProgrammingDraft(ctx, values({ resolutionType: '4' }), NOW);
    expect(a.draft).toBeNull();
    expect(problemFor(a.problems, 'resolutionType')).toMatch(/^Spotlight \(SP\), 1 m is a SAR mode of Spacety/);
    const b = buildProgrammingDraft(ctx, values({ provider: 'tianyi', resolutionType: '1', maxCloud: '' }), NOW);
    expect(problemFor(b.problems, 'resolutionType')).toMatch(/^Super High, 0.3 m is an? optical mode of Chang Guang/);
  });

  it('refuses a window in the past, reversed or missing', () => {
    const past = buildProgrammingDraft(ctx, values({ start: local('2026-03-01T10:00:00Z') }), NOW);
    expect(problemFor(past.problems, 'start')).toMatch(/which is past/);
    const reversed = buildProgrammingDraft(ctx, values({ end: local('2026-03-20T10:00:00Z') }), NOW);
    expect(problemFor(reversed.problems, 'end')).toMatch(/before it starts/);
    expect(reversed.summary).toBeNull();
    const missing = buildProgrammingDraft(ctx, values({ end: '' }), NOW);
    expect(missing.problems).toEqual([{ field: 'end', message: 'Give the end of the window: a date and a time.' }]);
  });

  it('refuses a recurrence without its interval or unit, or out of range', () => {
    expect(problemFor(buildProgrammingDraft(ctx, values({ recurring: true, every: '' }), NOW).problems, 'recurrence.every')).toMatch(/needs its interval/);
    expect(problemFor(buildProgrammingDraft(ctx, values({ recurring: true, unit: '' }), NOW).problems, 'recurrence.unit')).toMatch(/needs its unit/);
    expect(problemFor(buildProgrammingDraft(ctx, values({ recurring: true, every: '60', unit: 'week' }), NOW).problems, 'recurrence.every')).toMatch(/1 to 52 weeks/);
    // Off: the interval typed is not sent.
    expect(buildProgrammingDraft(ctx, values({ recurring: false, every: '' }), NOW).draft?.recurrence).toBeNull();
  });

  it('refuses cloud cover outside 0–100; empty leaves the provider default', () => {
    expect(problemFor(buildProgrammingDraft(ctx, values({ maxCloud: '120' }), NOW).problems, 'maxCloud')).toMatch(/0 to 100; 120 is outside it/);
    expect(buildProgrammingDraft(ctx, values({ maxCloud: '' }), NOW).draft?.maxCloud).toBeNull();
  });

  it('says what is wrong with the AOI and how to repair it', () => {
    const none = buildProgrammingDraft({ accountId: 'acc-1', aoi: undefined }, values(), NOW);
    expect(problemFor(none.problems, 'aoiId')).toMatch(/Choose or draw an AOI/);
    const holed = aoi({ type: 'Polygon', coordinates: [ring, [[1.42, 43.58], [1.44, 43.58], [1.44, 43.6], [1.42, 43.58]]] });
    expect(problemFor(buildProgrammingDraft({ ...ctx, aoi: holed }, values(), NOW).problems, 'aoiId')).toMatch(/has a hole.*delete the hole rows/);
    const multi = aoi({ type: 'MultiPolygon', coordinates: [[ring], [ring]] });
    expect(problemFor(buildProgrammingDraft({ ...ctx, aoi: multi }, values(), NOW).problems, 'aoiId')).toMatch(/2 separate parts/);
    const bowtie = aoi({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] });
    expect(problemFor(buildProgrammingDraft({ ...ctx, aoi: bowtie }, values(), NOW).problems, 'aoiId')).toMatch(/crosses itself/);
  });
});

describe('helpers', () => {
  it('reads datetime-local text in the user time zone and back', () => {
    expect(fromLocalInput(toLocalInput(Date.parse('2026-04-01T10:00:00Z')))).toBe('2026-04-01T10:00:00.000Z');
    expect(fromLocalInput('')).toBeNull();
  });
  it('words a recurrence', () => {
    expect(recurrenceText(null)).toBe('Once');
    expect(recurrenceText({ every: 1, unit: 'day' })).toBe('Every day');
    expect(recurrenceText({ every: 3, unit: 'month' })).toBe('Every 3 months');
  });
});
