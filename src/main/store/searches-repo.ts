import type { Database } from 'better-sqlite3';
import type { ListedSearchPage, Scene, SearchPage, SearchParams, SearchSummary } from '../../shared/domain/archive';
import { fromListedSceneRow, fromSceneRow, LISTED_SCENE_COLUMNS, SCENE_COLUMNS, toSceneRow, type ListedSceneRow, type SceneRow, type StoredSceneRow } from './scene-rows';

/** A search as the service hands it over after the provider answered its first page. */
export interface NewSearch {
  searchId: string;
  /** Scenes are deduplicated per provider: the same id from two providers is two scenes. */
  provider: string;
  accountLabel: string;
  aoiName: string;
  aoiGeometry: SearchPage['aoiGeometry'];
  /** accountId and aoiId are taken from here. */
  params: SearchParams;
  totalResults: number | null;
  scenes: Scene[];
  createdAt: string;
}

/** What a results list shows for a scene found in the local cache (no AOI coverage: no search). */
export interface CachedSceneItem {
  provider: string;
  id: string;
  acquisitionDate: string;
  constellation: string;
  satellite: string;
  cloudCover: number | null;
  incidenceAngle: number | null;
  resolutionM: number | null;
  hasQuicklook: boolean;
  footprint: Scene['footprint'];
}

/** [west, south, east, north] in degrees; west > east means the box crosses the antimeridian. */
export type BBox = readonly [number, number, number, number];

interface SearchRow {
  id: string;
  account_id: string;
  account_label: string;
  provider: string;
  aoi_name: string;
  aoi_geometry: string;
  params: string;
  total_results: number | null;
  result_count: number;
  created_at: string;
}

type CachedRow = Omit<StoredSceneRow, 'source_id' | 'properties' | 'aoi_coverage'> & { provider: string };

/** The rtree's time axis unit (see migration 004): 10 days in ms. */
const RTREE_TIME_UNIT_MS = 864_000_000;

const toSummary = (r: SearchRow): SearchSummary => ({
  searchId: r.id,
  accountId: r.account_id,
  accountLabel: r.account_label,
  aoiName: r.aoi_name,
  params: JSON.parse(r.params) as SearchParams,
  totalResults: r.total_results,
  resultCount: r.result_count,
  createdAt: r.created_at,
});

const toCachedItem = (r: CachedRow): CachedSceneItem => ({
  provider: r.provider,
  id: r.scene_id,
  acquisitionDate: new Date(r.acquired_at).toISOString(),
  constellation: r.constellation,
  satellite: r.satellite,
  cloudCover: r.cloud_cover,
  incidenceAngle: r.incidence_angle,
  resolutionM: r.resolution_m,
  hasQuicklook: r.has_quicklook === 1,
  footprint: JSON.parse(r.footprint) as Scene['footprint'],
});

