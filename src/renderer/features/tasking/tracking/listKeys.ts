import { nextIndex } from '../../../ui/listKeys';

/**
 * Arrow-key movement through the rows of the taskings and segments lists (roving focus: one row's
 * button is in the tab order, arrows move it). Pure so it is tested without a DOM.
 */

/** Rows a Page key moves by: about what the narrow panel shows. */
export const PAGE_ROWS = 5;

/** Where `key` moves from `current` (-1 = none yet) in `count` rows; null for keys that do not move. */
export const nextRow = (key: string, current: number, count: number): number | null => nextIndex(key, current, count, PAGE_ROWS);
