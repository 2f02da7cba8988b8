import type { Database } from 'better-sqlite3';
import { PROGRAMMING_SUBMITTING, ProgrammingOrderSchema, type ProgrammingOrder } from '../../shared/domain/programming';

/**
 * Origen programming orders (migration 009) with their dated status history. An event is written only
 * when the status changes, so refreshing a steady order adds nothing; statuses the provider reports
 * with their own dates are recorded at those dates, the others at the moment they were seen.
 */

export type ProgrammingRow = Omit<ProgrammingOrder, 'events'>;
type Patch = Partial<Pick<ProgrammingRow, 'orderNumber' | 'status' | 'statusName' | 'message' | 'imagingTime'>>;

/** What the provider's service says about an order now (its list/detail extension). */
export interface Observed {
  status: string;
  statusName: string | null;
  /** Statuses reached with their dates, oldest first. */
  history: { status: string; at: string }[];
  message: string | null;
  imagingTime: string | null;
}

const RowSchema = ProgrammingOrderSchema.omit({ events: true });

export function createProgrammingOrdersRepo(db: Database) {
  const insert = db.prepare(
    'INSERT INTO programming_orders (id, account_id, order_number, status, json, sent, raw, created_at, updated_at) VALUES (@id, @accountId, @orderNumber, @status, @json, @sent, NULL, @createdAt, @updatedAt)',
  );
  const update = db.prepare('UPDATE programming_orders SET order_number = ?, status = ?, json = ?, raw = COALESCE(?, raw), updated_at = ? WHERE id = ?');
  const addEvent = db.prepare('INSERT INTO programming_events (order_id, status, at, note) VALUES (?, ?, ?, ?)');
  const one = db.prepare<[string], { id: string; json: string }>('SELECT id, json FROM programming_orders WHERE id = ?');
  const byAccount = db.prepare<[string], { id: string; json: string }>('SELECT id, json FROM programming_orders WHERE account_id = ? ORDER BY created_at DESC, id DESC');
  const byNumber = db.prepare<[string, string], { id: string; json: string }>('SELECT id, json FROM programming_orders WHERE account_id = ? AND order_number = ?');
  const eventsOf = db.prepare<[string], { key: string; status: string; at: string; note: string | null }>(
    'SELECT order_id AS key, status, at, note FROM programming_events WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );

  const read = (rows: { id: string; json: string }[]): ProgrammingOrder[] => {
    const events = new Map<string, ProgrammingOrder['events']>();
    for (const e of eventsOf.all(JSON.stringify(rows.map((r) => r.id)))) events.set(e.key, [...(events.get(e.key) ?? []), { status: e.status, at: e.at, note: e.note }]);
    // A row an older version wrote that no longer fits the schema is dropped, not trusted.
    return rows.flatMap((r) => {
      const parsed = RowSchema.safeParse(JSON.parse(r.json));
      return parsed.success ? [{ ...parsed.data, events: events.get(r.id) ?? [] }] : [];
    });
  };
  const get = (id: string): ProgrammingOrder | undefined => {
    const row = one.get(id);
    return row ? read([row])[0] : undefined;
  };
  const write = (before: ProgrammingOrder, patch: Patch, at: string, raw: unknown): ProgrammingRow => {
    const { events: _events, ...rest } = before;
    const next: ProgrammingRow = { ...rest, ...patch, updatedAt: at };
    update.run(next.orderNumber, next.status, JSON.stringify(next), raw === undefined ? null : JSON.stringify(raw), at, before.id);
    return next;
  };

  const record = db.transaction((id: string, patch: Patch, at: string, note: string | null, raw: unknown): ProgrammingOrder | undefined => {
    const before = get(id);
    if (!before) return undefined;
    const next = write(before, patch, at, raw);
    if (next.status !== before.status) addEvent.run(id, next.status, at, note);
    return get(id);
  });

  const observe = db.transaction((id: string, o: Observed, raw: unknown, seenAt: string): boolean => {
    const before = get(id);
    if (!before) return false;
    const known = new Set(before.events.map((e) => e.status));
    let changed = false;
    // Steps passed between two refreshes are kept too, each at the date the service gives it.
    for (const step of o.history) {
      if (known.has(step.status)) continue;
      addEvent.run(id, step.status, step.at, 'reported by the service');
      known.add(step.status);
      changed = true;
    }
    if (o.status !== before.status && !known.has(o.status)) {
      addEvent.run(id, o.status, seenAt, 'seen on refresh');
      changed = true;
    }
    changed ||= o.status !== before.status;
    write(before, { status: o.status, statusName: o.statusName, message: o.message ?? before.message, imagingTime: o.imagingTime }, changed ? seenAt : before.updatedAt, raw);
    return changed;
  });

  return {
    /** The order as it is about to be sent: stored first, so nothing that may exist is ever lost. */
    createSubmitting(row: Omit<ProgrammingRow, 'status' | 'orderNumber' | 'statusName' | 'message' | 'imagingTime'>): ProgrammingOrder {
      const full: ProgrammingRow = { ...row, orderNumber: null, status: PROGRAMMING_SUBMITTING, statusName: null, message: null, imagingTime: null };
      db.transaction(() => {
        insert.run({ ...full, json: JSON.stringify(full), sent: JSON.stringify(full.sent) });
        addEvent.run(full.id, full.status, full.createdAt, null);
      })();
      return get(full.id)!;
    },
    /** A local change (placed, refused, unconfirmed…); an event when the status moves. */
    record: (id: string, patch: Patch, at: string, note: string | null = null, raw?: unknown): ProgrammingOrder | undefined => record(id, patch, at, note, raw),
    /** What the provider's service says now; true when the status moved (events recorded with their dates). */
    observe: (id: string, o: Observed, raw: unknown, seenAt: string): boolean => observe(id, o, raw, seenAt),
    get,
    list: (accountId: string): ProgrammingOrder[] => read(byAccount.all(accountId)),
    byNumber(accountId: string, orderNumber: string): ProgrammingOrder | undefined {
      const row = byNumber.get(accountId, orderNumber);
      return row ? read([row])[0] : undefined;
    },
  };
}
export type ProgrammingOrdersRepo = ReturnType<typeof createProgrammingOrdersRepo>;
