import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AoiSummary } from '../../../shared/domain/aoi';
import './AoiList.css';

/** Row pitch in pixels: the card's fixed height (room for its actions on two lines in the side panel) and the gap below it. */
export const ROW_HEIGHT = 126;
const CARD_HEIGHT = 118;
/** Rows rendered above and below those in sight, so Tab and a quick scroll find rows already there. */
const OVERSCAN = 4;

/** The rows [start, end) to render for a scroll position: those in sight and the overscan around them. */
export function rowWindow(scrollTop: number, viewportHeight: number, count: number): { start: number; end: number } {
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN);
  return { start, end: Math.max(start, end) };
}

/**
 * The AOI list, windowed: however many AOIs there are (a file brings 25,000), only the rows in sight
 * are in the page, each at its place in a spacer as tall as the whole list, so the scroll bar and
 * position say where one is. Each row says its position in the set for assistive technology.
 */
export function AoiList(props: {
  items: readonly AoiSummary[];
  /** When this changes (the filter), the list scrolls back to its top. */
  scrollKey: string;
  row(aoi: AoiSummary, place: { index: number; style: React.CSSProperties; setSize: number }): ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 8 * ROW_HEIGHT });
  const count = props.items.length;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight || 8 * ROW_HEIGHT });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Another filter shows another list: it starts at its top (a reload after an edit keeps the place).
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = 0;
  }, [props.scrollKey]);

  const { start, end } = rowWindow(view.top, view.height, count);
  return (
    <div className="aoi-list" ref={scroller} onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
      <ul className="card-list aoi-list__rows" aria-label="Areas of interest" style={{ height: count * ROW_HEIGHT }}>
        {props.items.slice(start, end).map((aoi, i) =>
          props.row(aoi, { index: start + i, setSize: count, style: { top: (start + i) * ROW_HEIGHT, height: CARD_HEIGHT } }),
        )}
      </ul>
    </div>
  );
}
