import type { Aoi } from '../../../shared/domain/aoi';

/** Rows rendered at most: a file of 25,000 AOIs must not cost 25,000 cards; the filter finds the rest. */
export const LIST_LIMIT = 200;

/** The AOIs to list: those matching the filter, at most LIST_LIMIT, the active one always among them. */
export function visibleAois(list: Aoi[], filter: string, activeId: string): { items: Aoi[]; hidden: number } {
  const needle = filter.trim().toLowerCase();
  const matching = needle ? list.filter((a) => a.name.toLowerCase().includes(needle)) : list;
  let items = matching.slice(0, LIST_LIMIT);
  const active = matching.length > LIST_LIMIT && !items.some((a) => a.id === activeId) ? matching.find((a) => a.id === activeId) : undefined;
  if (active) items = [active, ...items.slice(0, LIST_LIMIT - 1)];
  return { items, hidden: matching.length - items.length };
}
