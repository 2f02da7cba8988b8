import { describe, expect, it } from 'vitest';
import type { ProductCatalogue, ProductOption } from '../../../shared/domain/archive';
import { DeskFailure } from '../../errors';
import { comparisonReference, pricingDeclarations } from './declarations';

const option = (name: string, defaultValue: string | null, mandatory: ProductOption['mandatory'] = 'true'): ProductOption => ({
  name, label: name, type: 'list', values: [{ value: 'A', label: 'A' }, { value: 'B', label: 'B' }], defaultValue, min: null, max: null, mandatory, constraint: null,
});
const catalogue = (patch: Partial<ProductCatalogue> = {}): ProductCatalogue => ({
  options: [option('processing_level', 'B'), option('licence', null, 'false')],
  deliveryTypes: [{ value: 'workspace', label: 'Workspace' }, { value: 'ftp', label: 'FTP' }],
  primaryMarkets: [{ value: 'AGRI', label: 'Agriculture' }, { value: 'NQUAL', label: 'Not qualified' }],
  secondaryMarkets: { AGRI: [{ value: 'AGRI_PREC', label: 'x' }, { value: 'AGRI_NQ', label: 'y' }] },
  countries: [{ value: 'FR', label: 'France' }],
  ...patch,
});
const now = new Date('2026-12-03T16:00:00Z');

describe('pricing declarations', () => {
  it('takes the provider’s defaults, its first delivery type and the neutral market', () => {
    expect(pricingDeclarations('P', catalogue(), now)).toEqual({
      options: [{ key: 'processing_level', value: 'B' }], deliveryType: 'workspace', primaryMarket: 'NQUAL', secondaryMarket: null, country: 'FR', customerReference: 'compare-20261203',
    });
  });
  it('falls back to the first market offered and its “not qualified” sub-market', () => {
    const d = pricingDeclarations('P', catalogue({ primaryMarkets: [{ value: 'AGRI', label: 'Agriculture' }], countries: [] }), now);
    expect(d).toMatchObject({ primaryMarket: 'AGRI', secondaryMarket: 'AGRI_NQ', country: null });
  });
  it('refuses in one sentence when a mandatory option has no default or nothing can be declared', () => {
    const noDefault = () => pricingDeclarations('Pleiades 0.5-m', catalogue({ options: [option('processing_level', null)] }), now);
    expect(noDefault).toThrow(DeskFailure);
    expect(noDefault).toThrow('Pleiades 0.5-m has no default for processing_level: open it to choose the production options.');
    expect(() => pricingDeclarations('P', catalogue({ deliveryTypes: [] }), now)).toThrow('The provider offers no delivery type for P.');
    expect(() => pricingDeclarations('P', catalogue({ primaryMarkets: [] }), now)).toThrow('The provider offers no market for P.');
  });
  it('dates the reference by UTC day', () => expect(comparisonReference(new Date('2026-01-09T23:59:59Z'))).toBe('compare-20260109'));
});
