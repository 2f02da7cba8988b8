import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './database';
import { createTaskingsRepo, type TaskingRow } from './taskings-repo';

const tasking = (id: string, status: string, at: string): TaskingRow => ({
  id,
  accountId: 'acc',
  contractId: 'CTR',
  salesOrderId: 'SAL1',
  productTypeId: 'PleiadesTaskingOnePlan',
  mission: 'PLEIADES',
  programmingType: 'OnePlan',
  status,
  period: { start: '2030-01-01T00:00:00Z', end: '2030-02-01T00:00:00Z' },
  customerReference: `ref-${id}`,
  orderedAreaKm2: 100,
  validatedAreaKm2: 0,
  progress: 0,
  proposedSegmentsCount: 0,
  totalSegmentsCount: 0,
  aoi: null,
  updatedAt: at,
});
const box = (lon: number, lat: number) => ({ type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]] as [number, number][]] });

describe('taskings repo (migration 007)', () => {
  let dir: string;
  let db: Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-taskings-'));
    db = openDatabase(join(dir, 'db.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a status event only when the status changes', () => {
    const repo = createTaskingsRepo(db);
    expect(repo.saveTasking(tasking('T1', 'In Progress', '2030-01-01T00:00:00Z'), {}, 'order-1', 'ordered')).toBe(true);
    expect(repo.saveTasking(tasking('T1', 'In Progress', '2030-01-02T00:00:00Z'), {})).toBe(false);
    expect(repo.saveTasking(tasking('T1', 'Completed', '2030-01-03T00:00:00Z'), {})).toBe(true);
    expect(repo.get('acc', 'T1')?.events).toEqual([
      { status: 'In Progress', at: '2030-01-01T00:00:00Z', note: 'ordered' },
      { status: 'Completed', at: '2030-01-03T00:00:00Z', note: null },
    ]);
    expect(repo.byReference('acc', 'ref-T1')).toHaveLength(1);
  });

  it('keeps segment history and the local refusal reason; finds 10,000 segments by box through the R*Tree', () => {
    const repo = createTaskingsRepo(db);
    repo.saveTasking(tasking('T1', 'In Progress', '2030-01-01T00:00:00Z'), {});
    const seg = (i: number, status: string) => ({
      id: `S${i}`,
      taskingId: 'T1',
      status,
      catalogId: null,
      acquisitionDate: null,
      incidenceAngle: 10,
      clearSkyRate: 90,
      footprint: box((i % 100) - 50, Math.floor(i / 100) - 50),
      updatedAt: '2030-01-02T00:00:00Z',
    });
    repo.saveSegments('acc', Array.from({ length: 10_000 }, (_, i) => ({ segment: seg(i, 'Proposed'), raw: {} })));
    repo.saveDecision('acc', { ...seg(5, 'Refused'), updatedAt: '2030-01-03T00:00:00Z' }, {}, 'refused by the user', 'clouds');
    const s5 = repo.segments('acc', 'T1').find((s) => s.id === 'S5')!;
    expect(s5).toMatchObject({ status: 'Refused', refusalReason: 'clouds' });
    expect(s5.events.map((e) => e.status)).toEqual(['Proposed', 'Refused']);

    const inView = repo.segmentsIn('acc', { west: -0.05, south: -0.05, east: 1.05, north: 1.05 });
    expect(inView.map((s) => s.id).sort()).toEqual(['S5050', 'S5051', 'S5150', 'S5151']);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT s.id FROM tasking_segments_rtree r JOIN tasking_segments s ON s.id = r.id WHERE r.max_lon >= 0 AND r.min_lon <= 1 AND r.max_lat >= 0 AND r.min_lat <= 1")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
