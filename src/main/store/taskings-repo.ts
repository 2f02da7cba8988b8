import type { Database } from 'better-sqlite3';
import type { Bbox } from '../../shared/geo/bbox';
import { bboxOfPositions } from '../../shared/geo/bbox';
import { TaskingSchema, TaskingSegmentSchema, type CoveragePoint, type Tasking, type TaskingSegment } from '../../shared/domain/tasking';

/**
 * Taskings and their segments as last read from the provider, each with a dated status history: an
 * event is written only when the status actually changes, so repeated refreshes of a steady tasking add
 * nothing. A segment's refusal reason is the user's, kept here only (the provider's refuse takes none).
 * Coverage (ordered and validated area) is kept the same way, a dated point whenever it changes
 * (migration 008), for the burn-up chart.
 */

export type TaskingRow = Omit<Tasking, 'events' | 'coverage'>;
export type SegmentRow = Omit<TaskingSegment, 'events' | 'refusalReason'>;

interface EventRow {
  key: string;
  status: string;
  at: string;
  note: string | null;
}

const TaskingRowSchema = TaskingSchema.omit({ events: true, coverage: true });
const SegmentRowSchema = TaskingSegmentSchema.omit({ events: true, refusalReason: true });

function bounds(s: SegmentRow): [number | null, number | null, number | null, number | null] {
  if (!s.footprint) return [null, null, null, null];
  const b = bboxOfPositions(s.footprint.coordinates.flat());
  return Number.isFinite(b.west) ? [b.west, b.south, b.east, b.north] : [null, null, null, null];
}

