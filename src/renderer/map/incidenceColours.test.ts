import { describe, expect, it } from 'vitest';
import { INCIDENCE_BUCKETS, incidenceBucket, incidenceBucketOf, incidenceColour, incidenceRgba, UNKNOWN_INCIDENCE_BUCKET } from './incidenceColours';

/** WCAG relative luminance of an `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

describe('incidence buckets', () => {
  it('puts angles into 0–10, 10–20, 20–30 and > 30 degrees, upper bounds inclusive', () => {
    expect([0, 4.2, 10, 10.01, 19.9, 20, 25, 30, 30.01, 45, 89].map(incidenceBucket)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3]);
  });

  it('counts a signed angle by its size and gives unknown its own bucket', () => {
    expect(incidenceBucket(-12)).toBe(1);
    expect(incidenceBucket(null)).toBe(UNKNOWN_INCIDENCE_BUCKET);
    expect(incidenceBucket(undefined)).toBe(UNKNOWN_INCIDENCE_BUCKET);
    expect(incidenceBucket(Number.NaN)).toBe(UNKNOWN_INCIDENCE_BUCKET);
    expect(incidenceBucketOf(null).label).toBe('unknown');
  });

  it('labels every bucket for a legend, in order', () => {
    expect(INCIDENCE_BUCKETS.map((b) => b.label)).toEqual(['0–10°', '10–20°', '20–30°', '> 30°', 'unknown']);
  });

  it('ramps lightness monotonically, so the order reads without hue (colour-blind safe)', () => {
    const ramp = INCIDENCE_BUCKETS.slice(0, UNKNOWN_INCIDENCE_BUCKET).map((b) => luminance(b.colour));
    for (let i = 1; i < ramp.length; i++) expect(ramp[i]).toBeGreaterThan(ramp[i - 1]! * 1.4);
  });

  it('keeps the swatch colour and the map colour the same', () => {
    for (const [i, bucket] of INCIDENCE_BUCKETS.entries()) {
      const hex = `#${bucket.rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
      expect(hex).toBe(bucket.colour);
      expect(incidenceRgba(i, 0.5)).toBe(`rgba(${bucket.rgb.join(', ')}, 0.5)`);
    }
    expect(incidenceColour(15)).toBe(INCIDENCE_BUCKETS[1]!.colour);
  });
});
