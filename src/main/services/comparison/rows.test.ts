import { describe, expect, it } from 'vitest';
import type { PriceQuote } from '../../../shared/domain/archive';
import type { ComparisonLabel, ComparisonOffer, ComparisonRow } from '../../../shared/domain/comparison';
import { DeskFailure } from '../../errors';
import { failedRow, pricedRow, sortRows } from './rows';
import { mapLimited } from './service';

const offer: ComparisonOffer = { kind: 'tasking', accountId: 'acc', contractId: 'CTR', productTypeId: 'PleiadesTaskingOnePlan' };
const label = (product: string, provider = 'Airbus OneAtlas'): ComparisonLabel => ({ provider, accountName: 'Sandbox', product, type: 'OnePlan' });
const quote = (areas: number[], total: number, credit: number | null): PriceQuote => ({
  id: 'price-1',
  currency: 'EUR',
  lines: areas.map((areaKm2) => ({ productTypeId: 'P', areaKm2, amount: 0 })),
  discountPercentage: 0,
  discountValue: 0,
  totalAmount: total,
  creditRemaining: credit,
  createdAt: '2026-12-01T00:00:00.000Z',
});
const priced = (aoiAreaKm2: number, areas: number[], minimumKm2: number | null, total = 2000, credit: number | null = 250_000) =>
  pricedRow({ offer, label: label('Pléiades OnePlan'), price: quote(areas, total, credit), aoiAreaKm2, minimumKm2, earliestAcquisition: '2026-12-02T00:00:00.000Z', pricedAt: '2026-12-01T10:00:00.000Z' });

describe('comparison row arithmetic', () => {
  it('bills the sum of the price lines and names the minimum when it lifted the area above the AOI', () => {
    const row = priced(72.4, [100], 100);
    expect(row).toMatchObject({ areaBilledKm2: 100, minimumAppliedKm2: 100, amount: 2000, currency: 'EUR', creditAfter: 248_000, quoteId: 'price-1', error: null });
    expect(priced(60, [30.25, 30.25], 25).areaBilledKm2).toBe(60.5);
  });

  it('does not call a rounding of the AOI area a minimum (0.5 % tolerance)', () => {
    expect(priced(132.26, [132], 100).minimumAppliedKm2).toBeNull();
    expect(priced(100, [100.4], 100).minimumAppliedKm2).toBeNull();
    expect(priced(100, [100.6], 100).minimumAppliedKm2).toBe(100);
    // An archive scene covering part of the AOI is billed less than the AOI: no minimum.
    expect(priced(72, [41.3], 25).minimumAppliedKm2).toBeNull();
    // …but billed at exactly the minimum below the AOI: the covered part was smaller and was lifted.
    expect(priced(72, [25], 25).minimumAppliedKm2).toBe(25);
    expect(priced(72, [100], null).minimumAppliedKm2).toBeNull();
  });

  it('leaves the credit after unknown when the provider states no credit, and rounds it to the cent', () => {
    expect(priced(72, [100], 100, 450, null).creditAfter).toBeNull();
    expect(priced(72, [100], 100, 412.3, 1000.1).creditAfter).toBe(587.8);
    expect(priced(72, [100], 100, 500, 300).creditAfter).toBe(-200);
  });

  it('keeps a failure’s code, sentence and field, and says an unexpected one plainly', () => {
    const refused = failedRow(offer, label('x'), new DeskFailure('INVALID_REQUEST', 'The AOI is 72.4 km², this product needs 100 km².', { field: 'aoiId' }), 'now');
    expect(refused).toMatchObject({ amount: null, areaBilledKm2: null, quoteId: null, pricedAt: 'now', error: { code: 'INVALID_REQUEST', message: 'The AOI is 72.4 km², this product needs 100 km².', field: 'aoiId' } });
    expect(failedRow(offer, label('x'), new DeskFailure('UNSUPPORTED', 'quoted'), 'now').error).toEqual({ code: 'UNSUPPORTED', message: 'quoted' });
    expect(failedRow(offer, label('x'), new TypeError('boom'), 'now').error).toEqual({ code: 'INTERNAL', message: 'Pricing failed unexpectedly: boom' });
  });

  it('sorts cheapest first within a currency, failures last, ties by label', () => {
    const row = (product: string, amount: number | null, currency: string | null = 'EUR'): ComparisonRow => ({ ...priced(72, [100], 100, amount ?? 0), label: label(product), amount, currency });
    const sorted = sortRows([row('failed B', null, null), row('dear', 900), row('cheap', 100), row('usd', 50, 'USD'), row('failed A', null, null), row('also cheap', 100)]);
    expect(sorted.map((r) => r.label.product)).toEqual(['also cheap', 'cheap', 'dear', 'usd', 'failed A', 'failed B']);
  });
});

describe('mapLimited', () => {
  it('runs at most the limit at once and answers in the items’ order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimited([50, 10, 30, 5, 20, 1, 15], 3, async (ms) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return ms * 2;
    });
    expect(out).toEqual([100, 20, 60, 10, 40, 2, 30]);
    expect(peak).toBe(3);
  });
});
