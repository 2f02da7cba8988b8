import { describe, expect, it } from 'vitest';
import { toProductOption } from './options';

describe('availableOptions -> ProductOption', () => {
  it('keeps constraint, mandatory, default and values of a list option', () => {
    expect(
      toProductOption({
        name: 'dem',
        label: 'ORTHORECTIFICATION_DEM_REFERENCE',
        type: 'list',
        values: [{ id: 'best_available', label: 'Best Available' }, { id: 'srtm', label: 'SRTM' }],
        defaultValue: 'best_available',
        range: null,
        mandatory: 'constraint',
        constraint: { reject: false, filter: 'processing_level:ortho' },
      }),
    ).toEqual({
      name: 'dem',
      label: 'ORTHORECTIFICATION_DEM_REFERENCE',
      type: 'list',
      values: [{ value: 'best_available', label: 'Best Available' }, { value: 'srtm', label: 'SRTM' }],
      defaultValue: 'best_available',
      min: null,
      max: null,
      mandatory: 'constraint',
      constraint: { filter: 'processing_level:ortho', reject: false },
    });
  });
  it('reads ranges, treats a blank default as none, and tolerates loose spellings', () => {
    expect(toProductOption({ name: 'elevation', label: 'ELEVATION', type: 'double', values: null, defaultValue: ' ', range: [-100, 10000], mandatory: 'false', constraint: null })).toMatchObject({
      type: 'double',
      values: [],
      defaultValue: null,
      min: -100,
      max: 10000,
    });
    expect(toProductOption({ name: 'n', type: 'INT', defaultValue: 3, mandatory: true })).toMatchObject({ label: 'n', type: 'integer', defaultValue: '3', mandatory: 'true' });
    expect(toProductOption({ name: 'p', type: 'weird', values: [{ id: 4326, label: null }] })).toMatchObject({ type: 'list', values: [{ value: '4326', label: '4326' }], mandatory: 'false' });
  });
});
