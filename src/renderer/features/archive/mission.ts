import type { ListedScene, ProductType } from '../../../shared/domain/archive';

/** Which scenes a mission's product can order, by constellation or satellite name as providers spell them. */
const FAMILY: Record<string, RegExp> = {
  SPOT: /^SPOT/i,
  PLEIADES: /^(PHR|PLEIADES$|PLEIADES ?1)/i,
  PLEIADESNEO: /^(PNEO|PLEIADES ?NEO)/i,
};

/**
 * A sentence naming the basket scenes the product cannot order (a SPOT scene in a Pléiades order is
 * refused by the provider), or null. Unknown missions are left to the provider to judge.
 */
export function missionMismatch(scenes: readonly Pick<ListedScene, 'constellation' | 'satellite' | 'acquisitionDate'>[], product: Pick<ProductType, 'mission' | 'label'> | undefined): string | null {
  const family = product ? FAMILY[product.mission.toUpperCase()] : undefined;
  if (!family || !product) return null;
  const wrong = scenes.filter((s) => !family.test(s.constellation) && !family.test(s.satellite));
  if (wrong.length === 0) return null;
  const named = wrong.slice(0, 3).map((s) => `${s.satellite} ${s.acquisitionDate.slice(0, 10)}`).join(', ');
  return `${product.label} orders ${product.mission} scenes only: remove ${named}${wrong.length > 3 ? ` and ${wrong.length - 3} more` : ''} or choose their product type.`;
}
