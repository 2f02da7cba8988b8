import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { params, scene, square, tempDatabase } from './archive-test-fixtures';
import { openDatabase } from './database';
import { BoxContents } from './scene-box-contents';
import { BOX_SLOTS, RTREE_TIME_UNIT_MS } from './scene-boxes';
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
/** Scenes (by rowid) whose box is missing or does not cover their exact bounds and date: must be none. */
function uncovered(db: Database): number[] {
  const boxes = db.prepare<[], { box: number; min_lon: number; max_lon: number; min_lat: number; max_lat: number; t_min: number; t_max: number }>(
    'SELECT b.id AS box, b.min_lon, b.max_lon, b.min_lat, b.max_lat, b.t_min, b.t_max FROM scene_boxes b',
  );
  const contents = db.prepare<[], Buffer>('SELECT data FROM scene_box_contents').pluck();
  const byId = new Map(boxes.all().map((b) => [b.box, b]));
  const bad: number[] = [];
  const inBoxes = new Set<number>();
  for (const data of contents.all()) {
    const box = new BoxContents(data);
    const b = byId.get(box.box);
    for (let slot = 0; slot < box.size; slot++) {
      const t = box.acquiredAt(slot) / RTREE_TIME_UNIT_MS;
      const [w, s, e, n] = box.bounds(slot);
      if (!b || b.min_lon > w || b.max_lon < e || b.min_lat > s || b.max_lat < n || b.t_min > t || b.t_max < t) bad.push(box.rowid(slot));
      inBoxes.add(box.rowid(slot));
    }
  }
  const scenes = db.prepare<[], number>('SELECT id FROM scenes').pluck().all();
  return [...bad, ...scenes.filter((id) => !inBoxes.has(id))];
}

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
    expect(uncovered(t.db)).toEqual([]);
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
    expect(count(t.db, 'scene_box_contents')).toBe(1);
    expect(count(t.db, 'scene_boxes')).toBe(1);
    expect(count(t.db, 'search_results')).toBe(3);
    expect(repo.getPage('s1')?.scenes[0]?.cloudCover).toBe(12.5);
  });

  it('keeps a scene repeated within one page once, with its last read, and lists it once', () => {
    repo.save(search('s1', { scenes: [scene('a'), scene('b'), scene('a', { cloudCover: 40 })] }));
    expect(count(t.db, 'scenes')).toBe(2);
    expect(repo.getPage('s1')?.scenes.map((x) => [x.id, x.cloudCover])).toEqual([
      ['a', 40],
      ['b', 12.5],
    ]);
  });

  it('gives back footprints exactly: holes, many decimals, extreme values', () => {
    const footprint = {
      type: 'Polygon' as const,
      coordinates: [
        [[-179.99999999999997, -89.12345678901234], [0.1 + 0.2, 5e-324], [1 / 3, Number.MAX_VALUE], [-179.99999999999997, -89.12345678901234]],
        [[0, 0], [0.5, 0], [0.5, 0.5], [0, 0]],
      ] as [number, number][][],
    };
    repo.save(search('s1', { scenes: [scene('holey', { footprint })] }));
    expect(repo.getPage('s1')?.scenes[0]?.footprint).toEqual(footprint);
    expect(repo.findScenes('s1', ['holey'])[0]?.footprint).toEqual(footprint);
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

  it('answers newest first, then the most recently stored, when dates are equal', () => {
    const at = '2024-07-01T00:00:00.000Z';
    repo.save(search('s2', { scenes: [scene('first', { acquisitionDate: at }), scene('second', { acquisitionDate: at })] }));
    repo.save(search('s3', { scenes: [scene('later', { acquisitionDate: at })] }));
    expect(repo.queryCached([-180, -90, 180, 90], day('2024-07-01'), day('2024-07-02'), 10).map((h) => h.id)).toEqual(['later', 'second', 'first']);
  });

  it('finds a known scene where its latest read puts it (its box widens to follow)', () => {
    repo.save(search('s2', { scenes: [scene('paris-may', { footprint: square(4.8, 45.7), acquisitionDate: '2023-01-10T10:00:00.000Z' })] }));
    expect(uncovered(t.db)).toEqual([]);
    const lyon: [number, number, number, number] = [4.5, 45.5, 5.5, 46.5];
    expect(repo.queryCached(lyon, day('2023-01-01'), day('2023-02-01'), 10).map((h) => h.id)).toEqual(['paris-may']);
    expect(repo.queryCached([2, 48.5, 2.6, 49.1], day('2024-01-01'), day('2024-12-31'), 10).map((h) => h.id)).toEqual(['paris-june']);
  });

  it('walks the rtree of boxes first, then reads each box by its id', () => {
    const plan = t.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT c.data FROM scene_boxes b CROSS JOIN scene_box_contents c ON c.box = b.id
         WHERE b.min_lon <= 1 AND b.max_lon >= 0 AND b.min_lat <= 1 AND b.max_lat >= 0 AND b.t_min <= 1 AND b.t_max >= 0`,
      )
      .all()
      .map((r) => r.detail);
    expect(plan[0]).toMatch(/^SCAN b VIRTUAL TABLE INDEX 2:/);
    expect(plan[1]).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });

  it('looks known scenes up by their ids, never by scanning a provider', () => {
    const plan = t.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT s.scene_id, s.id FROM json_each('[]') j CROSS JOIN scenes s ON s.provider = 'p' AND s.scene_id = j.value`,
      )
      .all()
      .map((r) => r.detail);
    expect(plan[1]).toMatch(/SEARCH s USING COVERING INDEX sqlite_autoindex_scenes_1 \(provider=\? AND scene_id=\?\)/);
  });
});

