import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scene } from '../../shared/domain/archive';
import { params, scene, square } from './archive-test-fixtures';
import { openDatabase } from './database';
import { MIGRATIONS } from './migrations/index';
import { footprintBounds } from './scene-rows';
import { createSearchesRepo } from './searches-repo';

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
  'scene_box_contents',
  'scene_boxes',
  'scenes',
  'search_results',
  'searches',
];

const names = (db: BetterSqlite3.Database, type: string) =>
  db.prepare<[string], string>('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').pluck().all(type);

describe('migration 004 (archive)', () => {
  it('creates the archive tables and the scene boxes on a fresh database, with no per-scene rtree left', () => {
    const db = openDatabase(join(dir, 'fresh.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(names(db, 'table')).toEqual(expect.arrayContaining(ARCHIVE_TABLES));
    expect(names(db, 'table')).not.toContain('scenes_rtree');
    expect(names(db, 'trigger').filter((t) => t.startsWith('scenes'))).toEqual([]);
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

/** A scene row as migration 004's schema held it (what the searches repo wrote before migration 12). */
function storeOld(db: BetterSqlite3.Database, provider: string, s: Scene): number {
  const [minLon, minLat, maxLon, maxLat] = footprintBounds(s.footprint);
  return db
    .prepare<unknown[], number>(
      `INSERT INTO scenes (provider, scene_id, source_id, constellation, satellite, acquired_at, cloud_cover, incidence_angle,
         resolution_m, has_quicklook, min_lon, min_lat, max_lon, max_lat, footprint, properties)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (provider, scene_id) DO UPDATE SET cloud_cover = excluded.cloud_cover RETURNING id`,
    )
    .pluck()
    .get(provider, s.id, s.sourceId, s.constellation, s.satellite, Date.parse(s.acquisitionDate), s.cloudCover, s.incidenceAngle,
      s.resolutionM, s.hasQuicklook ? 1 : 0, minLon, minLat, maxLon, maxLat, JSON.stringify(s.footprint), JSON.stringify(s.properties)) as number;
}

function searchOld(db: BetterSqlite3.Database, id: string, provider: string, scenes: Scene[], createdAt: string): void {
  db.prepare(
    `INSERT INTO searches (id, account_id, account_label, provider, aoi_id, aoi_name, aoi_geometry, params, total_results, result_count, created_at)
     VALUES (?, 'acc-1', 'Sandbox', ?, 'aoi-1', 'Paris', ?, ?, 900, ?, ?)`,
  ).run(id, provider, JSON.stringify(square(2, 48, 1)), JSON.stringify(params()), scenes.length, createdAt);
  scenes.forEach((s, position) => {
    db.prepare('INSERT INTO search_results (search_id, position, scene_rowid, aoi_coverage) VALUES (?, ?, ?, ?)').run(id, position, storeOld(db, provider, s), s.aoiCoverage);
  });
}

const listed = ({ properties: _, ...rest }: Scene) => rest;

describe('migration 012 (scene store)', () => {
  it("carries every cached scene, search, position, coverage and property of a version 11 database over", () => {
    const file = join(dir, 'v11.sqlite');
    openDatabase(file, MIGRATIONS.filter((m) => m.version <= 11)).close();
    const v11 = new BetterSqlite3(file);
    const holed: Scene['footprint'] = { type: 'Polygon', coordinates: [square(2, 48, 1).coordinates[0]!, square(2.2, 48.2, 0.1).coordinates[0]!] };
    const first = [scene('a'), scene('b', { footprint: holed, aoiCoverage: 0.1 }), scene('c', { cloudCover: null, hasQuicklook: false, acquisitionDate: '2023-02-01T00:00:00.000Z' })];
    const second = [scene('a', { aoiCoverage: 0.5 }), scene('d', { footprint: square(-60, -10), resolutionM: null })];
    const fromGeoapi = [scene('a', { properties: { from: 'geoapi' } })];
    // More than one migration chunk (500), spread over places and years.
    const bulk = Array.from({ length: 1_100 }, (_, i) =>
      scene(`bulk-${i}`, {
        footprint: square(-10 + (i % 40), 36 + ((i * 7) % 24), 0.3),
        acquisitionDate: new Date(Date.UTC(2020, 0, 1) + i * 37 * 3_600_000).toISOString(),
        aoiCoverage: (i % 100) / 100,
        cloudCover: i % 3 === 0 ? null : i % 90,
      }),
    );
    searchOld(v11, 's1', 'oneatlas', first, '2025-01-01T00:00:00.000Z');
    searchOld(v11, 's2', 'oneatlas', second, '2025-01-02T00:00:00.000Z');
    searchOld(v11, 's3', 'geoapi', fromGeoapi, '2025-01-03T00:00:00.000Z');
    searchOld(v11, 'bulk', 'oneatlas', bulk, '2025-01-04T00:00:00.000Z');
    const searches = v11.prepare('SELECT * FROM searches ORDER BY id').all();
    v11.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    const repo = createSearchesRepo(db);
    expect(db.prepare('SELECT * FROM searches ORDER BY id').all()).toEqual(searches);
    expect(repo.getPage('s1')?.scenes).toEqual(first.map(listed));
    expect(repo.getPage('s2')?.scenes).toEqual(second.map((s, i) => (i === 0 ? { ...listed(first[0]!), aoiCoverage: 0.5 } : listed(s))));
    expect(repo.findScenes('s1', ['c', 'b'])).toEqual([first[2], first[1]]);
    expect(repo.sceneProperties('s3', 'a')).toEqual({ from: 'geoapi' });
    expect(repo.sceneProperties('s1', 'a')).toEqual(first[0]!.properties);
    expect(repo.getPage('bulk')?.scenes).toEqual(bulk.map(listed));
    expect(repo.getPage('bulk', 600, 3)?.scenes.map((s) => s.id)).toEqual(['bulk-600', 'bulk-601', 'bulk-602']);
    // Every scene is found again where and when it is: 1,100 + a (twice: two providers) + b, c, d.
    expect(repo.queryCached([-180, -90, 180, 90], 0, Date.UTC(2030, 0), 5000)).toHaveLength(1_105);
    for (const s of bulk.filter((_, i) => i % 97 === 0)) {
      const [w, south, e, n] = footprintBounds(s.footprint);
      const at = Date.parse(s.acquisitionDate);
      expect(repo.queryCached([w, south, e, n], at, at, 10).map((h) => h.id)).toContain(s.id);
    }
    expect(names(db, 'table')).not.toEqual(expect.arrayContaining(['scenes_004']));
    expect(names(db, 'table').filter((t) => t.endsWith('_004') || t === 'scenes_rtree')).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // New searches land in new boxes after the carried-over ones, and known scenes stay one row each.
    repo.save({ searchId: 'after', provider: 'oneatlas', accountLabel: 'Sandbox', aoiName: 'Paris', aoiGeometry: square(2, 48, 1),
      params: params(), totalResults: 2, scenes: [scene('e'), scene('a', { cloudCover: 1 })], createdAt: '2025-02-01T00:00:00.000Z' });
    expect(repo.getPage('after')?.scenes.map((s) => [s.id, s.cloudCover])).toEqual([['e', 12.5], ['a', 1]]);
    expect(repo.getPage('s1')?.scenes[0]?.cloudCover).toBe(1);
    expect(db.prepare('SELECT count(*) FROM scenes').pluck().get()).toBe(1_106);
    db.close();
  });
});
