import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { MIGRATIONS } from './migrations/index';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'desk-m004-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ARCHIVE_TABLES = [
  'order_events',
  'orders',
  'price_quotes',
  'provider_cache',
  'quicklooks',
  'quotations',
  'scenes',
  'scenes_rtree',
  'search_results',
  'searches',
];

const names = (db: BetterSqlite3.Database, type: string) =>
  db.prepare<[string], string>('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').pluck().all(type);

const insertScene = (db: BetterSqlite3.Database, id: string, lon: number, at: number) =>
  db
    .prepare(
      `INSERT INTO scenes (provider, scene_id, source_id, constellation, satellite, acquired_at, has_quicklook,
         min_lon, min_lat, max_lon, max_lat, footprint, properties)
       VALUES ('oneatlas', ?, 'ds', 'PHR', 'PHR1A', ?, 0, ?, 10, ?, 11, '{}', '{}')`,
    )
    .run(id, at, lon, lon + 1).lastInsertRowid;

describe('migration 004 (archive)', () => {
  it('creates the archive tables, the rtree and its triggers on a fresh database', () => {
    const db = openDatabase(join(dir, 'fresh.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(names(db, 'table')).toEqual(expect.arrayContaining(ARCHIVE_TABLES));
    expect(names(db, 'trigger')).toEqual(['scenes_rtree_delete', 'scenes_rtree_insert', 'scenes_rtree_update']);
    db.close();
  });

  it('keeps the rtree in step with scenes on insert, update and delete', () => {
    const db = openDatabase(join(dir, 'sync.sqlite'));
    const at = Date.UTC(2024, 0, 1);
    const rowid = insertScene(db, 's1', 5, at);
    const box = db.prepare('SELECT id, min_lon, max_lon, t_min FROM scenes_rtree');
    expect(box.all()).toEqual([{ id: Number(rowid), min_lon: 5, max_lon: 6, t_min: expect.closeTo(at / 864e6, 2) }]);
    db.prepare('UPDATE scenes SET min_lon = 20, max_lon = 21 WHERE id = ?').run(rowid);
    expect(box.all()).toEqual([expect.objectContaining({ min_lon: 20, max_lon: 21 })]);
    db.prepare('DELETE FROM scenes WHERE id = ?').run(rowid);
    expect(box.all()).toEqual([]);
    db.close();
  });

  it('upgrades a version 3 database and leaves its settings, accounts and AOIs intact', () => {
    const file = join(dir, 'v3.sqlite');
    openDatabase(file, MIGRATIONS.slice(0, 3)).close();
    const v3 = new BetterSqlite3(file);
    expect(v3.pragma('user_version', { simple: true })).toBe(3);
    v3.exec(`
      INSERT INTO settings VALUES ('theme', '"dark"');
      INSERT INTO accounts VALUES ('a1', 'oneatlas', 'Prod', '{"data":"https://x"}', '{}', '["apiKey"]', '2025-01-01', '2025-01-02', 1);
      INSERT INTO aois VALUES ('aoi1', 'Paris', '{"type":"Polygon","coordinates":[]}', 105.4, '2025-01-01', '2025-01-01', 5);
    `);
    const before = {
      settings: v3.prepare('SELECT * FROM settings').all(),
      accounts: v3.prepare('SELECT * FROM accounts').all(),
      aois: v3.prepare('SELECT * FROM aois').all(),
    };
    v3.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.prepare('SELECT * FROM settings').all()).toEqual(before.settings);
    expect(db.prepare('SELECT * FROM accounts').all()).toEqual(before.accounts);
    expect(db.prepare('SELECT * FROM aois').all()).toEqual(before.aois);
    expect(names(db, 'table')).toEqual(expect.arrayContaining(ARCHIVE_TABLES));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
