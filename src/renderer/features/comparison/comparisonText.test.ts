import { describe, expect, it } from 'vitest';
import { compareBlocker, compareLabel, localDateTime, MAX_OFFERS, minimumText, orderButtonName, pricedAt, pricingLabel, staleNote } from './comparisonText';

describe('compareBlocker', () => {
  it('says what is missing, AOI first', () => {
    expect(compareBlocker({ hasAoi: false, ticked: 3, running: false })).toMatch(/active AOI/);
    expect(compareBlocker({ hasAoi: true, ticked: 0, running: false })).toBe('Tick at least one offer to compare.');
    expect(compareBlocker({ hasAoi: true, ticked: MAX_OFFERS + 2, running: false })).toBe(`Compare at most ${MAX_OFFERS} offers at once: untick 2.`);
    expect(compareBlocker({ hasAoi: true, ticked: 2, running: true })).toMatch(/running/);
  });

  it('lets a comparison of one to the limit run', () => {
    expect(compareBlocker({ hasAoi: true, ticked: 1, running: false })).toBeNull();
    expect(compareBlocker({ hasAoi: true, ticked: MAX_OFFERS, running: false })).toBeNull();
  });
});

describe('labels', () => {
  it('counts offers in words', () => {
    expect(compareLabel(1)).toBe('Compare 1 offer');
    expect(compareLabel(4)).toBe('Compare 4 offers');
    expect(pricingLabel(4)).toBe('Pricing 4 offers…');
  });

  it('names the order button by its product, type and account, starting with what it shows', () => {
    expect(orderButtonName({ label: { provider: 'Airbus OneAtlas', accountName: 'Sandbox', product: 'SPOT 1.5-m · PHR1A 2024-05-02', type: 'Archive' } })).toBe(
      'Order… SPOT 1.5-m · PHR1A 2024-05-02 (Archive, Sandbox)',
    );
  });
});

describe('minimumText', () => {
  it('names the minimum when it lifted the billed area, "No" otherwise, a dash without a price', () => {
    expect(minimumText({ minimumAppliedKm2: 100, areaBilledKm2: 100 })).toBe('100 km²');
    expect(minimumText({ minimumAppliedKm2: null, areaBilledKm2: 132.4 })).toBe('No');
    expect(minimumText({ minimumAppliedKm2: null, areaBilledKm2: null })).toBe('—');
  });
});

describe('pricedAt', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  it('is fresh within a day and stale after it', () => {
    expect(pricedAt('2026-12-03T09:00:00Z', now)).toEqual({ relative: '3 h ago', exact: '2026-12-03 09:00 UTC', stale: false });
    expect(pricedAt('2026-12-02T11:00:00Z', now)).toMatchObject({ relative: '1 d ago', stale: true });
  });
});

describe('staleNote', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  it('counts the prices older than a day, says nothing when all are fresh', () => {
    expect(staleNote([{ pricedAt: '2026-12-03T11:00:00Z' }], now)).toBeNull();
    const old = { pricedAt: '2026-12-01T11:00:00Z' };
    const fresh = { pricedAt: '2026-12-03T11:00:00Z' };
    expect(staleNote([old, fresh], now)).toBe('One of these prices is more than a day old: price it again before relying on it.');
    expect(staleNote([old, old, fresh], now)).toBe('2 of these prices are more than a day old: price them again before relying on them.');
    expect(staleNote([old, old], now)).toBe('These prices are more than a day old: price them again before relying on them.');
  });
});

describe('localDateTime', () => {
  it('reads an instant in local time and leaves a dash for none', () => {
    expect(localDateTime(null)).toBe('—');
    const shown = localDateTime('2026-12-05T10:30:00Z');
    expect(shown).toMatch(/Dec 2026/);
    expect(shown).toMatch(/\d{2}:\d{2}/);
  });
});
