import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFromFutureError, openDatabase } from './database';
import { MIGRATIONS, type Migration } from './migrations/index';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'desk-db-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tables = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
  } finally {
    db.close();
  }
};

describe('openDatabase', () => {
  it('creates a WAL database at the latest schema version with the first tables', () => {
    const file = join(dir, 'a.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
    expect(tables(file)).toEqual(expect.arrayContaining(['accounts', 'aois', 'settings']));
  });

  it('reopens an up-to-date database without re-running migrations', () => {
    const file = join(dir, 'b.sqlite');
    openDatabase(file).close();
    let ran = 0;
    const counting: Migration[] = MIGRATIONS.map((m) => ({ ...m, up: (db) => (ran++, m.up(db)) }));
    openDatabase(file, counting).close();
    expect(ran).toBe(0);
  });

  it('refuses a database from a newer version and leaves the file byte-for-byte untouched', () => {
    const file = join(dir, 'future.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE future_stuff (x TEXT); INSERT INTO future_stuff VALUES (\'keep me\');');
    raw.pragma('user_version = 999');
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(DatabaseFromFutureError);
    expect(() => openDatabase(file)).toThrow(/newer version of Imagery Desk.*not been modified/);
    expect(sha(file)).toBe(before);
  });

  it('applies pending migrations in one transaction: a failure leaves nothing behind', () => {
    const file = join(dir, 'c.sqlite');
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: 100, name: 'good', up: (db) => db.exec('CREATE TABLE good_one (x TEXT)') },
      { version: 101, name: 'bad', up: (db) => db.exec('CREATE TABLE oops (') },
    ];
    expect(() => openDatabase(file, broken)).toThrow();
    const db = new BetterSqlite3(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
    expect(tables(file)).toEqual([]);
  });

  it('migration 2 keeps existing accounts and marks them as not sandbox', () => {
    const file = join(dir, 'v1.sqlite');
    openDatabase(file, MIGRATIONS.slice(0, 1)).close();
    const v1 = new BetterSqlite3(file);
    v1.prepare(
      "INSERT INTO accounts VALUES ('a1', 'origen', 'Team', '{}', '{}', '[\"token\"]', '2026-01-01', '2026-01-01')",
    ).run();
    v1.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT id, label, sandbox FROM accounts').all()).toEqual([{ id: 'a1', label: 'Team', sandbox: 0 }]);
    db.close();
  });
});
