import type { Database } from 'better-sqlite3';
import type { ListedScene, ListedSearchPage, Scene, SearchPage, SearchParams, SearchSummary } from '../../shared/domain/archive';
import { batchedInsert } from './batched-insert';
import type { CachedSceneItem } from './scene-rows';
import { createSceneStore, type BBox } from './scene-store';

export type { BBox } from './scene-store';
export type { CachedSceneItem } from './scene-rows';

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

export function createSearchesRepo(db: Database) {
  const insertSearch = db.prepare(
    `INSERT INTO searches (id, account_id, account_label, provider, aoi_id, aoi_name, aoi_geometry, params,
       total_results, result_count, created_at)
     VALUES (@id, @account_id, @account_label, @provider, @aoi_id, @aoi_name, @aoi_geometry, @params,
       @total_results, 0, @created_at)`,
  );
  const sceneStore = createSceneStore(db);
  const insertResults = batchedInsert(db, 'search_results (search_id, position, scene_rowid, aoi_coverage)', 4);
  const listedAlready = db
    .prepare<[string, string], number>('SELECT scene_rowid FROM search_results WHERE search_id = ? AND scene_rowid IN (SELECT value FROM json_each(?))')
    .pluck();
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
  const pageResults = db.prepare<[string, number, number], { rowid: number; aoiCoverage: number | null }>(
    `SELECT scene_rowid AS rowid, aoi_coverage AS aoiCoverage FROM search_results WHERE search_id = ? ORDER BY position LIMIT ? OFFSET ?`,
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
  const someResults = db.prepare<[string, string], { rowid: number; aoiCoverage: number | null; sceneId: string; properties: string }>(
    `SELECT r.scene_rowid AS rowid, r.aoi_coverage AS aoiCoverage, s.scene_id AS sceneId, s.properties
     FROM search_results r JOIN scenes s ON s.id = r.scene_rowid
     WHERE r.search_id = ? AND s.scene_id IN (SELECT value FROM json_each(?))`,
  );
  const removeSearch = db.prepare<[string]>('DELETE FROM searches WHERE id = ?');
  /** Adds scenes after `start` results; returns the new result count. */
  const addScenes = (searchId: string, provider: string, scenes: Scene[], start: number): number => {
    const rowids = sceneStore.store(provider, scenes);
    // Paged provider results can repeat a scene (items shift between page requests): keep the first.
    const listed = new Set(start === 0 ? [] : listedAlready.all(searchId, JSON.stringify(rowids)));
    const results: unknown[][] = [];
    scenes.forEach((scene, i) => {
      const rowid = rowids[i] as number;
      if (listed.has(rowid)) return;
      listed.add(rowid);
      results.push([searchId, start + results.length, rowid, scene.aoiCoverage]);
    });
    insertResults(results);
    return start + results.length;
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
        scenes: sceneStore.listed(pageResults.all(searchId, limit, offset)),
      };
    },
    /** Every provider property of one scene of the search; undefined when the search did not return it. */
    sceneProperties(searchId: string, sceneId: string): Scene['properties'] | undefined {
      const text = propertiesOf.get({ search: searchId, scene: sceneId });
      return text === undefined ? undefined : (JSON.parse(text) as Scene['properties']);
    },
    /** The search's scenes with these ids, in the order asked; ids the search did not return are absent. */
    findScenes(searchId: string, sceneIds: readonly string[]): Scene[] {
      const found = someResults.all(searchId, JSON.stringify(sceneIds));
      const listed = sceneStore.listed(found);
      const byId = new Map(found.map((r, i) => [r.sceneId, { ...(listed[i] as ListedScene), properties: JSON.parse(r.properties) as Scene['properties'] }]));
      return sceneIds.flatMap((id) => byId.get(id) ?? []);
    },
    /** Removes the search and its result list; scenes stay cached for other searches and offline queries. */
    remove: (searchId: string): boolean => removeSearch.run(searchId).changes > 0,
    /** See SceneStore.queryCached. */
    queryCached: (bbox: BBox, fromMs: number, toMs: number, limit: number): CachedSceneItem[] => sceneStore.queryCached(bbox, fromMs, toMs, limit),
  };
}
export type SearchesRepo = ReturnType<typeof createSearchesRepo>;
