import type { ListedScene, ListedSearchPage, SearchParams, SearchSummary } from '../../../shared/domain/archive';

/** The results on screen: every page loaded so far of one search, in the order they arrived. */
export interface LoadedResults {
  /** The search the list started with (its params, AOI, account). */
  search: SearchSummary;
  /** The params of the last page asked for; `page` says how many pages are loaded. */
  params: SearchParams;
  aoiGeometry: ListedSearchPage['aoiGeometry'];
  scenes: ListedScene[];
  /** Which stored search each scene belongs to: an order names one search (OrderDraft.searchId). */
  searchOf: Record<string, string>;
  /** Reopened from history (possibly offline) rather than just searched. */
  reopened: boolean;
}

export function fromPage(page: ListedSearchPage, reopened = false): LoadedResults {
  const searchOf: Record<string, string> = {};
  for (const s of page.scenes) searchOf[s.id] = page.search.searchId;
  // A stored search may hold several pages: the next one to ask for follows what is stored.
  const pages = Math.max(1, Math.ceil(page.scenes.length / page.search.params.pageSize));
  const params = { ...page.search.params, page: Math.max(pages, page.search.params.page) };
  return { search: page.search, params, aoiGeometry: page.aoiGeometry, scenes: page.scenes, searchOf, reopened };
}

/**
 * Adds page N+1 below what is loaded: appending keeps the analyst's place, the selection and the
 * basket, and lets footprints accumulate on the map. When main appended the page to the same stored
 * search it answers the whole stored list, which then replaces ours; when it stored the page as a
 * search of its own we append its scenes, skipping any already listed, and remember their search.
 */
export function appendPage(current: LoadedResults, page: ListedSearchPage, params: SearchParams): LoadedResults {
  if (page.search.searchId === current.search.searchId) {
    return { ...fromPage(page, current.reopened), params };
  }
  const seen = new Set(current.scenes.map((s) => s.id));
  const added = page.scenes.filter((s) => !seen.has(s.id));
  const searchOf = { ...current.searchOf };
  for (const s of added) searchOf[s.id] = page.search.searchId;
  return { ...current, params, scenes: [...current.scenes, ...added], searchOf };
}

/** Whether the provider has more than what is loaded (unknown totals: a full last page suggests so). */
export function hasMorePages(r: LoadedResults): boolean {
  const total = r.search.totalResults;
  if (total !== null) return r.scenes.length < total;
  return r.scenes.length >= r.params.page * r.params.pageSize;
}
