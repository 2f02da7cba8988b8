import type { Mission } from '../accounts/products';
import { findScene } from '../search/catalogue';
import { registerOrderHooks } from './hooks';

/**
 * Connects ordering to the search module's deterministic catalogue: an ordered scene the catalogue
 * knows is checked against the product's mission and clips the priced area to its footprint. Ids it
 * does not know (such as the guides' example datastrip ids) are still accepted on their format alone,
 * so that the guides' own example bodies can be ordered.
 */

const MISSIONS: Record<string, Mission> = { SPOT: 'SPOT', PHR: 'PLEIADES', PNEO: 'PLEIADESNEO' };

registerOrderHooks({
  findScene(id, state) {
    const scene = findScene(state.seed, id);
    if (!scene) return undefined;
    const mission = MISSIONS[scene.constellation];
    return { ...(mission ? { mission } : {}), footprint: [[scene.footprint.map(([lon, lat]) => [lon, lat] as [number, number])]] };
  },
});
