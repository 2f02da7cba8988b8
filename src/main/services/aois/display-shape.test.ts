import { describe, expect, it } from 'vitest';
import { displayShape, storedBox, thinRing } from './display-shape';

const circle = (n: number, r: number, cx = 0): number[][] => {
  const ring = Array.from({ length: n }, (_, k) => [cx + r * Math.cos((k / n) * 2 * Math.PI), r * Math.sin((k / n) * 2 * Math.PI)]);
  return [...ring, ring[0] as number[]];
};

describe('thinRing', () => {
  it('keeps every vertex at tolerance 0 and drops those nearer than the tolerance otherwise, ring still closed', () => {
    const ring = circle(80, 1);
    expect(thinRing(ring, 0, false)).toBe(ring);
    const thin = thinRing(ring, 0.3, false) ?? [];
    expect(thin.length).toBeLessThan(30);
    expect(thin.length).toBeGreaterThanOrEqual(4);
    expect(thin[0]).toEqual(thin.at(-1));
  });

  it('keeps a sub-tolerance shell as a triangle and drops a sub-tolerance hole', () => {
    expect(thinRing(circle(80, 0.001), 1, false)).toHaveLength(4);
    expect(thinRing(circle(80, 0.001), 1, true)).toBeNull();
  });
});

describe('displayShape', () => {
  it('keeps the type and the parts of a MultiPolygon', () => {
    const shape = displayShape({ type: 'MultiPolygon', coordinates: [[circle(40, 1)], [circle(40, 1, 5), circle(40, 0.01, 5)]] }, 0.2);
    expect(shape.type).toBe('MultiPolygon');
    expect(shape.coordinates).toHaveLength(2);
    expect(shape.coordinates[1]).toHaveLength(1);
  });
});

describe('storedBox', () => {
  it('bounds the shells, and reads an AOI split at the antimeridian east of 180', () => {
    expect(storedBox({ type: 'Polygon', coordinates: [[[1, 2], [3, 2], [3, 4], [1, 2]]] })).toEqual([1, 2, 3, 4]);
    const fiji = { type: 'MultiPolygon' as const, coordinates: [[[[177, -19], [180, -19], [180, -16], [177, -19]]], [[[-180, -19], [-178, -19], [-180, -16], [-180, -19]]]] };
    expect(storedBox(fiji)).toEqual([177, -19, 182, -16]);
  });
});
