import { describe, expect, it } from 'vitest';
import type { Tasking, TaskingSegment } from '../../../../shared/domain/tasking';
import {
  asOfText,
  statusSince,
  formatArea,
  sortTaskings,
  isFinalStatus,
  lastStatusChange,
  periodText,
  progressLabel,
  progressPercent,
  progressShort,
  segmentLabel,
  segmentTone,
  sortSegments,
  statusChanges,
  taskingSummary,
} from './taskingText';

const tasking = (over: Partial<Tasking> = {}): Tasking => ({
  id: 'ICR_FC_1',
  accountId: 'a',
  contractId: 'c',
  salesOrderId: 'SO1',
  productTypeId: 'PleiadesTaskingOnePlan',
  mission: 'PLEIADES',
  programmingType: 'OnePlan',
  status: 'In Progress',
  period: { start: '2030-01-01T00:00:00Z', end: '2030-01-31T00:00:00Z' },
  customerReference: 'ref-1',
  orderedAreaKm2: 132,
  validatedAreaKm2: 55.4,
  progress: 0.42,
  proposedSegmentsCount: 0,
  totalSegmentsCount: 1,
  aoi: null,
  updatedAt: '2030-01-05T00:00:00Z',
  events: [{ status: 'In Progress', at: '2030-01-01T00:00:00Z', note: 'ordered' }],
  ...over,
});
const segment = (id: string, status: string, acquisitionDate: string | null): TaskingSegment => ({
  id,
  taskingId: 'ICR_FC_1',
  status,
  catalogId: null,
  acquisitionDate,
  incidenceAngle: 15.12,
  clearSkyRate: 88.8973,
  footprint: null,
  refusalReason: null,
  updatedAt: '2030-01-05T00:00:00Z',
  events: [],
});

describe('tasking progress', () => {
  it('floors the share so 100 % means all of it, and says when nothing was reported', () => {
    expect(progressPercent(0.996)).toBe(99);
    expect(progressPercent(1)).toBe(100);
    expect(progressPercent(1.2)).toBe(100);
    expect(progressPercent(-0.1)).toBe(0);
    expect(progressPercent(null)).toBeNull();
    expect(progressLabel(tasking())).toBe('Validated 42 % of 132 km²');
    expect(progressShort(tasking())).toBe('42 % of 132 km²');
    expect(progressShort(tasking({ progress: 0.004 }))).toBe('<1 % of 132 km²');
    expect(progressLabel(tasking({ progress: null, validatedAreaKm2: null }))).toBe('Validated area not reported yet (ordered 132 km²)');
    expect(progressLabel(tasking({ progress: null, validatedAreaKm2: 12.5, orderedAreaKm2: null }))).toBe('Validated 12.50 km²');
  });
});

