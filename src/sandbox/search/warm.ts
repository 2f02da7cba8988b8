import { warmLandMask } from '../geo/landmask';
import { parseOneAtlasQuery } from './oneatlas';
import { SATELLITES, slotTable } from './orbits';
import { runCatalogueQuery } from './query';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What the first search after start would otherwise pay for, done in the background in small steps:
 * the land mask, each satellite's slot table, and one small search far from anywhere a user starts
 * (central Kazakhstan, one month) so the sweep's code is compiled. The scene cache of the place the
 * user searches stays cold: that cost is the search itself, not set-up.
 */
export async function warmCatalogue(seed: number, nowMs: number): Promise<void> {
  await warmLandMask();
  for (const sat of SATELLITES) {
    slotTable(sat);
    await nextTurn();
  }
  const box = { type: 'Polygon', coordinates: [[[66.9, 48.0], [67.1, 48.0], [67.1, 48.15], [66.9, 48.15], [66.9, 48.0]]] }; // prettier-ignore
  const month = `[${new Date(nowMs - 30 * 86_400_000).toISOString()},${new Date(nowMs).toISOString()}[`;
  runCatalogueQuery(seed, parseOneAtlasQuery({ geometry: box, acquisitionDate: month, itemsPerPage: 10 }), nowMs, ['SPOT', 'PHR', 'PNEO']);
}
