import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointInPolygon, pointInRing, segmentContact } from './planar';

const square: Position[] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
const hole: Position[] = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];

/** Plain crossing number, the textbook version, for comparison off the boundary. */
function crossingNumber([px, py]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > (py as number) !== yj > (py as number) && (px as number) < ((xj - xi) * ((py as number) - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('pointInRing', () => {
  it('is true inside, false outside, undefined on an edge or a vertex', () => {
    expect(pointInRing([1, 1], square)).toBe(true);
    expect(pointInRing([5, 1], square)).toBe(false);
    expect(pointInRing([4, 2], square)).toBeUndefined();
    expect(pointInRing([0, 0], square)).toBeUndefined();
  });

  it('agrees with the plain crossing number wherever the point is off the boundary', () => {
    const coord = fc.integer({ min: -6, max: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { minLength: 3, maxLength: 9 }), fc.tuple(coord, coord), (pts, p) => {
        const ring: Position[] = [...pts, pts[0] as [number, number]];
        const answer = pointInRing(p, ring);
        if (answer !== undefined) expect(answer).toBe(crossingNumber(p, ring));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('pointInPolygon', () => {
  it('applies holes (even-odd) and reports any ring boundary as undefined', () => {
    expect(pointInPolygon([3, 3], [square, hole])).toBe(true);
    expect(pointInPolygon([1.5, 1.5], [square, hole])).toBe(false);
    expect(pointInPolygon([1, 1.5], [square, hole])).toBeUndefined();
    expect(pointInPolygon([9, 9], [square, hole])).toBe(false);
  });
});

describe('segmentContact', () => {
  it('tells crossings, touches, overlaps and misses apart', () => {
    expect(segmentContact([0, 0], [2, 2], [0, 2], [2, 0])).toEqual({ kind: 'cross', point: [1, 1] });
    expect(segmentContact([0, 0], [2, 2], [2, 2], [3, 0])).toEqual({ kind: 'touch', point: [2, 2] });
    expect(segmentContact([0, 0], [2, 0], [1, 0], [1, 5])).toEqual({ kind: 'touch', point: [1, 0] });
    expect(segmentContact([0, 0], [2, 0], [1, 0], [3, 0])).toEqual({ kind: 'overlap', point: [1, 0] });
    expect(segmentContact([0, 0], [2, 0], [0, 1], [2, 1])).toEqual({ kind: 'none' });
    expect(segmentContact([0, 0], [1, 1], [2, 0], [3, -5])).toEqual({ kind: 'none' });
  });
});
