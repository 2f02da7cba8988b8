import { describe, expect, it } from 'vitest';
import { formatAngle, formatCoverage, formatDay, formatMetres, formatMoney, formatPercent, formatProperty, formatSince, formatUtc } from './format';

describe('archive formatting', () => {
  it('shows dates in UTC and keeps unreadable ones as given', () => {
    expect(formatUtc('2024-05-02T10:41:27.500+02:00')).toBe('2024-05-02 08:41 UTC');
    expect(formatDay('2024-05-02T23:59:00Z')).toBe('2024-05-02');
    expect(formatUtc('yesterday')).toBe('yesterday');
    expect(formatUtc(null)).toBe('—');
  });

  it('formats shares, angles, resolutions and percentages', () => {
    expect(formatCoverage(0.456)).toBe('46 %');
    expect(formatCoverage(0.004)).toBe('<1 %');
    expect(formatCoverage(0)).toBe('0 %');
    expect(formatCoverage(null)).toBe('—');
    expect(formatPercent(3.4)).toBe('3 %');
    expect(formatAngle(12.345)).toBe('12.3°');
    expect(formatMetres(0.5)).toBe('0.50 m');
    expect(formatMetres(1.5)).toBe('1.5 m');
    expect(formatMetres(null)).toBe('—');
  });

  it('formats money with its currency and survives unknown codes', () => {
    expect(formatMoney(1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatMoney(10, 'XXXX')).toBe('10.00 XXXX');
    expect(formatMoney(null, 'EUR')).toBe('—');
  });

  it('says how old stored data is', () => {
    const now = Date.parse('2024-05-10T12:00:00Z');
    expect(formatSince('2024-05-10T11:59:40Z', now)).toBe('just now');
    expect(formatSince('2024-05-10T11:15:00Z', now)).toBe('45 min ago');
    expect(formatSince('2024-05-10T09:00:00Z', now)).toBe('3 h ago');
    expect(formatSince('2024-05-08T12:00:00Z', now)).toBe('2 d ago');
    expect(formatSince('2024-01-01T00:00:00Z', now)).toBe('on 2024-01-01 00:00 UTC');
    expect(formatSince(null, now)).toBe('at an unknown time');
  });

  it('shows provider properties of any shape', () => {
    expect(formatProperty('PHR1A')).toBe('PHR1A');
    expect(formatProperty(3)).toBe('3');
    expect(formatProperty({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(formatProperty(null)).toBe('—');
  });
});
