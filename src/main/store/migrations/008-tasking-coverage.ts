import type { Migration } from './index';

/**
 * A tasking's coverage over time, for the burn-up chart: one row whenever the ordered or validated
 * area read from the provider differs from the last row kept (so a steady tasking adds nothing on
 * refresh). Status events (007) stay what they were: status changes only.
 *
 * Taskings stored before this version get one row with what was last read, dated when it was read:
 * the history starts there rather than being made up.
 */
export const m008TaskingCoverage: Migration = {
  version: 8,
  name: 'tasking coverage history',
  up(db) {
    db.exec(`
      CREATE TABLE tasking_coverage (
        id             INTEGER PRIMARY KEY,
        account_id     TEXT NOT NULL,
        tasking_id     TEXT NOT NULL,
        at             TEXT NOT NULL,
        ordered_km2    REAL,
        validated_km2  REAL,
        progress       REAL,   -- validated / ordered, 0..1, as the tasking row computes it
        FOREIGN KEY (account_id, tasking_id) REFERENCES taskings (account_id, tasking_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX tasking_coverage_tasking ON tasking_coverage (account_id, tasking_id, id);

      INSERT INTO tasking_coverage (account_id, tasking_id, at, ordered_km2, validated_km2, progress)
        SELECT account_id, tasking_id, updated_at,
               json_extract(json, '$.orderedAreaKm2'), json_extract(json, '$.validatedAreaKm2'), json_extract(json, '$.progress')
        FROM taskings ORDER BY updated_at;
    `);
  },
};
