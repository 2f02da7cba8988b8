import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaKm2 } from './area';
import { aoiCoverage, aoiOverlap } from './coverage';

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
});

describe('aoiCoverage', () => {
  it('is 1 when the footprint contains the AOI and 0 when they are apart', () => {
    expect(aoiCoverage(box(2, 48, 2.1, 48.1), box(1.9, 47.9, 2.3, 48.3))).toBeCloseTo(1, 6);
    expect(aoiCoverage(box(2, 48, 2.1, 48.1), box(3, 48, 3.1, 48.1))).toBe(0);
  });

  it('is the covered share when they overlap (half the AOI, west half)', () => {
    expect(aoiCoverage(box(2, 48, 2.2, 48.1), box(1.9, 47.9, 2.1, 48.3))).toBeCloseTo(0.5, 3);
  });

  it('counts both parts of an AOI split at the antimeridian under a footprint across it', () => {
    const fiji = { type: 'MultiPolygon' as const, coordinates: [box(179.6, -16.9, 180, -16.4).coordinates, box(-180, -16.9, -179.8, -16.4).coordinates] };
    const across: Polygon = { type: 'Polygon', coordinates: [[[179.5, -17], [-179.7, -17], [-179.7, -16.3], [179.5, -16.3], [179.5, -17]]] };
    expect(aoiCoverage(fiji, across)).toBeCloseTo(1, 4);
    const eastOnly = box(-179.95, -17, -179.7, -16.3);
    expect(aoiCoverage(fiji, eastOnly)).toBeCloseTo(0.15 / 0.6, 3) // -179.95..-179.8 of the 0.6° wide AOI;
  });
});

describe('aoiOverlap', () => {
  it('is the part of the AOI aoiCoverage measures', () => {
    const aoi = box(2, 48, 2.2, 48.1);
    const overlap = aoiOverlap(aoi, box(1.9, 47.9, 2.1, 48.3));
    expect(overlap.coordinates).toHaveLength(1);
    expect(geodesicAreaKm2(overlap) / geodesicAreaKm2(aoi)).toBeCloseTo(aoiCoverage(aoi, box(1.9, 47.9, 2.1, 48.3)), 12);
    expect(aoiOverlap(aoi, box(3, 48, 3.1, 48.1)).coordinates).toEqual([]);
  });

  it('keeps pieces matched east of the antimeridian beyond 180', () => {
    const west = box(-180, -16.9, -179.8, -16.4);
    const across: Polygon = { type: 'Polygon', coordinates: [[[179.5, -17], [-179.7, -17], [-179.7, -16.3], [179.5, -16.3], [179.5, -17]]] };
    const lons = aoiOverlap(west, across).coordinates.flat(2).map(([lon]) => lon as number);
    expect(Math.min(...lons)).toBeCloseTo(180, 9);
    expect(Math.max(...lons)).toBeCloseTo(180.2, 9);
  });
});
