import { describe, expect, it } from 'vitest';
import type { TaskingProductType } from './tasking';
import { deadlineProblem, minimumAreaSentence, notificationThresholdProblem, orderDeclarationProblems, periodProblem } from './tasking-rules';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;
const fields = { start: 'start', end: 'end' };
const offer = (mission: string, progType: TaskingProductType['progType'], min: number): TaskingProductType => ({ productTypeId: mission + progType, label: `${mission} ${progType}`, mission, progType, minimumOrderAreaKm2: min, resolutionM: null });

describe('tasking rules shared by the form and main', () => {
  it('takes a start earlier today as "from now" but refuses a period in the past or reversed', () => {
    expect(periodProblem(iso(NOW - 3_600_000), null, NOW, fields)).toBeNull();
    expect(periodProblem(iso(NOW - 2 * DAY), null, NOW, fields)).toMatchObject({ field: 'start' });
    expect(periodProblem(iso(NOW + DAY), iso(NOW + 2 * DAY), NOW, fields)).toBeNull();
    expect(periodProblem(iso(NOW + 2 * DAY), iso(NOW + DAY), NOW, fields)).toMatchObject({ field: 'end', message: expect.stringContaining('before it starts') });
    expect(periodProblem(iso(NOW - 3 * DAY), iso(NOW - DAY), NOW, fields)).toMatchObject({ field: 'end', message: expect.stringContaining('past') });
    expect(periodProblem('soon', null, NOW, fields)).toMatchObject({ field: 'start' });
  });

  it('names a smaller offer only where the AOI is large enough for it', () => {
    const phr = offer('PLEIADES', 'ONEDAY', 100);
    expect(minimumAreaSentence(24.5, phr, [phr, offer('SPOT', 'ONEDAY', 500)])).toBe('The AOI is 24.5 km², this product needs 100 km²: enlarge it.');
    expect(minimumAreaSentence(24.5, phr, [phr, offer('SPOT', 'ONEDAY', 20)])).toBe('The AOI is 24.5 km², this product needs 100 km²: enlarge it or choose SPOT.');
  });

  it('checks the threshold, the market and the e-mails', () => {
    expect(notificationThresholdProblem(null, 20)).toBeNull();
    expect(notificationThresholdProblem(50, 20)).toBeNull();
    expect(notificationThresholdProblem(10, 20)).toMatchObject({ field: 'notificationThreshold' });
    expect(orderDeclarationProblems(' ', ['x']).map((p) => p.field)).toEqual(['primaryMarket', 'notificationEmails']);
    expect(orderDeclarationProblems('NQUAL', ['a@b.fr'])).toEqual([]);
  });

  it('refuses an attempt past its order deadline with the dates', () => {
    const a = { acquisitionStart: iso(NOW + 8 * 3_600_000), orderDeadline: iso(NOW - 60_000) };
    expect(deadlineProblem(a, NOW)!.message).toBe('The acquisition of 2026-12-03 18:00 UTC could be ordered until 2026-12-03 09:59 UTC; that deadline has passed. Ask for attempts again and choose another.');
    expect(deadlineProblem({ ...a, orderDeadline: iso(NOW + 60_000) }, NOW)).toBeNull();
  });
});
