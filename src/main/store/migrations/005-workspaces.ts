import type { Migration } from './index';

/**
 * Workspaces: the map view, open section, selections and layers, written as the user works. One row is
 * current (the one written and restored at start); the partial unique index keeps it to one.
 */
export const m005Workspaces: Migration = {
  version: 5,
  name: 'workspaces',
  up(db) {
    db.exec(`
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        state TEXT NOT NULL,
        is_current INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX workspaces_name ON workspaces (name COLLATE NOCASE);
      CREATE UNIQUE INDEX workspaces_one_current ON workspaces (is_current) WHERE is_current = 1;
    `);
  },
};
