import { describe, expect, it } from 'vitest';
import { splitPolygonFast } from './fastSplit';

describe('fast antimeridian cut for basemap fills', () => {
  it('cuts a ring crossing 180° the short way into one piece on each side', () => {
    const ring = [[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]];
    const pieces = splitPolygonFast([ring])!;
    expect(pieces).toHaveLength(2);
    for (const [outer] of pieces) {
      const lons = outer!.map((p) => p[0]!);
      expect(Math.max(...lons) - Math.min(...lons)).toBeLessThanOrEqual(10 + 1e-9);
      expect(lons.every((x) => x >= -180 && x <= 180)).toBe(true);
    }
  });

  it('leaves a ring that stays in one world as one piece', () => {
    expect(splitPolygonFast([[[0, 0], [10, 0], [10, 10], [0, 0]]])).toEqual([[[[0, 0], [10, 0], [10, 10], [0, 0]]]]);
  });

  it('hands rings around a pole back to the general cut', () => {
    const polar = [[-180, -80], [-90, -80], [0, -80], [90, -80], [180, -80], [180, -90], [-180, -90], [-180, -80]];
    expect(splitPolygonFast([polar.map(([x, y]) => [x! * 0.999, y!])])).toBeNull();
  });
});
