import type { Database } from 'better-sqlite3';
import { ORDER_FAILED, ORDER_SUBMITTING, type Order } from '../../shared/domain/archive';

export interface NewOrder {
  id: string;
  accountId: string;
  provider: Order['provider'];
  kind: Order['kind'];
  contractId: string;
  customerReference: string;
  sceneIds: string[];
  productTypeId: string;
  /** Exactly what is about to be sent, for audit and for reconciling. */
  request: unknown;
  at: string;
}

export interface PlacedOrder {
  salesOrderId: string | null;
  quotationId: string | null;
  status: string;
  currency: string | null;
  totalAmount: number | null;
  response: unknown;
  at: string;
}

/** The account already has a live (or unsettled) order with this customer reference: reconcile, do not resend. */
export class CustomerReferenceTakenError extends Error {
  constructor(readonly existing: Order) {
    super(`An order with customer reference "${existing.customerReference}" already exists (status ${existing.status}).`);
    this.name = 'CustomerReferenceTakenError';
  }
}

interface Row {
  id: string;
  account_id: string;
  provider: Order['provider'];
  kind: Order['kind'];
  contract_id: string;
  customer_reference: string;
  sales_order_id: string | null;
  quotation_id: string | null;
  status: string;
  currency: string | null;
  total_amount: number | null;
  scene_ids: string;
  product_type_id: string;
  created_at: string;
  updated_at: string;
}
interface EventRow {
  order_id: string;
  status: string;
  at: string;
  note: string | null;
}

const COLUMNS = `id, account_id, provider, kind, contract_id, customer_reference, sales_order_id, quotation_id, status,
  currency, total_amount, scene_ids, product_type_id, created_at, updated_at`;

const toOrder = (r: Row, events: EventRow[]): Order => ({
  id: r.id,
  accountId: r.account_id,
  provider: r.provider,
  kind: r.kind,
  contractId: r.contract_id,
  customerReference: r.customer_reference,
  salesOrderId: r.sales_order_id,
  quotationId: r.quotation_id,
  status: r.status,
  currency: r.currency,
  totalAmount: r.total_amount,
  sceneIds: JSON.parse(r.scene_ids) as string[],
  productTypeId: r.product_type_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  events: events.map((e) => ({ status: e.status, at: e.at, note: e.note })),
});

