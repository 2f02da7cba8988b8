import { useCallback, useEffect, useRef, useState, type UIEvent } from 'react';
import { scrollToReveal, visibleRange } from './windowing';

/**
 * Renders only the rows in view of a scrolling container of fixed-height rows, so thousands of
 * results cost what a screenful costs. Attach `ref` and `onScroll` to the scrolling element.
 */
export function useWindowing(count: number, rowHeight: number, overscan = 6) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // Until the first measurement: a plausible panel height, so the first paint is not empty.
  const [viewportHeight, setViewportHeight] = useState(480);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewportHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setScrollTop(e.currentTarget.scrollTop), []);

  /** Scrolls the least needed to show row `index`; the scroll event then re-renders the window. */
  const reveal = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el || index < 0) return;
      const top = scrollToReveal({ index, rowHeight, scrollTop: el.scrollTop, viewportHeight: el.clientHeight || viewportHeight });
      if (top !== el.scrollTop) el.scrollTop = top;
    },
    [rowHeight, viewportHeight],
  );

  const range = visibleRange({ count, rowHeight, scrollTop, viewportHeight, overscan });
  return { ref, range, onScroll, reveal, pageRows: Math.max(1, Math.floor(viewportHeight / rowHeight) - 1) };
}
