/**
 * Arrow-key movement through the rows of the taskings and segments lists (roving focus: one row's
 * button is in the tab order, arrows move it). Pure so it is tested without a DOM.
 */

/** Rows a Page key moves by: about what the narrow panel shows. */
export const PAGE_ROWS = 5;

/** Where `key` moves from `current` (-1 = none yet) in `count` rows; null for keys that do not move. */
export function nextRow(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current < 0 ? 0 : current - 1);
    case 'PageDown':
      return clamp(current + PAGE_ROWS);
    case 'PageUp':
      return clamp(current - PAGE_ROWS);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
