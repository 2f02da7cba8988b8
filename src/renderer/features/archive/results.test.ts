import { describe, expect, it } from 'vitest';
import type { Scene, SearchPage } from '../../../shared/domain/archive';
import { appendPage, fromPage, hasMorePages } from './results';

const scene = (id: string): Scene => ({
  id,
  sourceId: `DS_${id}`,
  constellation: 'PHR',
  satellite: 'PHR1A',
  acquisitionDate: '2024-05-02T10:00:00Z',
  cloudCover: 3,
  incidenceAngle: 12,
  resolutionM: 0.5,
  footprint: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
  aoiCoverage: 0.5,
  hasQuicklook: true,
  properties: {},
});
const params = { accountId: 'a', contractId: 'c', aoiId: 'x', from: '2024-01-01', to: '2024-12-31', maxCloudCover: 20, maxIncidenceAngle: 30, constellations: [], sort: 'date-desc' as const, pageSize: 2, page: 1 };
const page = (searchId: string, ids: string[], total: number | null = 5, p = 1): SearchPage => ({
  search: { searchId, accountId: 'a', accountLabel: 'A', aoiName: 'X', params: { ...params, page: p }, totalResults: total, resultCount: ids.length, createdAt: '2024-05-10T00:00:00Z' },
  aoiGeometry: { type: 'Polygon', coordinates: [] },
  scenes: ids.map(scene),
});

describe('loaded results', () => {
  it('appends a page stored as its own search, skipping repeats and remembering each scene’s search', () => {
    const first = fromPage(page('s1', ['a', 'b']));
    expect(hasMorePages(first)).toBe(true);
    const next = appendPage(first, page('s2', ['b', 'c'], 5, 2), { ...params, page: 2 });
    expect(next.scenes.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(next.searchOf).toEqual({ a: 's1', b: 's1', c: 's2' });
    expect(next.search.searchId).toBe('s1');
    expect(next.params.page).toBe(2);
  });

  it('takes the whole stored list when main appended the page to the same search', () => {
    const first = fromPage(page('s1', ['a', 'b']));
    const next = appendPage(first, page('s1', ['a', 'b', 'c', 'd']), { ...params, page: 2 });
    expect(next.scenes.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(next.params.page).toBe(2);
    expect(Object.values(next.searchOf)).toEqual(['s1', 's1', 's1', 's1']);
  });

  it('knows when everything is loaded, with or without a total', () => {
    expect(hasMorePages(fromPage(page('s', ['a', 'b'], 2)))).toBe(false);
    expect(hasMorePages(fromPage(page('s', ['a', 'b'], null)))).toBe(true);
    expect(hasMorePages(fromPage(page('s', ['a'], null)))).toBe(false);
  });

  it('continues a reopened search after the pages it stored', () => {
    const reopened = fromPage(page('s', ['a', 'b', 'c', 'd'], 9), true);
    expect(reopened.params.page).toBe(2);
    expect(reopened.reopened).toBe(true);
    expect(hasMorePages(reopened)).toBe(true);
  });
});
