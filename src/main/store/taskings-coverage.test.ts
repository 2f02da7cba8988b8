import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './database';
import { MIGRATIONS } from './migrations/index';
import { createTaskingsRepo, type TaskingRow } from './taskings-repo';

const tasking = (id: string, status: string, at: string, validatedAreaKm2: number | null): TaskingRow => ({
  id,
  accountId: 'acc',
  contractId: 'CTR',
  salesOrderId: 'SAL1',
  productTypeId: 'PleiadesTaskingOneSeries',
  mission: 'PLEIADES',
  programmingType: 'OneSeries',
  status,
  period: { start: '2030-01-01T00:00:00Z', end: '2030-02-01T00:00:00Z' },
  customerReference: `ref-${id}`,
  orderedAreaKm2: 200,
  validatedAreaKm2,
  progress: validatedAreaKm2 === null ? null : validatedAreaKm2 / 200,
  proposedSegmentsCount: 0,
  totalSegmentsCount: 0,
  aoi: null,
  updatedAt: at,
});

describe('taskings repo: coverage history (migration 008)', () => {
  let dir: string;
  let db: Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-coverage-'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a dated point whenever the validated area changes, and none while it holds', () => {
    db = openDatabase(join(dir, 'db.sqlite'));
    const repo = createTaskingsRepo(db);
    repo.saveTasking(tasking('T1', 'In Progress', '2030-01-01T00:00:00Z', 0), {}, 'order-1', 'ordered');
    repo.saveTasking(tasking('T1', 'In Progress', '2030-01-02T00:00:00Z', 0), {});
    repo.saveTasking(tasking('T1', 'In Progress', '2030-01-05T00:00:00Z', 50), {});
    repo.saveTasking(tasking('T1', 'In Progress', '2030-01-06T00:00:00Z', 50), {});
    repo.saveTasking(tasking('T1', 'Completed', '2030-01-09T00:00:00Z', 200), {});
    repo.saveTasking(tasking('T2', 'In Progress', '2030-01-03T00:00:00Z', null), {});

    const t1 = repo.get('acc', 'T1')!;
    expect(t1.coverage).toEqual([
      { at: '2030-01-01T00:00:00Z', orderedAreaKm2: 200, validatedAreaKm2: 0, progress: 0 },
      { at: '2030-01-05T00:00:00Z', orderedAreaKm2: 200, validatedAreaKm2: 50, progress: 0.25 },
      { at: '2030-01-09T00:00:00Z', orderedAreaKm2: 200, validatedAreaKm2: 200, progress: 1 },
    ]);
    // Status events are untouched by coverage: status changes only.
    expect(t1.events.map((e) => e.status)).toEqual(['In Progress', 'Completed']);
    // The list carries each tasking's own history.
    const listed = repo.list('acc', 'CTR');
    expect(listed.find((t) => t.id === 'T2')?.coverage).toEqual([{ at: '2030-01-03T00:00:00Z', orderedAreaKm2: 200, validatedAreaKm2: null, progress: null }]);
    expect(listed.find((t) => t.id === 'T1')?.coverage).toHaveLength(3);
  });

  it('upgrading a version 7 database starts each stored tasking history with what was last read', () => {
    const file = join(dir, 'v7.sqlite');
    const v7 = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 7));
    expect(v7.pragma('user_version', { simple: true })).toBe(7);
    const row = tasking('T9', 'In Progress', '2030-01-04T00:00:00Z', 20);
    v7.prepare(
      `INSERT INTO taskings (account_id, tasking_id, contract_id, order_id, customer_reference, status, json, raw, updated_at)
       VALUES ('acc', 'T9', 'CTR', NULL, 'ref-T9', 'In Progress', ?, 'null', ?)`,
    ).run(JSON.stringify(row), row.updatedAt);
    v7.close();

    db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    const repo = createTaskingsRepo(db);
    expect(repo.get('acc', 'T9')?.coverage).toEqual([{ at: '2030-01-04T00:00:00Z', orderedAreaKm2: 200, validatedAreaKm2: 20, progress: 0.1 }]);
    // The next read that finds the same coverage adds nothing; a change adds a point.
    repo.saveTasking({ ...row, updatedAt: '2030-01-05T00:00:00Z' }, {});
    repo.saveTasking(tasking('T9', 'In Progress', '2030-01-06T00:00:00Z', 40), {});
    expect(repo.get('acc', 'T9')?.coverage?.map((p) => p.at)).toEqual(['2030-01-04T00:00:00Z', '2030-01-06T00:00:00Z']);
  });
});
