import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFromFutureError, DatabaseUnusableError, moveDatabaseAside, openDatabase } from './database';
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

  describe('an unusable file is refused with one sentence and never written (#14)', () => {
    const refusedUntouched = (file: string, pattern: RegExp) => {
      const before = sha(file);
      let error: unknown;
      try {
        openDatabase(file).close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DatabaseUnusableError);
      expect((error as Error).message).toMatch(pattern);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(/left untouched/);
      expect(sha(file)).toBe(before);
      expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
    };
    const fullDatabase = (name: string) => {
      const file = join(dir, name);
      const db = openDatabase(file);
      db.exec("CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO filler SELECT hex(randomblob(200)) FROM n;");
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return file;
    };

    it('a negative user_version', () => {
      const file = fullDatabase('neg.sqlite');
      const raw = new BetterSqlite3(file);
      raw.pragma('user_version = -3');
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
      refusedUntouched(file, /schema version is -3/);
    });

    it('a lowered user_version whose tables already exist', () => {
      const file = fullDatabase('lower.sqlite');
      const raw = new BetterSqlite3(file);
      raw.pragma('user_version = 3');
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
      refusedUntouched(file, /could not be brought from schema 3 to \d+/);
    });

    it('a file that is not a database', () => {
      const file = join(dir, 'noise.sqlite');
      writeFileSync(file, Buffer.alloc(8192, 7));
      refusedUntouched(file, /not an Imagery Desk database, or it is damaged/);
    });

    it('a zero-length file', () => {
      const file = join(dir, 'empty.sqlite');
      writeFileSync(file, '');
      refusedUntouched(file, /empty \(0 bytes\)/);
    });

    it('a file with corrupt tail pages', () => {
      const file = fullDatabase('tail.sqlite');
      const size = statSync(file).size;
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(4096 * 3, 0xab), 0, 4096 * 3, size - 4096 * 3);
      closeSync(fd);
      refusedUntouched(file, /damaged/);
    });

    it('moving it aside keeps the old file and lets a new database start', () => {
      const file = join(dir, 'aside.sqlite');
      writeFileSync(file, Buffer.alloc(4096, 1));
      const kept = sha(file);
      const aside = moveDatabaseAside(file, new Date('2026-12-03T10:00:00Z'));
      expect(aside).toBe(`${file}.unusable-2026-12-03T10-00-00-000Z`);
      expect(sha(aside)).toBe(kept);
      openDatabase(file).close();
      expect(tables(file)).toEqual(expect.arrayContaining(['accounts']));
    });
  });

  it('creates the database private to the user (0600)', () => {
    const file = join(dir, 'private.sqlite');
    openDatabase(file).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
