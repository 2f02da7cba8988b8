import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaKm2 } from '../../shared/geo/area';
import { hasRightHandWinding } from '../../shared/geo/repair';
import { boxRing, circlePolygon, geometryBbox, roundDegrees, sketchAreaKm2, toStoredGeometry } from './aoiGeometry';
import { destination, distance } from './geodesic';

describe('geodesics on WGS84', () => {
  it("matches Vincenty's published Flinders Peak → Buninyong line", () => {
    const flinders: [number, number] = [144 + 25 / 60 + 29.5244 / 3600, -(37 + 57 / 60 + 3.7203 / 3600)];
    const buninyong: [number, number] = [143 + 55 / 60 + 35.3839 / 3600, -(37 + 39 / 60 + 10.1561 / 3600)];
    expect(distance(flinders, buninyong)).toBeCloseTo(54972.271, 2);
    const [lon, lat] = destination(flinders, 306 + 52 / 60 + 5.37 / 3600, 54972.271);
    expect(lon).toBeCloseTo(buninyong[0], 7);
    expect(lat).toBeCloseTo(buninyong[1], 7);
  });

  it('goes the short way across the antimeridian', () => {
    expect(distance([179.5, 0], [-179.5, 0])).toBeCloseTo(111319.49, 0);
  });
});

describe('circlePolygon', () => {
  it('has 64 vertices at the radius, closed and counter-clockwise', () => {
    const circle = circlePolygon([2.35, 48.85], 10_000);
    const ring = circle.coordinates[0] ?? [];
    expect(ring).toHaveLength(65);
    expect(ring[64]).toEqual(ring[0]);
    for (const p of ring) expect(distance([2.35, 48.85], p as [number, number])).toBeCloseTo(10_000, 3);
    expect(hasRightHandWinding(ring, true)).toBe(true);
  });

  it.each([
    [1_000, 48.85],
    [10_000, 48.85],
    [50_000, 0],
    [50_000, 70],
  ])('encloses πr² within 0.5%% (r = %d m at %d°N)', (radius, lat) => {
    const area = geodesicAreaKm2(circlePolygon([10, lat], radius));
    const expected = (Math.PI * radius * radius) / 1e6;
    expect(Math.abs(area - expected) / expected).toBeLessThan(0.005);
  });

  it('becomes a split multipolygon of the same area when stored across the antimeridian', () => {
    const circle = circlePolygon([179.9, -17], 30_000);
    const stored = toStoredGeometry([circle.coordinates]);
    expect(stored.type).toBe('MultiPolygon');
    for (const rings of (stored as MultiPolygon).coordinates)
      for (const [lon = 0] of rings[0] ?? []) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(geodesicAreaKm2(stored)).toBeCloseTo(geodesicAreaKm2(circle), 2);
  });
});

describe('boxRing', () => {
  it('is the axis-aligned rectangle of two corners, closed and anticlockwise, whatever their order', () => {
    const ring = boxRing([10, 50], [0, 40]);
    expect(ring).toEqual([
      [0, 40],
      [10, 40],
      [10, 50],
      [0, 50],
      [0, 40],
    ]);
    expect(hasRightHandWinding(ring, true)).toBe(true);
  });

  it('measures a 1°×1° cell at the equator at about 12,308 km²', () => {
    const stored = toStoredGeometry([[boxRing([0, 0], [1, 1])]]);
    expect(geodesicAreaKm2(stored)).toBeCloseTo(12308.8, 0);
  });
});

describe('toStoredGeometry', () => {
  it('rounds to 1e-7° and drops vertices that rounding made duplicates', () => {
    const ring: Position[] = [
      [2.123456789, 48.987654321],
      [2.2, 48.9],
      [2.200000001, 48.900000004],
      [2.3, 49],
      [2.123456789, 48.987654321],
    ];
    const stored = toStoredGeometry([[ring]]) as Polygon;
    expect(stored.type).toBe('Polygon');
    const flat = (stored.coordinates[0] ?? []).flat();
    for (const value of flat) expect(roundDegrees(value)).toBe(value);
    expect(stored.coordinates[0]).toHaveLength(4);
    expect(stored.coordinates[0]).toContainEqual([2.1234568, 48.9876543]);
  });

  it('rewinds a clockwise ring to the right-hand rule', () => {
    const clockwise = [...boxRing([0, 0], [1, 1])].reverse();
    const stored = toStoredGeometry([[clockwise]]) as Polygon;
    expect(hasRightHandWinding(stored.coordinates[0] ?? [], true)).toBe(true);
  });

  it('folds a shape drawn on another world copy back into [-180, 180]', () => {
    const stored = toStoredGeometry([[boxRing([362, 10], [363, 11])]]) as Polygon;
    expect(stored.type).toBe('Polygon');
    const lons = (stored.coordinates[0] ?? []).map((p) => p[0]);
    expect(Math.min(...(lons as number[]))).toBe(2);
    expect(Math.max(...(lons as number[]))).toBe(3);
  });

  it('splits a shape across the antimeridian without a world-wide stripe', () => {
    const stored = toStoredGeometry([[boxRing([178, -10], [183, -9])]]);
    expect(stored.type).toBe('MultiPolygon');
    const polygons = (stored as MultiPolygon).coordinates;
    expect(polygons).toHaveLength(2);
    for (const rings of polygons) {
      const lons = (rings[0] ?? []).map((p) => p[0] as number);
      expect(Math.max(...lons) - Math.min(...lons)).toBeLessThanOrEqual(3);
    }
    // The bottom edge, [178, -10] → [183, -10], is a 5° geodesic: it bows south of its ends' parallel
    // and crosses 180° at -10.0090195° (GeographicLib: -10.009019484, stored to 7 decimals). The split
    // cuts there, where the edge really meets the antimeridian, so the new corners reach the extent.
    expect(geometryBbox(stored)).toEqual([178, -10.0090195, -177, -9]);
  });

  it('merges the two halves again once the AOI is moved off the antimeridian', () => {
    // Halves of a split AOI translated 5° east: the eastern half ends past 180 and folds onto the other.
    const east = boxRing([183, -10], [185, -9]);
    const west = boxRing([-175, -10], [-172, -9]);
    const stored = toStoredGeometry([[east], [west]]);
    expect(stored.type).toBe('Polygon');
    expect(geometryBbox(stored)).toEqual([-177, -10, -172, -9]);
  });
});

describe('sketchAreaKm2', () => {
  it('is 0 until the sketch encloses something', () => {
    expect(sketchAreaKm2([[[[0, 0], [1, 1]]]])).toBe(0);
    expect(sketchAreaKm2([])).toBe(0);
  });

  it('measures an open sketch as if closed', () => {
    expect(sketchAreaKm2([[[[0, 0], [1, 0], [1, 1], [0, 1]]]])).toBeCloseTo(12308.8, 0);
  });
});
