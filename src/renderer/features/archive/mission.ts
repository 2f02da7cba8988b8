import type { ListedScene, ProductType } from '../../../shared/domain/archive';
import { sceneFitsMission } from '../../../shared/domain/mission';

/**
 * A sentence naming the basket scenes the product cannot order (a SPOT scene in a Pléiades order is
 * refused by the provider), or null. Unknown missions are left to the provider to judge.
 */
export function missionMismatch(scenes: readonly Pick<ListedScene, 'constellation' | 'satellite' | 'acquisitionDate'>[], product: Pick<ProductType, 'mission' | 'label'> | undefined): string | null {
  if (!product) return null;
  const wrong = scenes.filter((s) => sceneFitsMission(s, product.mission) === false);
  if (wrong.length === 0) return null;
  const named = wrong.slice(0, 3).map((s) => `${s.satellite} ${s.acquisitionDate.slice(0, 10)}`).join(', ');
  return `${product.label} orders ${product.mission} scenes only: remove ${named}${wrong.length > 3 ? ` and ${wrong.length - 3} more` : ''} or choose their product type.`;
}
