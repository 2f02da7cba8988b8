import type { Migration } from './index';

/**
 * One Tasking: what was asked (feasibility answers, attempts with their signed segment keys and order
 * deadlines, prices) and what was ordered (taskings and their segments, each with a dated status
 * history). Tasking orders themselves are rows of `orders` (kind 'tasking'), so the submit-once rule and
 * the Orders list cover them like archive orders.
 *
 * Each row keeps the domain shape as JSON (read back through the shared zod schema, so a row an older
 * version wrote that no longer fits is dropped, not trusted) and the provider's raw reply for audit;
 * the columns are what queries filter and sort on. Account ids carry no foreign key, as in 004: history
 * outlives a removed account.
 */
export const m007Tasking: Migration = {
  version: 7,
  name: 'tasking: feasibilities, attempts, prices, taskings, segments and their status history',
  up(db) {
    db.exec(`
      CREATE TABLE tasking_feasibilities (
        id              TEXT PRIMARY KEY,
        account_id      TEXT NOT NULL,
        contract_id     TEXT NOT NULL,
        product_type_id TEXT NOT NULL,
        json            TEXT NOT NULL,   -- Feasibility
        raw             TEXT NOT NULL,
        created_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE tasking_attempt_sets (
        id              TEXT PRIMARY KEY,
        account_id      TEXT NOT NULL,
        contract_id     TEXT NOT NULL,
        product_type_id TEXT NOT NULL,
        json            TEXT NOT NULL,   -- AttemptSet without its attempts
        raw             TEXT NOT NULL,
        created_at      TEXT NOT NULL
      ) STRICT;

      -- segment_key is the provider's string byte for byte (it is signed); order_deadline is when it
      -- stops being orderable, checked before anything is sent.
      CREATE TABLE tasking_attempts (
        id             TEXT PRIMARY KEY,
        set_id         TEXT NOT NULL REFERENCES tasking_attempt_sets (id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        segment_id     TEXT NOT NULL,
        segment_key    TEXT NOT NULL,
        order_deadline TEXT NOT NULL,
        json           TEXT NOT NULL,   -- Attempt
        UNIQUE (set_id, position)
      ) STRICT;

      CREATE TABLE tasking_prices (
        id         TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        draft      TEXT NOT NULL,   -- TaskingDraft JSON
        price      TEXT NOT NULL,   -- TaskingPrice JSON
        raw        TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE taskings (
        account_id         TEXT NOT NULL,
        tasking_id         TEXT NOT NULL,
        contract_id        TEXT NOT NULL,
        order_id           TEXT,            -- the local orders row, when ordered from this app
        customer_reference TEXT,
        status             TEXT NOT NULL,
        json               TEXT NOT NULL,   -- Tasking without events
        raw                TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        PRIMARY KEY (account_id, tasking_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX taskings_contract ON taskings (account_id, contract_id);
      CREATE INDEX taskings_reference ON taskings (account_id, customer_reference);

      CREATE TABLE tasking_events (
        id         INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        tasking_id TEXT NOT NULL,
        status     TEXT NOT NULL,
        at         TEXT NOT NULL,
        note       TEXT,
        FOREIGN KEY (account_id, tasking_id) REFERENCES taskings (account_id, tasking_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX tasking_events_tasking ON tasking_events (account_id, tasking_id, id);

      -- Footprint bounds as columns and in an R*Tree, so the map asks "segments in this view" without
      -- reading every footprint (10,000 stored segments draw from an index walk). Null bounds: no footprint.
      -- The tasking repo keeps the tree in step (one writer, in its transactions), not triggers.
      CREATE TABLE tasking_segments (
        id             INTEGER PRIMARY KEY,
        account_id     TEXT NOT NULL,
        tasking_id     TEXT NOT NULL,
        segment_id     TEXT NOT NULL,
        status         TEXT NOT NULL,
        refusal_reason TEXT,
        min_lon        REAL,
        min_lat        REAL,
        max_lon        REAL,
        max_lat        REAL,
        json           TEXT NOT NULL,   -- TaskingSegment without events and refusal reason
        raw            TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        UNIQUE (account_id, tasking_id, segment_id),
        FOREIGN KEY (account_id, tasking_id) REFERENCES taskings (account_id, tasking_id) ON DELETE CASCADE
      ) STRICT;
      CREATE VIRTUAL TABLE tasking_segments_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);

      CREATE TABLE tasking_segment_events (
        id          INTEGER PRIMARY KEY,
        segment_row INTEGER NOT NULL REFERENCES tasking_segments (id) ON DELETE CASCADE,
        status      TEXT NOT NULL,
        at          TEXT NOT NULL,
        note        TEXT
      ) STRICT;
      CREATE INDEX tasking_segment_events_segment ON tasking_segment_events (segment_row, id);
    `);
  },
};
