import type { AoiSummary } from '../../../shared/domain/aoi';

/** Past this many AOIs the panel offers a filter by name. */
export const FILTER_FROM = 12;

/** The AOIs whose name contains the filter (any case), in list order; all of them without one. */
export function visibleAois<T extends Pick<AoiSummary, 'name'>>(list: readonly T[], filter: string): readonly T[] {
  const needle = filter.trim().toLowerCase();
  return needle ? list.filter((a) => a.name.toLowerCase().includes(needle)) : list;
}
