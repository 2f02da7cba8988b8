import type { Database } from 'better-sqlite3';
import type { ProviderKind } from '../../shared/domain/providers';

/** An account row as stored: the names of its keychain secrets, never their values. */
export interface AccountRecord {
  id: string;
  provider: ProviderKind;
  label: string;
  endpoints: Record<string, string>;
  identity: Record<string, string>;
  secretKeys: string[];
  /** Created by Imagery Desk for the embedded provider sandbox; its URLs follow the sandbox's port. */
  sandbox: boolean;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  provider: ProviderKind;
  label: string;
  endpoints: string;
  identity: string;
  secret_keys: string;
  sandbox: number;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): AccountRecord => ({
  id: r.id,
  provider: r.provider,
  label: r.label,
  endpoints: JSON.parse(r.endpoints) as Record<string, string>,
  identity: JSON.parse(r.identity) as Record<string, string>,
  secretKeys: JSON.parse(r.secret_keys) as string[],
  sandbox: r.sandbox === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createAccountsRepo(db: Database) {
  // Creation order; accounts made in one millisecond (the first-run sandbox ones) keep their insertion order.
  const all = db.prepare<[], Row>('SELECT * FROM accounts ORDER BY created_at, rowid');
  const one = db.prepare<[string], Row>('SELECT * FROM accounts WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO accounts (id, provider, label, endpoints, identity, secret_keys, sandbox, created_at, updated_at)
     VALUES (@id, @provider, @label, @endpoints, @identity, @secret_keys, @sandbox, @created_at, @updated_at)`,
  );
  const update = db.prepare(
    `UPDATE accounts SET label = @label, endpoints = @endpoints, identity = @identity,
       secret_keys = @secret_keys, updated_at = @updated_at WHERE id = @id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM accounts WHERE id = ?');

  const toRow = (a: AccountRecord): Row => ({
    id: a.id,
    provider: a.provider,
    label: a.label,
    endpoints: JSON.stringify(a.endpoints),
    identity: JSON.stringify(a.identity),
    secret_keys: JSON.stringify(a.secretKeys),
    sandbox: a.sandbox ? 1 : 0,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  });

  return {
    list: (): AccountRecord[] => all.all().map(fromRow),
    get: (id: string): AccountRecord | undefined => {
      const row = one.get(id);
      return row ? fromRow(row) : undefined;
    },
    insert: (a: AccountRecord): void => void insert.run(toRow(a)),
    update: (a: AccountRecord): void => void update.run(toRow(a)),
    remove: (id: string): boolean => remove.run(id).changes > 0,
  };
}
export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
