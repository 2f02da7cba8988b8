import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ListedScene } from '../../../shared/domain/archive';
import { formatAngle, formatCoverage, formatDay, formatMetres, formatPercent } from '../../ui/format';
import { sceneDetails } from './sceneText';
import { useWindowing } from './useWindowing';
import { nextIndex } from '../../ui/listKeys';

const ROW_HEIGHT = 44;
const optionId = (id: string) => `scene-${id.replace(/[^\w-]/g, '_')}`;

/**
 * The results as a virtualised listbox: arrows/Page/Home/End move the active row (highlighted on the
 * map too), Enter selects it, Space adds it to or removes it from the basket.
 */
export function ResultsList(props: {
  scenes: ListedScene[];
  selectedId: string | null;
  hoveredId: string | null;
  basketIds: ReadonlySet<string>;
  onHover(id: string | null): void;
  onSelect(id: string): void;
  onToggleBasket(id: string): void;
}) {
  const { scenes, selectedId } = props;
  const { ref, range, onScroll, reveal, pageRows } = useWindowing(scenes.length, ROW_HEIGHT);
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = scenes.findIndex((s) => s.id === (activeId ?? selectedId));

  // A selection made on the map scrolls the list to it (a DOM scroll, not state).
  useEffect(() => {
    if (selectedId) reveal(scenes.findIndex((s) => s.id === selectedId));
  }, [selectedId, scenes, reveal]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const active = scenes[activeIndex];
    if ((e.key === 'Enter' || e.key === ' ') && active) {
      e.preventDefault();
      if (e.key === 'Enter') props.onSelect(active.id);
      else props.onToggleBasket(active.id);
      return;
    }
    const next = nextIndex(e.key, activeIndex, scenes.length, pageRows);
    if (next === null) return;
    e.preventDefault();
    const scene = scenes[next];
    if (!scene) return;
    setActiveId(scene.id);
    props.onHover(scene.id);
    reveal(next);
  };

  const rows = scenes.slice(range.start, range.end);
  const active = scenes[activeIndex];
  return (
    <div className="archive-results">
      <div className="archive-results__head" aria-hidden="true">
        <span>Date · satellite</span>
        <span>Cloud</span>
        <span>Incid.</span>
        <span>Res.</span>
        <span>AOI</span>
      </div>
      <div
        ref={ref}
        className="archive-results__viewport"
        role="listbox"
        aria-label={`Search results, ${scenes.length} scenes`}
        aria-activedescendant={active ? optionId(active.id) : undefined}
        aria-description="Arrow keys move, Enter selects and shows the quicklook, Space adds to or removes from the basket."
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onMouseLeave={() => props.onHover(null)}
      >
        <div className="archive-results__spacer" style={{ height: range.totalHeight }}>
          <div style={{ transform: `translateY(${range.offsetTop}px)` }}>
            {rows.map((s, i) => {
              const index = range.start + i;
              const inBasket = props.basketIds.has(s.id);
              const classes = ['archive-row', s.id === selectedId && 'is-selected', s.id === props.hoveredId && 'is-hovered', index === activeIndex && 'is-active', inBasket && 'in-basket'];
              return (
                <div
                  key={s.id}
                  id={optionId(s.id)}
                  role="option"
                  aria-selected={s.id === selectedId}
                  aria-setsize={scenes.length}
                  aria-posinset={index + 1}
                  className={classes.filter(Boolean).join(' ')}
                  style={{ height: ROW_HEIGHT }}
                  onMouseEnter={() => props.onHover(s.id)}
                  onClick={() => {
                    setActiveId(s.id);
                    props.onSelect(s.id);
                  }}
                >
                  {/* The name is the row's own text (spaces between cells), then the spelled-out values. */}
                  <span className="archive-row__scene">
                    <span className="archive-row__date">{formatDay(s.acquisitionDate)}</span>{' '}
                    <span className="archive-row__sat" title={`${s.constellation} ${s.satellite}`}>
                      {s.satellite || s.constellation}
                    </span>
                  </span>{' '}
                  <span>{formatPercent(s.cloudCover)}</span>{' '}
                  <span>{formatAngle(s.incidenceAngle)}</span>{' '}
                  <span>{formatMetres(s.resolutionM)}</span>{' '}
                  <span>
                    {formatCoverage(s.aoiCoverage)}
                    {inBasket && <span className="archive-row__basket" aria-hidden="true"> ●</span>}
                  </span>
                  <span className="visually-hidden">
                    : {sceneDetails(s)}
                    {inBasket ? ', in basket' : ''}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
