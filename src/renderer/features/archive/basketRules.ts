import type { ListedScene } from '../../../shared/domain/archive';

/** The scenes to price and order together. An order names one stored search (OrderDraft.searchId). */
export interface Basket {
  /** Where the scenes were found: the search, its AOI and the account (the draft needs all three). */
  origin: { searchId: string; aoiId: string; accountId: string } | null;
  scenes: ListedScene[];
}

export const EMPTY_BASKET: Basket = { origin: null, scenes: [] };
/** OrderDraft.sceneIds accepts at most 50. */
export const BASKET_LIMIT = 50;

/** Adds or removes a scene; a refusal says why and leaves the basket as it was. */
export function toggleInBasket(basket: Basket, scene: ListedScene, origin: NonNullable<Basket['origin']>): { basket: Basket; refused: string | null } {
  if (basket.scenes.some((s) => s.id === scene.id)) {
    const scenes = basket.scenes.filter((s) => s.id !== scene.id);
    return { basket: { origin: scenes.length ? basket.origin : null, scenes }, refused: null };
  }
  if (basket.origin !== null && basket.origin.searchId !== origin.searchId && basket.scenes.length > 0) {
    return { basket, refused: 'The basket holds scenes of another search; an order takes scenes of one search. Empty the basket first.' };
  }
  if (basket.scenes.length >= BASKET_LIMIT) return { basket, refused: `An order takes at most ${BASKET_LIMIT} scenes.` };
  return { basket: { origin: basket.origin ?? origin, scenes: [...basket.scenes, scene] }, refused: null };
}
