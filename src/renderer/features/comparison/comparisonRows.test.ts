import { describe, expect, it } from 'vitest';
import type { ComparisonCandidate, ComparisonRow } from '../../../shared/domain/comparison';
import { currenciesOf, DEFAULT_SORT, groupCandidates, nextSort, offerKey, sortRows } from './comparisonRows';

const archive = (sceneId: string, accountId = 'acc-1') => ({ kind: 'archive' as const, accountId, contractId: 'c1', productTypeId: 'PleiadesArchiveMono', searchId: 's1', sceneId });
const tasking = (productTypeId: string, accountId = 'acc-1') => ({ kind: 'tasking' as const, accountId, contractId: 'c1', productTypeId });

function row(product: string, amount: number | null, extra: Partial<ComparisonRow> = {}): ComparisonRow {
  return {
    offer: tasking(product),
    label: { provider: 'Airbus OneAtlas', accountName: 'Sandbox', product, type: 'OneDay' },
    areaBilledKm2: amount === null ? null : 100,
    minimumAppliedKm2: null,
    amount,
    currency: amount === null ? null : 'EUR',
    creditAfter: null,
    earliestAcquisition: null,
    quoteId: null,
    pricedAt: '2026-12-03T10:00:00Z',
    error: amount === null ? { code: 'PROVIDER_REFUSED', message: 'The AOI is below the minimum.' } : null,
    ...extra,
  };
}
const products = (rows: ComparisonRow[]) => rows.map((r) => r.label.product);

describe('offerKey', () => {
  it('tells two scenes of the same product apart, and archive from tasking', () => {
    expect(offerKey(archive('A'))).not.toBe(offerKey(archive('B')));
    expect(offerKey(tasking('X'))).not.toBe(offerKey({ ...tasking('X'), contractId: 'c2' }));
    expect(offerKey(archive('A'))).toBe(offerKey(archive('A')));
  });
});

describe('groupCandidates', () => {
  it('groups by provider account and contract, archive and tasking apart, in the order main gave', () => {
    const label = (accountName: string, provider: string) => ({ provider, accountName, product: 'p', type: 't' });
    const candidates: ComparisonCandidate[] = [
      { offer: tasking('T1'), label: label('One', 'Airbus OneAtlas') },
      { offer: archive('A', 'acc-2'), label: label('Geo', 'Airbus GeoAPI (legacy)') },
      { offer: archive('A'), label: label('One', 'Airbus OneAtlas') },
      { offer: { ...tasking('T1'), contractId: 'c2' }, label: label('One', 'Airbus OneAtlas') },
    ];
    const groups = groupCandidates(candidates);
    expect(groups.map((g) => [g.title, g.contractId])).toEqual([
      ['Airbus OneAtlas — One', 'c1'],
      ['Airbus GeoAPI (legacy) — Geo', 'c1'],
      ['Airbus OneAtlas — One', 'c2'],
    ]);
    expect(groups[0]?.archive).toHaveLength(1);
    expect(groups[0]?.tasking).toHaveLength(1);
    expect(groups[1]?.tasking).toHaveLength(0);
  });
});

describe('sortRows', () => {
  const rows = [row('B', 300), row('Refused', null), row('A', 120), row('C', 950.5)];

  it('sorts by amount ascending by default, the refused row last', () => {
    expect(products(sortRows(rows, DEFAULT_SORT))).toEqual(['A', 'B', 'C', 'Refused']);
  });

  it('keeps refused rows last when the order is reversed', () => {
    expect(products(sortRows(rows, { column: 'amount', direction: 'descending' }))).toEqual(['C', 'B', 'A', 'Refused']);
  });

  it('puts rows without a value in the column after those with one, before refusals', () => {
    const withDates = [
      row('Archive', 50),
      row('Late', 500, { earliestAcquisition: '2026-12-10T10:00:00Z' }),
      row('Soon', 800, { earliestAcquisition: '2026-12-04T10:00:00Z' }),
      row('Refused', null),
    ];
    expect(products(sortRows(withDates, { column: 'earliest', direction: 'ascending' }))).toEqual(['Soon', 'Late', 'Archive', 'Refused']);
    expect(products(sortRows(withDates, { column: 'earliest', direction: 'descending' }))).toEqual(['Late', 'Soon', 'Archive', 'Refused']);
  });

  it('sorts text columns case-insensitively with numbers in order', () => {
    const named = [row('spot 10', 1), row('SPOT 2', 2), row('Pléiades', 3)];
    expect(products(sortRows(named, { column: 'product', direction: 'ascending' }))).toEqual(['Pléiades', 'SPOT 2', 'spot 10']);
  });

  it('does not change the rows it was given', () => {
    const copy = [...rows];
    sortRows(rows, DEFAULT_SORT);
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts another ascending', () => {
    expect(nextSort(DEFAULT_SORT, 'amount')).toEqual({ column: 'amount', direction: 'descending' });
    expect(nextSort({ column: 'amount', direction: 'descending' }, 'area')).toEqual({ column: 'area', direction: 'ascending' });
  });
});

describe('currenciesOf', () => {
  it('lists the currencies of priced rows only', () => {
    expect(currenciesOf([row('A', 1), row('B', 2, { currency: 'USD' }), row('C', null)])).toEqual(['EUR', 'USD']);
  });
});