describe('queryCached over many pages of scenes', () => {
  /** A seeded generator, so a failure can be replayed. */
  const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);

  it('answers exactly the scenes a scan of every footprint and date finds, for boxes large and small', () => {
    const rnd = random(7);
    const all: { id: string; bounds: [number, number, number, number]; at: number }[] = [];
    for (let p = 0; p < 8; p++) {
      const [lon, lat] = [-10 + rnd() * 30, 36 + rnd() * 20];
      const scenes = Array.from({ length: 150 }, (_, k) => {
        const size = 0.05 + rnd() * 0.5;
        const at = Date.UTC(2020, 0, 1) + Math.floor(rnd() * 5 * 365 * 86_400_000);
        const s = scene(`p${p}-${k}`, { footprint: square(lon + rnd() * 3, lat + rnd() * 3, size), acquisitionDate: new Date(at).toISOString() });
        const ring = s.footprint.coordinates[0] as [number, number][];
        all.push({ id: s.id, bounds: [ring[0]![0], ring[0]![1], ring[2]![0], ring[2]![1]], at });
        return s;
      });
      repo.save(search(`page-${p}`, { scenes }));
    }
    expect(uncovered(t.db)).toEqual([]);
    expect(count(t.db, 'scene_boxes')).toBe(8 * Math.ceil(150 / BOX_SLOTS));
    // More boxes meet the whole world than are fetched at once: they are streamed, keeping the newest.
    const newest = [...all].sort((a, b) => b.at - a.at).map((x) => x.id);
    expect(repo.queryCached([-180, -90, 180, 90], 0, Date.UTC(2030, 0), 5000).map((h) => h.id)).toEqual(newest);
    expect(repo.queryCached([-180, -90, 180, 90], 0, Date.UTC(2030, 0), 5).map((h) => h.id)).toEqual(newest.slice(0, 5));
    for (let q = 0; q < 60; q++) {
      const size = q % 2 === 0 ? 0.3 : 6;
      const [w, s] = [-12 + rnd() * 34, 34 + rnd() * 24];
      const from = Date.UTC(2020, 0, 1) + Math.floor(rnd() * 4 * 365 * 86_400_000);
      const to = from + Math.floor(rnd() * 400) * 86_400_000;
      const expected = all
        .filter((x) => x.bounds[0] <= w + size && x.bounds[2] >= w && x.bounds[1] <= s + size && x.bounds[3] >= s && x.at >= from && x.at <= to)
        .sort((a, b) => b.at - a.at)
        .map((x) => x.id);
      expect(repo.queryCached([w, s, w + size, s + size], from, to, 5000).map((h) => h.id)).toEqual(expected);
      expect(repo.queryCached([w, s, w + size, s + size], from, to, 3).map((h) => h.id)).toEqual(expected.slice(0, 3));
    }
  });
});
