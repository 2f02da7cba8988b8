import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Comparison, ComparisonRow } from '../../shared/domain/comparison';
import { tempDatabase } from './archive-test-fixtures';
import { createComparisonsRepo, type ComparisonsRepo } from './comparisons-repo';

let t: ReturnType<typeof tempDatabase>;
let repo: ComparisonsRepo;
beforeEach(() => {
  t = tempDatabase();
  repo = createComparisonsRepo(t.db);
});
afterEach(() => t.cleanup());

const row = (product: string, amount: number | null): ComparisonRow => ({
  offer: { kind: 'tasking', accountId: 'acc', contractId: 'CTR', productTypeId: product },
  label: { provider: 'Airbus OneAtlas', accountName: 'Sandbox', product, type: 'OneDay' },
  areaBilledKm2: amount === null ? null : 100,
  minimumAppliedKm2: null,
  amount,
  currency: amount === null ? null : 'EUR',
  creditAfter: null,
  earliestAcquisition: null,
  quoteId: amount === null ? null : `q-${product}`,
  pricedAt: '2026-12-01T10:00:00.000Z',
  error: amount === null ? { code: 'UNSUPPORTED', message: 'no' } : null,
});
const comparison = (id: string, aoiId: string, createdAt: string, rows: ComparisonRow[]): Comparison => ({ id, aoiId, aoiAreaKm2: 72.4, createdAt, rows });

describe('comparisons repo', () => {
  it('answers the last comparison of an AOI with its rows in the order stored', () => {
    repo.save(comparison('c1', 'aoi-1', '2026-12-01T10:00:00.000Z', [row('A', 10)]));
    repo.save(comparison('c2', 'aoi-1', '2026-12-01T11:00:00.000Z', [row('B', 5), row('C', 7), row('D', null)]));
    repo.save(comparison('c3', 'aoi-2', '2026-12-01T12:00:00.000Z', [row('E', 1)]));
    const last = repo.latest('aoi-1');
    expect(last).toEqual(comparison('c2', 'aoi-1', '2026-12-01T11:00:00.000Z', [row('B', 5), row('C', 7), row('D', null)]));
    expect(repo.latest('aoi-3')).toBeNull();
  });

  it('drops a stored row that no longer fits the schema rather than trusting it', () => {
    repo.save(comparison('c1', 'aoi-1', '2026-12-01T10:00:00.000Z', [row('A', 10), row('B', 11)]));
    t.db.prepare("UPDATE comparison_rows SET json = '{\"amount\":\"ten\"}' WHERE position = 0").run();
    expect(repo.latest('aoi-1')?.rows.map((r) => r.label.product)).toEqual(['B']);
  });
});
