import { randomUUID } from 'node:crypto';
import type { Comparison, ComparisonOffer, ComparisonRow } from '../../../shared/domain/comparison';
import type { ComparisonsRepo } from '../../store/comparisons-repo';
import { findCandidates } from './candidates';
import { memoisedPorts, type ComparisonPorts } from './ports';
import { priceOffer } from './price-offer';
import { sortRows } from './rows';

/** How many offers are priced at once: enough to overlap round trips, few enough not to be rate-limited. */
export const PRICING_CONCURRENCY = 3;

/** Runs `work` over `items` with at most `limit` at a time; results keep the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * Price comparison for one AOI: what can be compared, every offer priced by its own room's use case
 * (a few at a time, each failure on its own row), the rows stored with their time.
 */
export function createComparisonService(deps: ComparisonPorts & { repo: ComparisonsRepo }) {
  return {
    candidates: (aoiId: string, searchId: string | null, sceneIds: string[]) => findCandidates(memoisedPorts(deps), aoiId, searchId, sceneIds),

    async run(aoiId: string, offers: ComparisonOffer[]): Promise<Comparison> {
      const aoi = deps.aoi(aoiId);
      const ports = memoisedPorts(deps);
      const rows: ComparisonRow[] = await mapLimited(offers, PRICING_CONCURRENCY, (offer) => priceOffer(ports, aoi, offer));
      const comparison: Comparison = { id: randomUUID(), aoiId, aoiAreaKm2: aoi.areaKm2, createdAt: deps.now().toISOString(), rows: sortRows(rows) };
      deps.repo.save(comparison);
      return comparison;
    },

    latest: (aoiId: string): Comparison | null => deps.repo.latest(aoiId),
  };
}
export type ComparisonService = ReturnType<typeof createComparisonService>;
