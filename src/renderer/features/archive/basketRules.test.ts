import { describe, expect, it } from 'vitest';
import type { Scene } from '../../../shared/domain/archive';
import { BASKET_LIMIT, EMPTY_BASKET, toggleInBasket } from './basketRules';

const scene = (id: string) => ({ id }) as Scene;
const from = (searchId: string) => ({ searchId, aoiId: 'aoi', accountId: 'acc' });

describe('basket', () => {
  it('adds and removes scenes, forgetting the search once empty', () => {
    const one = toggleInBasket(EMPTY_BASKET, scene('a'), from('s1'));
    expect(one).toEqual({ basket: { origin: from('s1'), scenes: [scene('a')] }, refused: null });
    const two = toggleInBasket(one.basket, scene('b'), from('s1')).basket;
    expect(two.scenes.map((s) => s.id)).toEqual(['a', 'b']);
    const back = toggleInBasket(toggleInBasket(two, scene('a'), from('s1')).basket, scene('b'), from('s1')).basket;
    expect(back).toEqual(EMPTY_BASKET);
  });

  it('refuses scenes of another search and beyond the limit, unchanged', () => {
    const one = toggleInBasket(EMPTY_BASKET, scene('a'), from('s1')).basket;
    const other = toggleInBasket(one, scene('z'), from('s2'));
    expect(other.basket).toBe(one);
    expect(other.refused).toMatch(/another search/);
    let full = EMPTY_BASKET;
    for (let i = 0; i < BASKET_LIMIT; i++) full = toggleInBasket(full, scene(`x${i}`), from('s1')).basket;
    expect(toggleInBasket(full, scene('y'), from('s1')).refused).toBe('An order takes at most 50 scenes.');
  });
});
