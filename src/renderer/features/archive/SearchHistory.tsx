import type { SearchSummary } from '../../../shared/domain/archive';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatUtc } from '../../ui/format';
import type { ArchiveSearch } from './useArchiveSearch';

const describe = (s: SearchSummary) =>
  `${s.aoiName} · ${s.params.from} → ${s.params.to} · ≤${s.params.maxCloudCover} % cloud · ${s.resultCount}${s.totalResults !== null ? ` of ${s.totalResults}` : ''} scenes`;

/** Past searches, stored locally: reopening one needs no provider, so it works offline. */
export function SearchHistory({ search, onReopen }: { search: ArchiveSearch; onReopen(searchId: string): void }) {
  const list = search.history.value ?? [];
  return (
    <details className="fieldset archive-history">
      <summary>Search history ({list.length})</summary>
      <ErrorNote error={search.history.error} label="Search history could not be loaded" />
      {list.length === 0 ? (
        <p className="muted">No stored search yet.</p>
      ) : (
        <ul className="archive-history__list" aria-label="Past searches">
          {list.map((s) => (
            <li key={s.searchId}>
              <button
                className="link-button archive-history__item"
                aria-label={`Reopen search of ${formatUtc(s.createdAt)}: ${describe(s)}`}
                disabled={search.running !== null}
                onClick={() => onReopen(s.searchId)}
              >
                <span>{formatUtc(s.createdAt)}</span>
                <span className="muted">
                  {s.accountLabel} — {describe(s)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
