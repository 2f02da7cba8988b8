/**
 * Windowing math for long lists of fixed-height rows: only the rows in view (plus a few either side
 * so fast scrolling shows no gaps) are rendered. Pure so it is tested without a DOM.
 */
export interface WindowRange {
  /** First rendered index (inclusive). */
  start: number;
  /** Last rendered index + 1 (exclusive). */
  end: number;
  /** Pixels above the first rendered row, i.e. where it is placed. */
  offsetTop: number;
  /** Height of the whole list, so the scrollbar matches every row. */
  totalHeight: number;
}

export function visibleRange(args: { count: number; rowHeight: number; scrollTop: number; viewportHeight: number; overscan: number }): WindowRange {
  const { rowHeight } = args;
  const count = Math.max(0, Math.floor(args.count));
  const totalHeight = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: Math.max(0, totalHeight) };
  // A scrollTop beyond the content (the list just got shorter) clamps to the last screenful.
  const maxTop = Math.max(0, totalHeight - args.viewportHeight);
  const top = Math.min(Math.max(0, args.scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(0, args.viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - args.overscan);
  const end = Math.min(count, first + visible + args.overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/** The scrollTop that brings row `index` fully into view with the least movement (unchanged if it is). */
export function scrollToReveal(args: { index: number; rowHeight: number; scrollTop: number; viewportHeight: number }): number {
  const rowTop = args.index * args.rowHeight;
  const rowBottom = rowTop + args.rowHeight;
  if (rowTop < args.scrollTop) return rowTop;
  if (rowBottom > args.scrollTop + args.viewportHeight) return Math.max(0, rowBottom - args.viewportHeight);
  return args.scrollTop;
}
