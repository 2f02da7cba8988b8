import { describe, expect, it } from 'vitest';
import type { TaskingProductType } from '../../../shared/domain/tasking';
import { groupOffers, minimumAreaNote } from './offers';

const offer = (productTypeId: string, mission: string, progType: TaskingProductType['progType'], min: number | null = 100): TaskingProductType => ({
  productTypeId, label: productTypeId, mission, progType, minimumOrderAreaKm2: min, resolutionM: null,
});

describe('tasking offers', () => {
  it('groups by programming type, each group’s sensors Neo first', () => {
    const groups = groupOffers([
      offer('SpotPlan', 'SPOT', 'ONEPLAN'), offer('PhrNow', 'PLEIADES', 'ONENOW'), offer('PhrDay', 'PLEIADES', 'ONEDAY'),
      offer('NeoDay', 'PLEIADESNEO', 'ONEDAY'), offer('SpotDay', 'SPOT', 'ONEDAY'),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['OneDay', 'OneNow', 'OnePlan']);
    expect(groups[0]!.offers.map((o) => o.productTypeId)).toEqual(['NeoDay', 'PhrDay', 'SpotDay']);
    expect(groups[2]!.offers.map((o) => o.productTypeId)).toEqual(['SpotPlan']);
  });

  it('says how the AOI meets the minimum before any request', () => {
    expect(minimumAreaNote(132.4, offer('a', 'PLEIADES', 'ONEDAY'))).toMatchObject({ tone: 'ok' });
    expect(minimumAreaNote(24.5, offer('a', 'PLEIADES', 'ONEDAY'))).toEqual({ tone: 'error', text: expect.stringContaining('24.5 km², below the 100 km²') });
    expect(minimumAreaNote(24.5, offer('a', 'PLEIADES', 'ONEPLAN'))).toEqual({ tone: 'warn', text: expect.stringContaining('priced as 100 km²') });
    expect(minimumAreaNote(24.5, offer('a', 'PLEIADES', 'ONEPLAN', null))).toBeNull();
  });
});
