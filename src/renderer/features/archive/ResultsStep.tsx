import { needsProvider, type OfflineInfo } from '../../api/useOffline';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatUtc } from '../../ui/format';
import { hasMorePages } from './results';
import { ResultsList } from './ResultsList';
import { SceneDetail } from './SceneDetail';
import type { ArchiveSearch } from './useArchiveSearch';
import type { useSceneMap } from './useSceneMap';

/** The loaded results, "Load more" (the next page is appended) and the selected scene's details. */
export function ResultsStep(props: {
  search: ArchiveSearch;
  scenes: ReturnType<typeof useSceneMap>;
  basketIds: ReadonlySet<string>;
  offline: OfflineInfo | null;
  onToggleBasket(id: string): void;
  onZoom(id: string): void;
}) {
  const { search, scenes } = props;
  const r = search.results;
  if (!r) return <p className="empty">Run a search, or reopen one from the search history.</p>;
  const more = hasMorePages(r);
  const gate = needsProvider(props.offline);
  return (
    <div className="archive-results-step">
      <p className="muted" role="status">
        {r.reopened ? `Stored search of ${formatUtc(r.search.createdAt)}` : `Searched ${formatUtc(r.search.createdAt)}`} over {r.search.aoiName}: {r.scenes.length}
        {r.search.totalResults !== null ? ` of ${r.search.totalResults}` : ''} scenes
      </p>
      {r.scenes.length === 0 ? (
        <p className="empty">No scene matches. Widen the dates, or allow more cloud or a larger incidence angle.</p>
      ) : (
        <ResultsList
          scenes={r.scenes}
          selectedId={scenes.selectedId}
          hoveredId={scenes.hoveredId}
          basketIds={props.basketIds}
          onHover={scenes.setHoveredId}
          onSelect={(id) => scenes.select(id, true)}
          onToggleBasket={props.onToggleBasket}
        />
      )}
      {more && (
        <div className="form-actions">
          <button className="button" {...gate} disabled={gate.disabled || search.running !== null} aria-busy={search.running === 'more'} onClick={search.more}>
            {search.running === 'more' ? 'Loading…' : `Load page ${r.params.page + 1}`}
          </button>
        </div>
      )}
      <ErrorNote error={search.moreError} label="Next page failed" />
      {scenes.selected && scenes.selectedSearchId && (
        <SceneDetail
          scene={scenes.selected}
          searchId={scenes.selectedSearchId}
          inBasket={props.basketIds.has(scenes.selected.id)}
          quicklook={scenes.quicklook}
          quicklookLoading={scenes.quicklookLoading}
          onToggleBasket={() => scenes.selected && props.onToggleBasket(scenes.selected.id)}
          onZoom={() => scenes.selected && props.onZoom(scenes.selected.id)}
        />
      )}
    </div>
  );
}
