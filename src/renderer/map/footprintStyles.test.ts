import { describe, expect, it } from 'vitest';
import { bucketStyle, cloudBucket, emphasisStyle, HOVERED, IN_BASKET, rampStep, SELECTED, UNKNOWN_CLOUD_BUCKET } from './footprintStyles';

const alpha = (rgba: string): number => Number(/,\s*([\d.]+)\)$/.exec(rgba)?.[1]);

describe('cloud buckets', () => {
  it('puts cloud cover into ordered buckets, clamping out-of-range values', () => {
    expect([0, 10, 10.1, 25, 40, 60, 90, 100].map(cloudBucket)).toEqual([0, 0, 1, 1, 2, 3, 4, 4]);
    expect(cloudBucket(-5)).toBe(0);
    expect(cloudBucket(140)).toBe(4);
  });

  it('gives unknown cover its own bucket', () => {
    expect(cloudBucket(null)).toBe(UNKNOWN_CLOUD_BUCKET);
    expect(cloudBucket(Number.NaN)).toBe(UNKNOWN_CLOUD_BUCKET);
  });

  it('fades outlines as cloud grows (lightness and width, not hue alone)', () => {
    const steps = [0, 1, 2, 3, 4].map(rampStep);
    for (let i = 1; i < steps.length; i++) {
      expect(alpha(steps[i]!.stroke)).toBeLessThan(alpha(steps[i - 1]!.stroke));
      expect(steps[i]!.width).toBeLessThan(steps[i - 1]!.width);
    }
  });

  it('shares one style object per bucket and per emphasis state', () => {
    expect(bucketStyle(2)).toBe(bucketStyle(2));
    expect(bucketStyle(99)).toBe(bucketStyle(UNKNOWN_CLOUD_BUCKET));
    expect(emphasisStyle(SELECTED | IN_BASKET)).toBe(emphasisStyle(SELECTED | IN_BASKET));
  });

  it('draws the basket dashed and the selection filled, whatever else applies', () => {
    const dashed = (state: number) => emphasisStyle(state).some((s) => (s.getStroke()?.getLineDash()?.length ?? 0) > 0);
    const filled = (state: number) => emphasisStyle(state).some((s) => s.getFill() !== null);
    expect(dashed(IN_BASKET)).toBe(true);
    expect(dashed(IN_BASKET | SELECTED | HOVERED)).toBe(true);
    expect(dashed(HOVERED)).toBe(false);
    expect(filled(SELECTED)).toBe(true);
    expect(filled(HOVERED)).toBe(false);
    expect(emphasisStyle(0)).toEqual([]);
  });
});