export function createSearchesRepo(db: Database) {
  const insertSearch = db.prepare(
    `INSERT INTO searches (id, account_id, account_label, provider, aoi_id, aoi_name, aoi_geometry, params,
       total_results, result_count, created_at)
     VALUES (@id, @account_id, @account_label, @provider, @aoi_id, @aoi_name, @aoi_geometry, @params,
       @total_results, 0, @created_at)`,
  );
  // The latest read of a scene wins (providers reprocess cloud cover, fix footprints); RETURNING gives
  // the rowid on both the insert and the update path, so one statement serves new and known scenes.
  const upsertScene = db
    .prepare<[SceneRow], number>(
      `INSERT INTO scenes (provider, scene_id, source_id, constellation, satellite, acquired_at, cloud_cover,
         incidence_angle, resolution_m, has_quicklook, min_lon, min_lat, max_lon, max_lat, footprint, properties)
       VALUES (@provider, @scene_id, @source_id, @constellation, @satellite, @acquired_at, @cloud_cover,
         @incidence_angle, @resolution_m, @has_quicklook, @min_lon, @min_lat, @max_lon, @max_lat, @footprint, @properties)
       ON CONFLICT (provider, scene_id) DO UPDATE SET source_id = excluded.source_id,
         constellation = excluded.constellation, satellite = excluded.satellite, acquired_at = excluded.acquired_at,
         cloud_cover = excluded.cloud_cover, incidence_angle = excluded.incidence_angle,
         resolution_m = excluded.resolution_m, has_quicklook = excluded.has_quicklook, min_lon = excluded.min_lon,
         min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
         footprint = excluded.footprint, properties = excluded.properties
       RETURNING id`,
    )
    .pluck();
  // Paged provider results can repeat a scene (items shift between page requests): keep the first.
  const insertResult = db.prepare<[string, number, number, number | null]>(
    `INSERT INTO search_results (search_id, position, scene_rowid, aoi_coverage) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const setCounts = db.prepare<[{ id: string; count: number; total: number | null; page: number | null }]>(
    `UPDATE searches SET result_count = @count, total_results = coalesce(@total, total_results),
       params = CASE WHEN @page IS NULL THEN params ELSE json_set(params, '$.page', @page) END
     WHERE id = @id`,
  );
  const oneSearch = db.prepare<[string], SearchRow>('SELECT * FROM searches WHERE id = ?');
  const history = db.prepare<[{ account: string | null; limit: number }], SearchRow>(
    `SELECT * FROM searches WHERE @account IS NULL OR account_id = @account ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
  );
  // Without properties: lists and the map never show them, and they are most of a scene's bytes.
  const pageScenes = db.prepare<[string, number, number], ListedSceneRow>(
    `SELECT r.aoi_coverage, ${LISTED_SCENE_COLUMNS} FROM search_results r JOIN scenes s ON s.id = r.scene_rowid
     WHERE r.search_id = ? ORDER BY r.position LIMIT ? OFFSET ?`,
  );
  // By the keys alone (the search's provider + scene id, then the search's result for that row).
  const propertiesOf = db
    .prepare<[{ search: string; scene: string }], string>(
      `SELECT s.properties FROM searches q
         JOIN scenes s ON s.provider = q.provider AND s.scene_id = @scene
         JOIN search_results r ON r.search_id = q.id AND r.scene_rowid = s.id
       WHERE q.id = @search`,
    )
    .pluck();
  const someScenes = db.prepare<[string, string], StoredSceneRow>(
    `SELECT r.aoi_coverage, ${SCENE_COLUMNS} FROM search_results r JOIN scenes s ON s.id = r.scene_rowid
     WHERE r.search_id = ? AND s.scene_id IN (SELECT value FROM json_each(?))`,
  );
  const removeSearch = db.prepare<[string]>('DELETE FROM searches WHERE id = ?');
  // CROSS JOIN pins the rtree as the outer loop: the planner must never start from scenes and probe
  // the rtree per row. The rtree prunes by place and time together; acquired_at is re-checked exactly
  // because the rtree's float32 bounds are rounded outwards.
  const cached = db.prepare<[Record<string, number>], CachedRow>(
    `SELECT s.provider, s.scene_id, s.acquired_at, s.constellation, s.satellite, s.cloud_cover, s.incidence_angle,
       s.resolution_m, s.has_quicklook, s.footprint
     FROM scenes_rtree r CROSS JOIN scenes s ON s.id = r.id
     WHERE r.min_lon <= @e AND r.max_lon >= @w AND r.min_lat <= @n AND r.max_lat >= @s
       AND r.t_min <= @tTo AND r.t_max >= @tFrom AND s.acquired_at BETWEEN @from AND @to
     ORDER BY s.acquired_at DESC, s.id DESC LIMIT @limit`,
  );

  /** Adds scenes after `start` results; returns the new result count. */
  const addScenes = (searchId: string, provider: string, scenes: Scene[], start: number): number => {
    const rows = scenes.map((s) => toSceneRow(provider, s));
    // Upserted in date order: consecutive rtree inserts then land in the same leaves (the page is
    // already one place), which measurably cheapens the index. Results keep provider order below.
    const order = rows.map((_, i) => i).sort((a, b) => (rows[a] as SceneRow).acquired_at - (rows[b] as SceneRow).acquired_at);
    const rowids: number[] = new Array<number>(rows.length);
    for (const i of order) {
      const rowid = upsertScene.get(rows[i] as SceneRow);
      if (rowid === undefined) throw new Error(`scene ${scenes[i]?.id} was not stored`);
      rowids[i] = rowid;
    }
    let position = start;
    scenes.forEach((scene, i) => {
      if (insertResult.run(searchId, position, rowids[i] as number, scene.aoiCoverage).changes > 0) position++;
    });
    return position;
  };

  // One transaction: a search is shown with all its scenes or not at all, and one commit (one fsync)
  // for the whole page is what makes caching fast.
  const save = db.transaction((s: NewSearch): void => {
    insertSearch.run({
      id: s.searchId,
      account_id: s.params.accountId,
      account_label: s.accountLabel,
      provider: s.provider,
      aoi_id: s.params.aoiId,
      aoi_name: s.aoiName,
      aoi_geometry: JSON.stringify(s.aoiGeometry),
      params: JSON.stringify(s.params),
      total_results: s.totalResults,
      created_at: s.createdAt,
    });
    setCounts.run({ id: s.searchId, count: addScenes(s.searchId, s.provider, s.scenes, 0), total: null, page: null });
  });
  const append = db.transaction((searchId: string, scenes: Scene[], page: number, totalResults: number | null) => {
    const row = oneSearch.get(searchId);
    if (!row) throw new Error(`search ${searchId} is not stored`);
    setCounts.run({ id: searchId, count: addScenes(searchId, row.provider, scenes, row.result_count), total: totalResults, page });
  });

  const cachedIn = (w: number, s: number, e: number, n: number, fromMs: number, toMs: number, limit: number) =>
    cached.all({ w, s, e, n, from: fromMs, to: toMs, tFrom: fromMs / RTREE_TIME_UNIT_MS, tTo: toMs / RTREE_TIME_UNIT_MS, limit });

  return {
    save(s: NewSearch): SearchSummary {
      save(s);
      return toSummary(oneSearch.get(s.searchId) as SearchRow);
    },
    /** Adds the next provider page; records which page was fetched last in params.page. */
    appendPage(searchId: string, scenes: Scene[], page: number, totalResults: number | null = null): SearchSummary {
      append(searchId, scenes, page, totalResults);
      return toSummary(oneSearch.get(searchId) as SearchRow);
    },
    /** Newest first; all accounts unless one is given. */
    history: (limit = 50, accountId: string | null = null): SearchSummary[] => history.all({ account: accountId, limit }).map(toSummary),
    /** Which provider's scenes the search holds (scenes and quicklooks are keyed by provider). */
    providerOf: (searchId: string): string | undefined => oneSearch.get(searchId)?.provider,
    getSummary(searchId: string): SearchSummary | undefined {
      const row = oneSearch.get(searchId);
      return row ? toSummary(row) : undefined;
    },
    /**
     * The search with its results in provider order, all of them unless a window is given; scenes come
     * without their properties (see sceneProperties and findScenes).
     */
    getPage(searchId: string, offset = 0, limit = -1): ListedSearchPage | undefined {
      const row = oneSearch.get(searchId);
      if (!row) return undefined;
      return {
        search: toSummary(row),
        aoiGeometry: JSON.parse(row.aoi_geometry) as SearchPage['aoiGeometry'],
        scenes: pageScenes.all(searchId, limit, offset).map(fromListedSceneRow),
      };
    },
    /** Every provider property of one scene of the search; undefined when the search did not return it. */
    sceneProperties(searchId: string, sceneId: string): Scene['properties'] | undefined {
      const text = propertiesOf.get({ search: searchId, scene: sceneId });
      return text === undefined ? undefined : (JSON.parse(text) as Scene['properties']);
    },
    /** The search's scenes with these ids, in the order asked; ids the search did not return are absent. */
    findScenes(searchId: string, sceneIds: readonly string[]): Scene[] {
      const byId = new Map(someScenes.all(searchId, JSON.stringify(sceneIds)).map((r) => [r.scene_id, fromSceneRow(r)]));
      return sceneIds.flatMap((id) => byId.get(id) ?? []);
    },
    /** Removes the search and its result list; scenes stay cached for other searches and offline queries. */
    remove: (searchId: string): boolean => removeSearch.run(searchId).changes > 0,
    /**
     * Every cached scene whose footprint bounds meet the box and whose acquisition is within
     * [fromMs, toMs], newest first. Bounds, not exact footprints: the map draws the real shapes.
     */
    queryCached(bbox: BBox, fromMs: number, toMs: number, limit: number): CachedSceneItem[] {
      const [w, s, e, n] = bbox;
      if (w <= e) return cachedIn(w, s, e, n, fromMs, toMs, limit).map(toCachedItem);
      // Across the antimeridian: two boxes; a widened footprint (see footprintBounds) can meet both.
      const seen = new Set<string>();
      return [...cachedIn(w, s, 180, n, fromMs, toMs, limit), ...cachedIn(-180, s, e, n, fromMs, toMs, limit)]
        .sort((a, b) => b.acquired_at - a.acquired_at)
        .filter((r) => !seen.has(`${r.provider}\n${r.scene_id}`) && seen.add(`${r.provider}\n${r.scene_id}`))
        .slice(0, limit)
        .map(toCachedItem);
    },
  };
}
export type SearchesRepo = ReturnType<typeof createSearchesRepo>;
