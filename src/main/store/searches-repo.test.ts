import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { params, scene, square, tempDatabase } from './archive-test-fixtures';
import { openDatabase } from './database';
import { createSearchesRepo, type NewSearch, type SearchesRepo } from './searches-repo';

let t: ReturnType<typeof tempDatabase>;
let repo: SearchesRepo;
beforeEach(() => {
  t = tempDatabase();
  repo = createSearchesRepo(t.db);
});
afterEach(() => t.cleanup());

const AOI = { type: 'Polygon' as const, coordinates: [[[2, 48], [3, 48], [3, 49], [2, 48]]] };
const search = (searchId: string, over: Partial<NewSearch> = {}): NewSearch => ({
  searchId,
  provider: 'oneatlas',
  accountLabel: 'Sandbox',
  aoiName: 'Paris',
  aoiGeometry: AOI,
  params: params(),
  totalResults: 120,
  scenes: [scene('a'), scene('b', { aoiCoverage: 0.1 }), scene('c', { hasQuicklook: false, cloudCover: null })],
  createdAt: '2025-03-01T10:00:00.000Z',
  ...over,
});
const count = (db: Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('searches repo', () => {
  it('saves a search with its scenes and reads the same page back, in provider order', () => {
    const s = search('s1');
    const summary = repo.save(s);
    expect(summary).toEqual({
      searchId: 's1',
      accountId: 'acc-1',
      accountLabel: 'Sandbox',
      aoiName: 'Paris',
      params: s.params,
      totalResults: 120,
      resultCount: 3,
      createdAt: s.createdAt,
    });
    const page = repo.getPage('s1');
    // Pages carry no properties (lists never show them); sceneProperties and findScenes give them.
    expect(page).toEqual({ search: summary, aoiGeometry: AOI, scenes: s.scenes.map(({ properties: _, ...listed }) => listed) });
    expect(page?.scenes.every((x) => !('properties' in x))).toBe(true);
    expect(repo.getPage('s1', 1, 1)?.scenes.map((x) => x.id)).toEqual(['b']);
    expect(repo.getPage('nope')).toBeUndefined();
    expect(repo.findScenes('s1', ['c', 'a'])).toEqual([s.scenes[2], s.scenes[0]]);
  });

  it("answers one scene's properties, only for a scene the search returned, from the search's provider", () => {
    repo.save(search('s1'));
    repo.save(search('s2', { provider: 'geoapi', scenes: [scene('a', { properties: { from: 'geoapi' } }), scene('z')] }));
    expect(repo.sceneProperties('s1', 'a')).toEqual(scene('a').properties);
    expect(repo.sceneProperties('s2', 'a')).toEqual({ from: 'geoapi' });
    expect(repo.sceneProperties('s1', 'z')).toBeUndefined();
    expect(repo.sceneProperties('nope', 'a')).toBeUndefined();
  });

  it('survives closing and reopening the file', () => {
    repo.save(search('s1'));
    t.db.close();
    const again = createSearchesRepo(openDatabase(t.file));
    expect(again.getPage('s1')?.scenes).toHaveLength(3);
  });

  it('stores a scene once per provider however many searches return it; the latest read wins', () => {
    repo.save(search('s1'));
    repo.save(search('s2', { scenes: [scene('a', { cloudCover: 3, aoiCoverage: 0.5 })], createdAt: '2025-03-02T00:00:00.000Z' }));
    repo.save(search('s3', { provider: 'geoapi', scenes: [scene('a')] }));
    expect(count(t.db, 'scenes')).toBe(4);
    expect(count(t.db, 'scenes_rtree')).toBe(4);
    expect(repo.getPage('s1')?.scenes[0]).toMatchObject({ id: 'a', cloudCover: 3, aoiCoverage: 0.8 });
    expect(repo.getPage('s2')?.scenes[0]).toMatchObject({ id: 'a', cloudCover: 3, aoiCoverage: 0.5 });
  });

  it('normalises acquisition dates to ISO UTC and refuses a scene without a date', () => {
    repo.save(search('s1', { scenes: [scene('a', { acquisitionDate: '2024-05-01T12:30:00+02:00' })] }));
    expect(repo.getPage('s1')?.scenes[0]?.acquisitionDate).toBe('2024-05-01T10:30:00.000Z');
    expect(() => repo.save(search('s2', { scenes: [scene('x', { acquisitionDate: 'yesterday' })] }))).toThrow(/scene x: acquisition date/);
  });

  it('rolls the whole save back when a scene fails midway', () => {
    repo.save(search('s1'));
    const bad = search('s2', {
      scenes: [scene('new-1'), scene('a', { cloudCover: 99 }), scene('broken', { footprint: { type: 'Polygon', coordinates: [] } }), scene('new-2')],
    });
    expect(() => repo.save(bad)).toThrow(/scene broken: footprint has no outer ring/);
    expect(repo.getSummary('s2')).toBeUndefined();
    expect(count(t.db, 'scenes')).toBe(3);
    expect(count(t.db, 'scenes_rtree')).toBe(3);
    expect(count(t.db, 'search_results')).toBe(3);
    expect(repo.getPage('s1')?.scenes[0]?.cloudCover).toBe(12.5);
  });

  it('rolls back when the search id is already taken, adding none of its scenes', () => {
    repo.save(search('s1'));
    expect(() => repo.save(search('s1', { scenes: [scene('z')] }))).toThrow(/UNIQUE/);
    expect(count(t.db, 'scenes')).toBe(3);
  });

  it('appends further pages after the first, skips repeated scenes and records the page fetched', () => {
    repo.save(search('s1'));
    const after = repo.appendPage('s1', [scene('c'), scene('d'), scene('e')], 2, 130);
    expect(after).toMatchObject({ resultCount: 5, totalResults: 130, params: { page: 2 } });
    expect(repo.getPage('s1')?.scenes.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(repo.appendPage('s1', [scene('f')], 3).totalResults).toBe(130);
    expect(() => repo.appendPage('missing', [scene('g')], 2)).toThrow(/search missing is not stored/);
    expect(count(t.db, 'scenes')).toBe(6);
  });

  it('lists history newest first, limited, optionally for one account', () => {
    repo.save(search('old', { createdAt: '2025-01-01T00:00:00.000Z' }));
    repo.save(search('new', { createdAt: '2025-03-01T00:00:00.000Z', scenes: [] }));
    repo.save(search('other', { createdAt: '2025-02-01T00:00:00.000Z', params: params({ accountId: 'acc-2' }) }));
    expect(repo.history().map((s) => s.searchId)).toEqual(['new', 'other', 'old']);
    expect(repo.history(2).map((s) => s.searchId)).toEqual(['new', 'other']);
    expect(repo.history(10, 'acc-1').map((s) => s.searchId)).toEqual(['new', 'old']);
    expect(repo.history()[0]?.resultCount).toBe(0);
  });

  it('finds the scenes to order in the order asked, ignoring ids the search did not return', () => {
    repo.save(search('s1'));
    repo.save(search('s2', { scenes: [scene('other')] }));
    expect(repo.findScenes('s1', ['c', 'other', 'a', 'zzz']).map((s) => [s.id, s.sourceId])).toEqual([
      ['c', 'DS_c'],
      ['a', 'DS_a'],
    ]);
  });

  it('removes a search but keeps its scenes for offline queries', () => {
    repo.save(search('s1'));
    expect(repo.remove('s1')).toBe(true);
    expect(repo.getPage('s1')).toBeUndefined();
    expect(count(t.db, 'search_results')).toBe(0);
    expect(repo.queryCached([-180, -90, 180, 90], 0, Date.UTC(2030, 0), 10)).toHaveLength(3);
  });
});

describe('queryCached', () => {
  const day = (d: string) => Date.parse(`${d}T00:00:00.000Z`);
  beforeEach(() => {
    repo.save(
      search('s1', {
        scenes: [
          scene('paris-may', { footprint: square(2.2, 48.8), acquisitionDate: '2024-05-01T10:00:00.000Z' }),
          scene('paris-june', { footprint: square(2.3, 48.7), acquisitionDate: '2024-06-15T10:00:00.000Z' }),
          scene('paris-2020', { footprint: square(2.2, 48.8), acquisitionDate: '2020-06-15T10:00:00.000Z' }),
          scene('lyon-may', { footprint: square(4.8, 45.7), acquisitionDate: '2024-05-02T10:00:00.000Z' }),
          scene('fiji', { footprint: square(179.9, -17), acquisitionDate: '2024-05-03T10:00:00.000Z' }),
        ],
      }),
    );
  });

  it('returns the scenes meeting the box within the dates, newest first, with the list fields', () => {
    const hits = repo.queryCached([2, 48.5, 2.6, 49.1], day('2024-01-01'), day('2024-12-31'), 100);
    expect(hits.map((h) => h.id)).toEqual(['paris-june', 'paris-may']);
    expect(hits[1]).toEqual({
      provider: 'oneatlas',
      id: 'paris-may',
      acquisitionDate: '2024-05-01T10:00:00.000Z',
      constellation: 'PHR',
      satellite: 'PHR1A',
      cloudCover: 12.5,
      incidenceAngle: 14.2,
      resolutionM: 0.5,
      hasQuicklook: true,
      footprint: square(2.2, 48.8),
    });
  });

  it('applies date bounds exactly (the rtree rounds its bounds outwards), and the limit', () => {
    const at = Date.parse('2024-05-01T10:00:00.000Z');
    const france: [number, number, number, number] = [-5, 42, 8, 51];
    expect(repo.queryCached(france, at, at, 10).map((h) => h.id)).toEqual(['paris-may']);
    expect(repo.queryCached(france, at + 1, at + 60_000, 10)).toEqual([]);
    expect(repo.queryCached(france, 0, day('2030-01-01'), 2).map((h) => h.id)).toEqual(['paris-june', 'lyon-may']);
  });

  it('handles a box crossing the antimeridian', () => {
    expect(repo.queryCached([179, -18, -179, -16], 0, day('2030-01-01'), 10).map((h) => h.id)).toEqual(['fiji']);
    expect(repo.queryCached([179, 40, -179, 50], 0, day('2030-01-01'), 10)).toEqual([]);
  });

  it('walks the rtree first rather than scanning scenes', () => {
    const plan = t.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT s.id FROM scenes_rtree r CROSS JOIN scenes s ON s.id = r.id
         WHERE r.min_lon <= 1 AND r.max_lon >= 0 AND r.min_lat <= 1 AND r.max_lat >= 0 AND r.t_min <= 1 AND r.t_max >= 0
           AND s.acquired_at BETWEEN 0 AND 1`,
      )
      .all()
      .map((r) => r.detail);
    expect(plan[0]).toMatch(/^SCAN r VIRTUAL TABLE INDEX 2:/);
    expect(plan[1]).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
  });
});
