import { describe, expect, it } from 'vitest';
import type { DeliveredProduct } from '../../../shared/domain/deliveries';
import { filesPhrase, platformOf, sourceText } from './deliveryText';

const product = (over: Partial<DeliveredProduct> = {}): DeliveredProduct => ({
  id: 'p1',
  accountId: 'a1',
  title: 'DS_PHR1A_202405021041',
  constellation: 'PHR',
  platform: 'PHR1A',
  processingLevel: 'ORTHO',
  productType: null,
  acquisitionDate: '2024-05-02T10:41:00Z',
  publicationDate: null,
  cloudCover: 3,
  incidenceAngle: 12,
  resolution: 0.5,
  customerReference: 'ref-1',
  source: { kind: 'order', id: 'o1', contractId: 'c1', label: 'Order SO-1 · Pléiades ortho' },
  footprint: { type: 'Polygon', coordinates: [] },
  files: [],
  properties: {},
  ...over,
});

describe('delivered product text', () => {
  it('names the order or tasking it came from, or says none matched', () => {
    expect(sourceText(product())).toBe('Order SO-1 · Pléiades ortho');
    expect(sourceText(product({ source: null }))).toBe('No matching order in this desk (reference ref-1)');
    expect(sourceText(product({ source: null, customerReference: null }))).toBe('No matching order in this desk');
  });
  it('falls back from platform to constellation', () => {
    expect(platformOf(product({ platform: null }))).toBe('PHR');
    expect(platformOf(product({ platform: null, constellation: null }))).toBe('Unknown platform');
  });
  it('says the files of a row in one phrase', () => {
    expect(filesPhrase(['downloaded ✓'])).toBe('1 file: downloaded ✓');
    expect(filesPhrase([])).toBe('no file to download');
    expect(filesPhrase(['queued', 'not downloaded'])).toBe('2 files: queued, not downloaded');
  });
});
