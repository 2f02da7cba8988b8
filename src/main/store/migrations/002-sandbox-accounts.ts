import type { Migration } from './index';

/** Marks the accounts Imagery Desk created for its embedded provider sandbox. */
export const m002SandboxAccounts: Migration = {
  version: 2,
  name: 'accounts.sandbox',
  up(db) {
    db.exec('ALTER TABLE accounts ADD COLUMN sandbox INTEGER NOT NULL DEFAULT 0 CHECK (sandbox IN (0, 1))');
  },
};
