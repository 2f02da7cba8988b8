import { describe, expect, it } from 'vitest';
import type { ProductCatalogue } from '../../../shared/domain/archive';
import { buildDraft, type OrderFormValues } from './draft';

const catalogue: ProductCatalogue = {
  options: [
    { name: 'processing_level', label: 'Processing level', type: 'list', values: [{ value: 'ortho', label: 'Ortho' }, { value: 'primary', label: 'Primary' }], defaultValue: 'ortho', min: null, max: null, mandatory: 'true', constraint: null },
    { name: 'projection_1', label: 'Projection', type: 'list', values: [{ value: '32631', label: 'UTM 31N' }], defaultValue: null, min: null, max: null, mandatory: 'constraint', constraint: { filter: 'processing_level:primary', reject: true } },
  ],
  deliveryTypes: [{ value: 'network', label: 'FTP + My Data' }, { value: 'MEDIA', label: 'Media' }],
  primaryMarkets: [{ value: 'AGRI', label: 'Agriculture' }, { value: 'DEF', label: 'Defence' }],
  secondaryMarkets: { AGRI: [{ value: 'AGRI_ENV', label: 'Environment' }] },
  countries: [{ value: 'FR', label: 'France' }],
};
const ctx = { accountId: 'acc', contractId: 'c', productTypeId: 'PHR', aoiId: 'aoi', searchId: 's1', sceneIds: ['a', 'b'], notifies: false };
const form: OrderFormValues = { choices: { projection_1: '32631' }, deliveryType: '', primaryMarket: 'AGRI', secondaryMarket: 'AGRI_ENV', country: 'FR', customerReference: ' desk-20240510-abcdef ', notificationEmails: '' };

describe('order draft', () => {
  it('builds the draft with applicable options, the default delivery type and a trimmed reference', () => {
    const r = buildDraft(ctx, catalogue, form);
    expect(r.problems).toEqual({});
    const { notifies: _notifies, ...drafted } = ctx;
    expect(r.draft).toEqual({
      ...drafted,
      options: [{ key: 'processing_level', value: 'ortho' }, { key: 'projection_1', value: '32631' }],
      deliveryType: 'network',
      primaryMarket: 'AGRI',
      secondaryMarket: 'AGRI_ENV',
      country: 'FR',
      customerReference: 'desk-20240510-abcdef',
      notificationEmails: [],
    });
  });

  it('asks OneAtlas orders for notification e-mails, split from what was typed, and says which address is wrong', () => {
    const notifying = { ...ctx, notifies: true };
    expect(buildDraft(notifying, catalogue, form).problems).toEqual({ notificationEmails: 'Give at least one e-mail address for the order notifications.' });
    expect(buildDraft(notifying, catalogue, { ...form, notificationEmails: 'ops@example.com; gis@example' }).problems).toEqual({ notificationEmails: '“gis@example” is not an e-mail address.' });
    expect(buildDraft(notifying, catalogue, { ...form, notificationEmails: ' ops@example.com, gis@example.org ' }).draft?.notificationEmails).toEqual(['ops@example.com', 'gis@example.org']);
  });

  it('leaves the secondary market out where the primary has none, and the country where none is offered', () => {
    const r = buildDraft(ctx, { ...catalogue, countries: [] }, { ...form, primaryMarket: 'DEF', secondaryMarket: 'AGRI_ENV', country: '' });
    expect(r.draft).toMatchObject({ primaryMarket: 'DEF', secondaryMarket: null, country: null });
  });

  it('says what is missing instead of guessing markets, country or mandatory options', () => {
    const r = buildDraft({ ...ctx, sceneIds: [] }, catalogue, { ...form, choices: {}, primaryMarket: '', country: 'XX', customerReference: ' ' });
    expect(r.draft).toBeNull();
    expect(r.problems).toEqual({
      basket: 'Add at least one scene to the basket.',
      primaryMarket: 'Choose the primary market.',
      country: 'Choose the end user’s country.',
      customerReference: 'A customer reference is required.',
      options: '1 production option(s) need attention.',
    });
    expect(r.evaluation.errors).toEqual({ projection_1: 'Projection is required.' });
  });

  it('requires the secondary market when the primary offers some, and keeps a chosen delivery type', () => {
    const r = buildDraft(ctx, catalogue, { ...form, secondaryMarket: '', deliveryType: 'MEDIA' });
    expect(r.problems).toEqual({ secondaryMarket: 'Choose the secondary market.' });
    expect(r.deliveryType).toBe('MEDIA');
  });
});
