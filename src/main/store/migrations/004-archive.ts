import type { Migration } from './index';

/**
 * Archive procurement, kept whole so every screen that showed it online can show it offline.
 *
 * Account and AOI ids are stored without foreign keys on purpose: history must outlive a deleted
 * account or AOI, so the names and geometry it showed are copied (account_label, aoi_name, aoi_geometry).
 */
export const m004Archive: Migration = {
  version: 4,
  name: 'archive: provider cache, searches, scenes, quicklooks, quotes, quotations, orders',
  up(db) {
    db.exec(`
      -- Last good provider reads (contracts, product types, catalogue) for offline use.
      CREATE TABLE provider_cache (
        account_id TEXT NOT NULL,
        key        TEXT NOT NULL,
        json       TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (account_id, key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE searches (
        id            TEXT PRIMARY KEY,
        account_id    TEXT NOT NULL,
        account_label TEXT NOT NULL,
        provider      TEXT NOT NULL,   -- scenes are deduplicated per provider; appended pages need it
        aoi_id        TEXT NOT NULL,
        aoi_name      TEXT NOT NULL,
        aoi_geometry  TEXT NOT NULL,   -- GeoJSON, the AOI as it was when searched
        params        TEXT NOT NULL,   -- SearchParams JSON
        total_results INTEGER,
        result_count  INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX searches_created ON searches (created_at);

      -- One row per provider scene, however many searches returned it. The bounds duplicate the rtree
      -- (which stores rounded float32) so the index can be rebuilt and checked from this table alone.
      CREATE TABLE scenes (
        id              INTEGER PRIMARY KEY,
        provider        TEXT NOT NULL,
        scene_id        TEXT NOT NULL,
        source_id       TEXT NOT NULL,
        constellation   TEXT NOT NULL,
        satellite       TEXT NOT NULL,
        acquired_at     INTEGER NOT NULL,  -- ms since epoch, UTC
        cloud_cover     REAL,
        incidence_angle REAL,
        resolution_m    REAL,
        has_quicklook   INTEGER NOT NULL CHECK (has_quicklook IN (0, 1)),
        min_lon         REAL NOT NULL,
        min_lat         REAL NOT NULL,
        max_lon         REAL NOT NULL,
        max_lat         REAL NOT NULL,
        footprint       TEXT NOT NULL,     -- GeoJSON Polygon, EPSG:4326
        properties      TEXT NOT NULL,     -- every provider property, JSON
        UNIQUE (provider, scene_id)
      ) STRICT;

      -- Time is a third dimension so one tree walk answers "here and then": with a 2-D tree plus an
      -- index on acquired_at the planner must pick one and filter the other row by row (and, before
      -- ANALYZE, it picks the date index and scans years of scenes). Time is in units of 10 days so its
      -- extent is comparable to degrees: R* splits minimise area/margin over all dimensions, and in raw
      -- ms the tree would partition by time alone and answer spatial queries slowly. Measured on 1M
      -- scenes (country box, 1 year): 2-D + date index 13 ms, 3-D in ms-units city queries 10x slower,
      -- 3-D in 10-day units 3.7 ms. float32 bounds are rounded outwards, so queries re-check acquired_at.
      CREATE VIRTUAL TABLE scenes_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat, t_min, t_max);

      -- Triggers keep the index in step with the table whatever code writes scenes.
      CREATE TRIGGER scenes_rtree_insert AFTER INSERT ON scenes BEGIN
        INSERT INTO scenes_rtree VALUES (new.id, new.min_lon, new.max_lon, new.min_lat, new.max_lat,
          new.acquired_at / 864000000.0, new.acquired_at / 864000000.0);
      END;
      CREATE TRIGGER scenes_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat, acquired_at ON scenes
      WHEN old.min_lon IS NOT new.min_lon OR old.min_lat IS NOT new.min_lat OR old.max_lon IS NOT new.max_lon
        OR old.max_lat IS NOT new.max_lat OR old.acquired_at IS NOT new.acquired_at BEGIN
        UPDATE scenes_rtree SET min_lon = new.min_lon, max_lon = new.max_lon, min_lat = new.min_lat,
          max_lat = new.max_lat, t_min = new.acquired_at / 864000000.0, t_max = new.acquired_at / 864000000.0
        WHERE id = new.id;
      END;
      CREATE TRIGGER scenes_rtree_delete AFTER DELETE ON scenes BEGIN
        DELETE FROM scenes_rtree WHERE id = old.id;
      END;

      -- A search's ordered results. A scene appears once per search even if a later page repeats it.
      -- No index on scene_rowid alone: scenes are never deleted yet; add one before pruning scenes.
      CREATE TABLE search_results (
        search_id    TEXT NOT NULL REFERENCES searches (id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        scene_rowid  INTEGER NOT NULL REFERENCES scenes (id),
        aoi_coverage REAL,
        PRIMARY KEY (search_id, position),
        UNIQUE (search_id, scene_rowid)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE quicklooks (
        provider     TEXT NOT NULL,
        scene_id     TEXT NOT NULL,
        content_type TEXT NOT NULL,
        bytes        BLOB NOT NULL,
        fetched_at   TEXT NOT NULL,
        PRIMARY KEY (provider, scene_id)
      ) STRICT;

      CREATE TABLE price_quotes (
        id         TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        draft      TEXT NOT NULL,   -- OrderDraft JSON
        quote      TEXT NOT NULL,   -- PriceQuote JSON
        raw        TEXT NOT NULL,   -- provider reply, for audit
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX price_quotes_account ON price_quotes (account_id, created_at);

      CREATE TABLE quotations (
        quotation_id        TEXT PRIMARY KEY,
        account_id          TEXT NOT NULL,
        contract_id         TEXT NOT NULL,
        customer_reference  TEXT NOT NULL,
        status              TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'refused')),
        currency            TEXT NOT NULL,
        discount_percentage REAL NOT NULL,
        discount_value      REAL NOT NULL,
        total_amount        REAL NOT NULL,
        rejection_reason_id INTEGER CHECK (rejection_reason_id BETWEEN 1 AND 7),
        draft               TEXT NOT NULL,
        raw                 TEXT NOT NULL,
        pdf                 BLOB,
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX quotations_created ON quotations (created_at);

      -- Written with status 'submitting' before the provider is called, so a crash or an ambiguous
      -- failure leaves a row to reconcile by customer_reference instead of a second order.
      -- provider/kind/status are unchecked: tasking and programming orders will share this table.
      CREATE TABLE orders (
        id                 TEXT PRIMARY KEY,
        account_id         TEXT NOT NULL,
        provider           TEXT NOT NULL,
        kind               TEXT NOT NULL,
        contract_id        TEXT NOT NULL,
        customer_reference TEXT NOT NULL,
        sales_order_id     TEXT,
        quotation_id       TEXT,
        status             TEXT NOT NULL,
        currency           TEXT,
        total_amount       REAL,
        scene_ids          TEXT NOT NULL,   -- JSON array
        product_type_id    TEXT NOT NULL,
        request            TEXT NOT NULL,   -- what was (or is about to be) sent, JSON
        response           TEXT,            -- provider reply or error, JSON
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        UNIQUE (account_id, customer_reference)
      ) STRICT;
      CREATE INDEX orders_created ON orders (created_at);
      CREATE INDEX orders_status ON orders (status);

      CREATE TABLE order_events (
        id       INTEGER PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        status   TEXT NOT NULL,
        at       TEXT NOT NULL,
        note     TEXT
      ) STRICT;
      CREATE INDEX order_events_order ON order_events (order_id, id);
    `);
  },
};
