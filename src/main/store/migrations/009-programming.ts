import type { Migration } from './index';

/**
 * Origen programming orders. A row is written ('submitting') before the create POST, so a crash or a
 * dropped connection never loses an order that may exist; the provider's `orderNo` fills in when it
 * answers. The order keeps its domain shape as JSON (read back through the shared zod schema) and the
 * body exactly as sent; events are its dated status history, one row per change. Account ids carry
 * no foreign key, as in 004: history outlives a removed account.
 */
export const m009Programming: Migration = {
  version: 9,
  name: 'programming orders and their status history',
  up(db) {
    db.exec(`
      CREATE TABLE programming_orders (
        id           TEXT PRIMARY KEY,
        account_id   TEXT NOT NULL,
        order_number TEXT,            -- the provider's orderNo, null until it answered
        status       TEXT NOT NULL,
        json         TEXT NOT NULL,   -- ProgrammingOrder without events
        sent         TEXT NOT NULL,   -- the create body, byte for byte what went out
        raw          TEXT,            -- the provider's last reply about it, for audit
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX programming_orders_account ON programming_orders (account_id, created_at);
      CREATE UNIQUE INDEX programming_orders_number ON programming_orders (account_id, order_number) WHERE order_number IS NOT NULL;

      CREATE TABLE programming_events (
        id       INTEGER PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES programming_orders (id) ON DELETE CASCADE,
        status   TEXT NOT NULL,
        at       TEXT NOT NULL,
        note     TEXT
      ) STRICT;
      CREATE INDEX programming_events_order ON programming_events (order_id, id);
    `);
  },
};
