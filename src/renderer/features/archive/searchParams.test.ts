import { describe, expect, it } from 'vitest';
import { defaultSearchForm, toSearchParams } from './searchParams';

const ctx = { accountId: 'acc', contractId: 'c1', activeAoiId: 'aoi-active' };

describe('search form', () => {
  it('defaults to the last twelve months over the active AOI', () => {
    const values = defaultSearchForm(new Date('2024-05-10T12:00:00Z'));
    expect(values).toMatchObject({ aoiId: '', from: '2023-05-10', to: '2024-05-10', sort: 'date-desc' });
    const r = toSearchParams(values, ctx);
    expect(r.errors).toBeNull();
    expect(r.params).toMatchObject({ accountId: 'acc', contractId: 'c1', aoiId: 'aoi-active', maxCloudCover: 20, maxIncidenceAngle: 30, pageSize: 100, page: 1 });
  });

  it('uses a chosen AOI over the active one', () => {
    expect(toSearchParams({ ...defaultSearchForm(), aoiId: 'other' }, ctx).params?.aoiId).toBe('other');
  });

  it('names every field that stops the search', () => {
    const r = toSearchParams(
      { ...defaultSearchForm(), from: '2024-06-01', to: '2024-05-01', maxCloudCover: '120', maxIncidenceAngle: 'x', pageSize: '2.5' },
      { ...ctx, activeAoiId: '' },
    );
    expect(r.errors).toEqual({
      aoiId: 'Choose an AOI (or make one active in the AOIs section).',
      to: 'The end date is before the start date.',
      maxCloudCover: 'Cloud cover must be between 0 and 100.',
      maxIncidenceAngle: 'Incidence angle must be a number.',
      pageSize: 'Page size must be a whole number.',
    });
    expect(toSearchParams({ ...defaultSearchForm(), from: '' }, ctx).errors).toEqual({ from: 'Start date is required.' });
  });
});
