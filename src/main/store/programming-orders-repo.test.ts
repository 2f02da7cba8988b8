import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from './archive-test-fixtures';
import { openDatabase } from './database';
import { createProgrammingOrdersRepo, type ProgrammingOrdersRepo } from './programming-orders-repo';

let t: ReturnType<typeof tempDatabase>;
let repo: ProgrammingOrdersRepo;
beforeEach(() => {
  t = tempDatabase();
  repo = createProgrammingOrdersRepo(t.db);
});
afterEach(() => t.cleanup());

const row = (id: string, createdAt = '2026-01-01T10:00:00.000Z') => ({
  id,
  accountId: 'acc-1',
  provider: 'changguang' as const,
  resolutionType: 2,
  window: { start: '2026-02-01T00:00:00.000Z', end: '2026-02-10T00:00:00.000Z' },
  recurrence: { every: 2, unit: 'day' as const },
  maxCloud: 20,
  aoi: { id: 'aoi-1', name: 'Field', areaKm2: 12.5, geometry: { type: 'Polygon' as const, coordinates: [[[1, 1], [2, 1], [2, 2], [1, 1]] as [number, number][]] } },
  sent: { provider: 'changguang', geometry: 'POLYGON ((1 1, 2 1, 2 2, 1 1))' },
  createdAt,
  updatedAt: createdAt,
});

describe('programming orders repo', () => {
  it('stores an order before it is sent, then its number and each status change once, with its date', () => {
    const o = repo.createSubmitting(row('a'));
    expect(o).toMatchObject({ status: 'submitting', orderNumber: null, events: [{ status: 'submitting', at: '2026-01-01T10:00:00.000Z' }] });
    repo.record('a', { orderNumber: 'PROG_1', status: 'pending' }, '2026-01-01T10:00:01.000Z', 'created', { code: 200 });
    const history = [
      { status: 'pending', at: '2026-01-01T10:00:00.000Z' },
      { status: 'acquisition_analysis', at: '2026-01-01T11:00:00.000Z' },
      { status: 'imaging_pending', at: '2026-01-01T14:00:00.000Z' },
    ];
    expect(repo.observe('a', { status: 'imaging_pending', statusName: 'Imaging pending', history, message: null, imagingTime: null }, {}, '2026-01-02T00:00:00.000Z')).toBe(true);
    // The same answer again changes nothing.
    expect(repo.observe('a', { status: 'imaging_pending', statusName: 'Imaging pending', history, message: null, imagingTime: null }, {}, '2026-01-03T00:00:00.000Z')).toBe(false);
    const got = repo.byNumber('acc-1', 'PROG_1')!;
    expect(got.events.map((e) => [e.status, e.at])).toEqual([
      ['submitting', '2026-01-01T10:00:00.000Z'],
      ['pending', '2026-01-01T10:00:01.000Z'],
      ['acquisition_analysis', '2026-01-01T11:00:00.000Z'],
      ['imaging_pending', '2026-01-01T14:00:00.000Z'],
    ]);
    expect(got).toMatchObject({ status: 'imaging_pending', statusName: 'Imaging pending', updatedAt: '2026-01-02T00:00:00.000Z' });
  });

  it('lists an account newest first and keeps them across a reopen (offline browsing)', () => {
    repo.createSubmitting(row('old', '2026-01-01T10:00:00.000Z'));
    repo.createSubmitting(row('new', '2026-01-02T10:00:00.000Z'));
    repo.record('old', { status: 'unconfirmed', message: 'no answer' }, '2026-01-01T10:01:00.000Z');
    t.db.close();
    const again = createProgrammingOrdersRepo(openDatabase(t.file));
    expect(again.list('acc-1').map((o) => [o.id, o.status])).toEqual([
      ['new', 'submitting'],
      ['old', 'unconfirmed'],
    ]);
    expect(again.list('acc-2')).toEqual([]);
  });
});