export function createTaskingsRepo(db: Database) {
  const statusOf = db.prepare<[string, string], string>('SELECT status FROM taskings WHERE account_id = ? AND tasking_id = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO taskings (account_id, tasking_id, contract_id, order_id, customer_reference, status, json, raw, updated_at)
     VALUES (@accountId, @id, @contractId, @orderId, @customerReference, @status, @json, @raw, @at)
     ON CONFLICT (account_id, tasking_id) DO UPDATE SET contract_id = excluded.contract_id,
       order_id = COALESCE(excluded.order_id, taskings.order_id), customer_reference = excluded.customer_reference,
       status = excluded.status, json = excluded.json, raw = excluded.raw, updated_at = excluded.updated_at`,
  );
  const addEvent = db.prepare('INSERT INTO tasking_events (account_id, tasking_id, status, at, note) VALUES (?, ?, ?, ?, ?)');
  const one = db.prepare<[string, string], { json: string; tasking_id: string }>('SELECT json, tasking_id FROM taskings WHERE account_id = ? AND tasking_id = ?');
  const byContract = db.prepare<[string, string], { json: string; tasking_id: string }>(
    'SELECT json, tasking_id FROM taskings WHERE account_id = ? AND contract_id = ? ORDER BY updated_at DESC, tasking_id DESC',
  );
  const byReference = db.prepare<[string, string], { json: string; tasking_id: string }>('SELECT json, tasking_id FROM taskings WHERE account_id = ? AND customer_reference = ?');
  const lastCoverage = db.prepare<[string, string], { ordered: number | null; validated: number | null; progress: number | null }>(
    'SELECT ordered_km2 AS ordered, validated_km2 AS validated, progress FROM tasking_coverage WHERE account_id = ? AND tasking_id = ? ORDER BY id DESC LIMIT 1',
  );
  const addCoverage = db.prepare('INSERT INTO tasking_coverage (account_id, tasking_id, at, ordered_km2, validated_km2, progress) VALUES (?, ?, ?, ?, ?, ?)');
  const coverageOf = db.prepare<[string, string], CoveragePoint & { key: string }>(
    `SELECT tasking_id AS key, at, ordered_km2 AS orderedAreaKm2, validated_km2 AS validatedAreaKm2, progress FROM tasking_coverage
     WHERE account_id = ? AND tasking_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  const eventsOf = db.prepare<[string, string], EventRow>(
    `SELECT tasking_id AS key, status, at, note FROM tasking_events
     WHERE account_id = ? AND tasking_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );

  const segStatus = db.prepare<[string, string, string], { id: number; status: string }>(
    'SELECT id, status FROM tasking_segments WHERE account_id = ? AND tasking_id = ? AND segment_id = ?',
  );
  const segInsert = db.prepare(
    `INSERT INTO tasking_segments (account_id, tasking_id, segment_id, status, min_lon, min_lat, max_lon, max_lat, json, raw, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const segUpdate = db.prepare('UPDATE tasking_segments SET status = ?, min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ?, json = ?, raw = ?, updated_at = ? WHERE id = ?');
  const segReason = db.prepare('UPDATE tasking_segments SET refusal_reason = ? WHERE id = ?');
  // The R*Tree row of a segment, rewritten with it (segments are never deleted on their own).
  const treeDelete = db.prepare('DELETE FROM tasking_segments_rtree WHERE id = ?');
  const treeInsert = db.prepare('INSERT INTO tasking_segments_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  const index = (id: number, [w, s, e, n]: ReturnType<typeof bounds>) => {
    treeDelete.run(id);
    if (w !== null && s !== null && e !== null && n !== null) treeInsert.run(id, w, e, s, n);
  };
  const segAddEvent = db.prepare('INSERT INTO tasking_segment_events (segment_row, status, at, note) VALUES (?, ?, ?, ?)');
  const segList = db.prepare<[string, string], { id: number; json: string; refusal_reason: string | null }>(
    'SELECT id, json, refusal_reason FROM tasking_segments WHERE account_id = ? AND tasking_id = ? ORDER BY id',
  );
  const segIn = db.prepare<[{ account: string; west: number; south: number; east: number; north: number; limit: number }], { id: number; json: string; refusal_reason: string | null }>(
    `SELECT s.id, s.json, s.refusal_reason FROM tasking_segments_rtree r JOIN tasking_segments s ON s.id = r.id
     WHERE r.max_lon >= @west AND r.min_lon <= @east AND r.max_lat >= @south AND r.min_lat <= @north AND s.account_id = @account
     ORDER BY s.id LIMIT @limit`,
  );
  const segEvents = db.prepare<[string], EventRow>(
    'SELECT CAST(segment_row AS TEXT) AS key, status, at, note FROM tasking_segment_events WHERE segment_row IN (SELECT value FROM json_each(?)) ORDER BY id',
  );

  const grouped = (rows: EventRow[]) => {
    const out = new Map<string, Tasking['events']>();
    for (const e of rows) out.set(e.key, [...(out.get(e.key) ?? []), { status: e.status, at: e.at, note: e.note }]);
    return out;
  };
  const taskingsOf = (accountId: string, rows: { json: string; tasking_id: string }[]): Tasking[] => {
    const ids = JSON.stringify(rows.map((r) => r.tasking_id));
    const events = grouped(eventsOf.all(accountId, ids));
    const coverage = new Map<string, CoveragePoint[]>();
    for (const { key, ...point } of coverageOf.all(accountId, ids)) coverage.set(key, [...(coverage.get(key) ?? []), point]);
    return rows.flatMap((r) => {
      const parsed = TaskingRowSchema.safeParse(JSON.parse(r.json));
      return parsed.success ? [{ ...parsed.data, events: events.get(r.tasking_id) ?? [], coverage: coverage.get(r.tasking_id) ?? [] }] : [];
    });
  };
  const segmentsOf = (rows: { id: number; json: string; refusal_reason: string | null }[]): TaskingSegment[] => {
    const events = grouped(segEvents.all(JSON.stringify(rows.map((r) => r.id))));
    return rows.flatMap((r) => {
      const parsed = SegmentRowSchema.safeParse(JSON.parse(r.json));
      return parsed.success ? [{ ...parsed.data, refusalReason: r.refusal_reason, events: events.get(String(r.id)) ?? [] }] : [];
    });
  };

  const saveTasking = db.transaction((t: TaskingRow, raw: unknown, orderId: string | null, note: string | null): boolean => {
    const before = statusOf.get(t.accountId, t.id);
    upsert.run({ ...t, orderId, json: JSON.stringify(t), raw: JSON.stringify(raw ?? null), at: t.updatedAt });
    const last = lastCoverage.get(t.accountId, t.id);
    if (!last || last.ordered !== t.orderedAreaKm2 || last.validated !== t.validatedAreaKm2 || last.progress !== t.progress) {
      addCoverage.run(t.accountId, t.id, t.updatedAt, t.orderedAreaKm2, t.validatedAreaKm2, t.progress);
    }
    if (before === t.status) return false;
    addEvent.run(t.accountId, t.id, t.status, t.updatedAt, note);
    return true;
  });

  const saveSegment = (accountId: string, s: SegmentRow, raw: unknown, note: string | null): number => {
    const before = segStatus.get(accountId, s.taskingId, s.id);
    const b = bounds(s);
    if (!before) {
      const id = Number(segInsert.run(accountId, s.taskingId, s.id, s.status, ...b, JSON.stringify(s), JSON.stringify(raw ?? null), s.updatedAt).lastInsertRowid);
      index(id, b);
      segAddEvent.run(id, s.status, s.updatedAt, note);
      return id;
    }
    segUpdate.run(s.status, ...b, JSON.stringify(s), JSON.stringify(raw ?? null), s.updatedAt, before.id);
    index(before.id, b);
    if (before.status !== s.status) segAddEvent.run(before.id, s.status, s.updatedAt, note);
    return before.id;
  };
  const saveSegments = db.transaction((accountId: string, list: { segment: SegmentRow; raw: unknown }[]) => {
    for (const { segment, raw } of list) saveSegment(accountId, segment, raw, null);
  });
  const decide = db.transaction((accountId: string, s: SegmentRow, raw: unknown, note: string | null, reason: string | null) => {
    const id = saveSegment(accountId, s, raw, note);
    if (reason !== null) segReason.run(reason, id);
  });

  return {
    /** Writes the tasking as read now (and its coverage when that moved); true when its status changed (an event was recorded). */
    saveTasking: (t: TaskingRow, raw: unknown, orderId: string | null = null, note: string | null = null): boolean => saveTasking(t, raw, orderId, note),
    get(accountId: string, taskingId: string): Tasking | undefined {
      const row = one.get(accountId, taskingId);
      return row ? taskingsOf(accountId, [row])[0] : undefined;
    },
    list: (accountId: string, contractId: string): Tasking[] => taskingsOf(accountId, byContract.all(accountId, contractId)),
    byReference: (accountId: string, customerReference: string): Tasking[] => taskingsOf(accountId, byReference.all(accountId, customerReference)),
    saveSegments: (accountId: string, list: { segment: SegmentRow; raw: unknown }[]): void => saveSegments(accountId, list),
    /** A decision on one segment, with the user's reason when refusing (kept locally only). */
    saveDecision: (accountId: string, s: SegmentRow, raw: unknown, note: string | null, reason: string | null): void => decide(accountId, s, raw, note, reason),
    segments: (accountId: string, taskingId: string): TaskingSegment[] => segmentsOf(segList.all(accountId, taskingId)),
    /** Stored segments whose footprint box meets `box` (an R*Tree walk), for drawing the map's view. */
    segmentsIn: (accountId: string, box: Bbox, limit = 10_000): TaskingSegment[] => segmentsOf(segIn.all({ account: accountId, ...box, limit })),
  };
}
export type TaskingsRepo = ReturnType<typeof createTaskingsRepo>;