export function createOrdersRepo(db: Database) {
  const insert = db.prepare(
    `INSERT INTO orders (id, account_id, provider, kind, contract_id, customer_reference, status, scene_ids,
       product_type_id, request, created_at, updated_at)
     VALUES (@id, @accountId, @provider, @kind, @contractId, @customerReference, '${ORDER_SUBMITTING}', @sceneIds,
       @productTypeId, @request, @at, @at)`,
  );
  // A failed attempt's row is reused by the retry: its events keep the history of both attempts.
  const resubmit = db.prepare(
    `UPDATE orders SET provider = @provider, kind = @kind, contract_id = @contractId, sales_order_id = NULL,
       quotation_id = NULL, status = '${ORDER_SUBMITTING}', currency = NULL, total_amount = NULL, scene_ids = @sceneIds,
       product_type_id = @productTypeId, request = @request, response = NULL, created_at = @at, updated_at = @at
     WHERE id = @id`,
  );
  const placed = db.prepare(
    `UPDATE orders SET sales_order_id = @salesOrderId, quotation_id = @quotationId, currency = @currency,
       total_amount = @totalAmount, response = @response, updated_at = @at WHERE id = @id`,
  );
  const setResponse = db.prepare<[string, string, string]>('UPDATE orders SET response = ?, updated_at = ? WHERE id = ?');
  const setStatus = db.prepare<[string, string, string]>('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?');
  const addEvent = db.prepare<[string, string, string, string | null]>('INSERT INTO order_events (order_id, status, at, note) VALUES (?, ?, ?, ?)');
  const statusOf = db.prepare<[string], string>('SELECT status FROM orders WHERE id = ?').pluck();
  const one = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM orders WHERE id = ?`);
  const byRef = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM orders WHERE account_id = ? AND customer_reference = ?`);
  const list = db.prepare<[{ account: string | null; limit: number }], Row>(
    `SELECT ${COLUMNS} FROM orders WHERE @account IS NULL OR account_id = @account
     ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
  );
  const unsettled = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM orders WHERE status = '${ORDER_SUBMITTING}' ORDER BY created_at`);
  const eventsOf = db.prepare<[string], EventRow>(
    'SELECT order_id, status, at, note FROM order_events WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const payloads = db.prepare<[string], { request: string; response: string | null }>('SELECT request, response FROM orders WHERE id = ?');

  /** Orders with their events, in one events query however many orders. */
  const withEvents = (rows: Row[]): Order[] => {
    const events = new Map<string, EventRow[]>();
    for (const e of eventsOf.all(JSON.stringify(rows.map((r) => r.id)))) {
      const list = events.get(e.order_id) ?? [];
      list.push(e);
      events.set(e.order_id, list);
    }
    return rows.map((r) => toOrder(r, events.get(r.id) ?? []));
  };
  const get = (id: string): Order | undefined => {
    const row = one.get(id);
    return row && withEvents([row])[0];
  };
  /** An event only when the status actually changes: repeated polls of a steady status add nothing. */
  const changeStatus = (id: string, status: string, at: string, note: string | null): boolean => {
    const current = statusOf.get(id);
    if (current === undefined || current === status) return false;
    setStatus.run(status, at, id);
    addEvent.run(id, status, at, note);
    return true;
  };

  const create = db.transaction((o: NewOrder): string => {
    const existing = byRef.get(o.accountId, o.customerReference);
    const params = { ...o, sceneIds: JSON.stringify(o.sceneIds), request: JSON.stringify(o.request ?? null) };
    if (existing && existing.status !== ORDER_FAILED) throw new CustomerReferenceTakenError(withEvents([existing])[0] as Order);
    if (existing) {
      resubmit.run({ ...params, id: existing.id });
      addEvent.run(existing.id, ORDER_SUBMITTING, o.at, 'resubmitted after a failed attempt');
      return existing.id;
    }
    insert.run(params);
    addEvent.run(o.id, ORDER_SUBMITTING, o.at, null);
    return o.id;
  });
  const markPlaced = db.transaction((id: string, p: PlacedOrder): boolean => {
    if (placed.run({ ...p, id, response: JSON.stringify(p.response ?? null) }).changes === 0) return false;
    changeStatus(id, p.status, p.at, null);
    return true;
  });
  const markFailed = db.transaction((id: string, at: string, note: string, response: unknown): boolean => {
    if (setResponse.run(JSON.stringify(response ?? null), at, id).changes === 0) return false;
    changeStatus(id, ORDER_FAILED, at, note);
    return true;
  });

  const setStatusTx = db.transaction(changeStatus);

  return {
    /**
     * Records the order as 'submitting' before the provider is called. Returns the stored order: when a
     * failed attempt with the same reference exists, that row is reused and keeps its id (use the
     * returned id, not the one passed). Throws CustomerReferenceTakenError for any other existing order.
     */
    createSubmitting(o: NewOrder): Order {
      return get(create(o)) as Order;
    },
    markPlaced: (id: string, p: PlacedOrder): Order | undefined => (markPlaced(id, p) ? get(id) : undefined),
    /**
     * Only for a definite refusal. The row is kept (status 'failed', the provider's error as response)
     * rather than deleted: the history shows what was tried and why it failed, and the reference stays
     * usable because createSubmitting reuses a failed row. An ambiguous failure stays 'submitting'.
     */
    markFailed: (id: string, at: string, note: string, response: unknown = null): Order | undefined =>
      markFailed(id, at, note, response) ? get(id) : undefined,
    /** True when the status changed (and an event was recorded). */
    setStatus: (id: string, status: string, at: string, note: string | null = null): boolean => setStatusTx(id, status, at, note),
    get,
    findByReference(accountId: string, customerReference: string): Order | undefined {
      const row = byRef.get(accountId, customerReference);
      return row && withEvents([row])[0];
    },
    /** Newest first, with events; all accounts unless one is given. */
    list: (limit = 100, accountId: string | null = null): Order[] => withEvents(list.all({ account: accountId, limit })),
    /** Orders left 'submitting' (crash, timeout, dropped connection), oldest first, to reconcile. */
    listUnsettled: (): Order[] => withEvents(unsettled.all()),
    /** The request sent and the provider's reply, for the audit view. */
    payloads(id: string): { request: unknown; response: unknown } | undefined {
      const row = payloads.get(id);
      return row && { request: JSON.parse(row.request) as unknown, response: row.response === null ? null : (JSON.parse(row.response) as unknown) };
    },
  };
}
export type OrdersRepo = ReturnType<typeof createOrdersRepo>;
