import { describe, expect, it } from 'vitest';
import { approxArea, coveringBbox, MIN_FIT_GROUND_M_PER_PX, minFitResolution, unwrapBbox } from './footprintExtent';

describe('coveringBbox', () => {
  it('covers boxes in one hemisphere plainly', () => {
    expect(coveringBbox([[1, 43, 2, 44], [3, 42, 4, 43.5]])).toEqual([1, 42, 4, 44]);
  });

  it('goes across the antimeridian when that is the short way', () => {
    expect(coveringBbox([[178, -18, 179, -17], [-179.5, -19, -178, -18.5]])).toEqual([178, -19, 182, -17]);
  });

  it('handles a box that itself crosses the antimeridian', () => {
    expect(coveringBbox([[179, 50, -179, 51], [170, 49, 171, 50]])).toEqual([170, 49, 181, 51]);
  });

  it('spans the world when boxes leave no gap', () => {
    const boxes: [number, number, number, number][] = [];
    for (let w = -180; w < 180; w += 30) boxes.push([w, 0, w + 40, 1]);
    expect(coveringBbox(boxes)).toEqual([-180, 0, 180, 1]);
  });

  it('is null without boxes', () => {
    expect(coveringBbox([])).toBeNull();
  });
});

describe('fit helpers', () => {
  it('unwraps east past west', () => {
    expect(unwrapBbox([170, 0, -170, 1])).toEqual([170, 0, 190, 1]);
    expect(unwrapBbox([10, 0, 20, 1])).toEqual([10, 0, 20, 1]);
  });

  it('stops a fit at city scale, in view units', () => {
    // Web Mercator at 60°N: one unit is half a metre on the ground.
    expect(minFitResolution(0.5, 0.01)).toBeCloseTo(MIN_FIT_GROUND_M_PER_PX / 0.5);
    // Degrees: one unit is ~111 km.
    expect(minFitResolution(111_000, 1e-9)).toBeCloseTo(MIN_FIT_GROUND_M_PER_PX / 111_000);
    // The view's own floor wins when it is coarser.
    expect(minFitResolution(1, 100)).toBe(100);
    expect(minFitResolution(Number.NaN, 3)).toBe(3);
  });

  it('ranks footprints by ground size', () => {
    const square = (size: number, lat: number) => [[0, lat], [size, lat], [size, lat + size], [0, lat + size], [0, lat]];
    expect(approxArea(square(1, 0))).toBeCloseTo(1, 2);
    expect(approxArea(square(1, 60))).toBeLessThan(approxArea(square(1, 0)));
  });
});
