import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TaskingSegment } from '../../../../shared/domain/tasking';
import { needsProvider, type OfflineInfo } from '../../../api/useOffline';
import { formatAngle, formatUtc } from '../../../ui/format';
import { nextRow } from './listKeys';
import { formatClearSky, isProposed, lastStatusChange, segmentLabel, segmentTone } from './taskingText';

/** Rows drawn at first; a tasking with thousands of segments shows more on request (the map has them all). */
const PAGE = 200;

/**
 * The tasking's segments: status, acquisition date, incidence, clear sky, catalogue id and the local
 * refusal reason, with Accept and Refuse on proposed ones. Hover and selection are shared with the map
 * (the row under the pointer or the keyboard is highlighted there; Enter or a click selects and zooms).
 */
export function SegmentList(props: {
  taskingId: string;
  segments: readonly TaskingSegment[];
  hoveredId: string | null;
  selectedId: string | null;
  /** A selection made on the map (counted, so a second click on the same one scrolls again). */
  reveal: { id: string; n: number } | null;
  offline: OfflineInfo | null;
  onHover(id: string | null): void;
  onSelect(id: string): void;
  onDecide(kind: 'accept' | 'refuse', segment: TaskingSegment): void;
}) {
  const { segments, selectedId } = props;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [limit, setLimit] = useState(PAGE);
  const selectedIndex = segments.findIndex((s) => s.id === selectedId);
  const shown = Math.min(segments.length, Math.max(limit, selectedIndex + 1));
  const focusIndex = Math.max(0, selectedIndex);

  const { reveal } = props;
  useEffect(() => {
    if (reveal) buttons.current.get(reveal.id)?.scrollIntoView({ block: 'nearest' });
  }, [reveal]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = nextRow(e.key, index, shown);
    if (next === null) return;
    e.preventDefault();
    const s = segments[next];
    if (!s) return;
    buttons.current.get(s.id)?.focus();
    props.onHover(s.id);
  };

  if (segments.length === 0) {
    return <p className="empty tk-empty">No acquisition yet. Segments appear here once acquired and processed; Refresh taskings to ask for news.</p>;
  }
  const decide = needsProvider(props.offline);
  return (
    <>
      <ul
        className="tk-segs"
        aria-label={`Segments of ${props.taskingId}, ${segments.length}`}
        aria-description="Arrow keys move between segments and highlight them on the map, Enter selects one and zooms to it."
        onMouseLeave={() => props.onHover(null)}
      >
        {segments.slice(0, shown).map((s, i) => {
          const last = lastStatusChange(s.events);
          const since = last ? `${s.status} since ${formatUtc(last.at)}${last.note ? ` (${last.note})` : ''}` : s.status;
          const classes = ['tk-seg', s.id === selectedId && 'is-selected', s.id === props.hoveredId && 'is-hovered', isProposed(s) && 'is-proposed'];
          return (
            <li key={s.id} className={classes.filter(Boolean).join(' ')} onMouseEnter={() => props.onHover(s.id)} onClick={() => props.onSelect(s.id)}>
              <div className="tk-seg__top">
                <button
                  type="button"
                  ref={(el) => {
                    if (el) buttons.current.set(s.id, el);
                    else buttons.current.delete(s.id);
                  }}
                  className="tk-seg__open mono"
                  aria-current={s.id === selectedId ? 'true' : undefined}
                  aria-label={`${segmentLabel(s)}${last ? `, since ${formatUtc(last.at)}` : ''}`}
                  tabIndex={i === focusIndex ? 0 : -1}
                  onKeyDown={(e) => onKeyDown(e, i)}
                  onFocus={() => props.onHover(s.id)}
                  onClick={(e) => {
                    e.stopPropagation();
                    props.onSelect(s.id);
                  }}
                >
                  {s.id}
                </button>
                <span className={`status-badge status-badge--${segmentTone(s.status)}`} title={since}>
                  {s.status}
                </span>
              </div>
              <div className="tk-seg__meta">
                <span>{formatUtc(s.acquisitionDate)}</span>
                <span title="Incidence angle">{formatAngle(s.incidenceAngle)}</span>
                <span title="Clear-sky rate">clear sky {formatClearSky(s.clearSkyRate)}</span>
              </div>
              {s.catalogId && (
                <div className="tk-seg__cat mono" title={`Catalogue id ${s.catalogId}`}>
                  {s.catalogId}
                </div>
              )}
              {s.refusalReason && <p className="tk-seg__reason">Refused: “{s.refusalReason}”</p>}
              {isProposed(s) && (
                <div className="tk-seg__actions" onClick={(e) => e.stopPropagation()}>
                  <button type="button" className="button tk-small-button" {...decide} aria-label={`Accept ${s.id}…`} onClick={() => props.onDecide('accept', s)}>
                    Accept…
                  </button>
                  <button type="button" className="button tk-small-button" {...decide} aria-label={`Refuse ${s.id}…`} onClick={() => props.onDecide('refuse', s)}>
                    Refuse…
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {shown < segments.length && (
        <button type="button" className="button tk-more" onClick={() => setLimit(shown + PAGE)}>
          Show {Math.min(PAGE, segments.length - shown)} more of {segments.length - shown} segments
        </button>
      )}
    </>
  );
}