describe('tasking words', () => {
  it('reads a OneDay window as one day with its times, longer periods as two days', () => {
    expect(periodText({ start: '2030-01-01T10:27:00Z', end: '2030-01-01T10:57:00Z' })).toBe('2030-01-01 10:27–10:57 UTC');
    expect(periodText({ start: '2030-01-01T00:00:00Z', end: '2030-01-31T00:00:00Z' })).toBe('2030-01-01 → 2030-01-31');
    expect(periodText({ start: '2030-01-01T00:00:00Z', end: null })).toBe('from 2030-01-01');
    expect(periodText({ start: null, end: null })).toBe('period not given');
  });

  it('summarises a row for screen readers, with what waits for the user', () => {
    expect(taskingSummary(tasking({ proposedSegmentsCount: 2 }))).toBe(
      'ICR_FC_1, OnePlan, In Progress, 2030-01-01 → 2030-01-31, Validated 42 % of 132 km², reference ref-1, 2 proposed segments wait for your decision',
    );
  });

  it('knows final statuses and the latest status change', () => {
    expect(['Completed', 'Canceled', 'Cancelled'].every(isFinalStatus)).toBe(true);
    expect(isFinalStatus('In Progress')).toBe(false);
    const events = [
      { status: 'Completed', at: '2030-01-09T00:00:00Z', note: null },
      { status: 'In Progress', at: '2030-01-01T00:00:00Z', note: null },
    ];
    expect(lastStatusChange(events)?.status).toBe('Completed');
    expect(lastStatusChange([])).toBeUndefined();
    expect(statusSince(tasking({ status: 'Completed', events }))).toBe('Completed since 2030-01-09 00:00 UTC');
    expect(statusSince(tasking({ status: 'Canceled', events }))).toBe('Canceled');
  });

  it('lists the status changes a refresh brought, dated', () => {
    const before = [tasking(), tasking({ id: 'ICR_FC_2' })];
    const after = [
      tasking({ status: 'Completed', events: [{ status: 'In Progress', at: '2030-01-01T00:00:00Z', note: null }, { status: 'Completed', at: '2030-01-09T08:00:00Z', note: null }] }),
      tasking({ id: 'ICR_FC_2' }),
      tasking({ id: 'ICR_FC_3' }),
    ];
    expect(statusChanges(before, after)).toEqual(['ICR_FC_1: In Progress → Completed (2030-01-09 08:00 UTC)']);
  });
});

describe('segments', () => {
  it('puts proposed ones first, then the latest acquisitions', () => {
    const sorted = sortSegments([segment('A', 'Validated', '2030-01-02T00:00:00Z'), segment('B', 'Proposed', '2030-01-01T00:00:00Z'), segment('C', 'Refused', '2030-01-03T00:00:00Z')]);
    expect(sorted.map((s) => s.id)).toEqual(['B', 'C', 'A']);
  });

  it('colours proposed as waiting and validated as done', () => {
    expect(segmentTone('Proposed')).toBe('warn');
    expect(segmentTone('Validated')).toBe('ok');
    expect(segmentTone('Refused')).toBe('error');
  });

  it('reads a segment with its date, angle, clear sky and the local refusal reason', () => {
    expect(segmentLabel({ ...segment('S1', 'Refused', '2030-01-02T10:41:00Z'), refusalReason: 'haze' })).toBe(
      'S1, Refused, 2030-01-02 10:41 UTC, incidence 15.1°, clear sky 89 %, refused because: haze',
    );
  });
});

describe('as of', () => {
  const now = Date.parse('2030-01-05T15:00:00Z');
  it('gives the time alone today, the date otherwise, and says when it is a stored copy', () => {
    expect(asOfText('2030-01-05T13:42:10Z', false, now)).toBe('As of 13:42 UTC');
    expect(asOfText('2030-01-03T13:42:10Z', true, now)).toBe('Stored copy as of 2030-01-03 13:42 UTC');
    expect(asOfText(null, false, now)).toBe('');
    expect(asOfText(null, true, now)).toBe('Stored copy, date unknown');
  });
});

describe('list order and areas', () => {
  it('keeps rows in place across refreshes: latest periods first, then id', () => {
    const a = tasking({ id: 'A', period: { start: '2030-01-01T00:00:00Z', end: null }, updatedAt: '2030-02-01T00:00:00Z' });
    const b = tasking({ id: 'B', period: { start: '2030-03-01T00:00:00Z', end: null }, updatedAt: '2030-01-01T00:00:00Z' });
    const c = tasking({ id: 'C', period: { start: '2030-03-01T00:00:00Z', end: null } });
    const d = tasking({ id: 'D', period: { start: null, end: null } });
    expect(sortTaskings([a, b, c, d]).map((t) => t.id)).toEqual(['C', 'B', 'A', 'D']);
  });

  it('writes nothing validated as 0 km²', () => {
    expect(formatArea(0)).toBe('0 km²');
    expect(formatArea(75.57)).toBe('75.57 km²');
    expect(formatArea(null)).toBe('—');
  });
});
