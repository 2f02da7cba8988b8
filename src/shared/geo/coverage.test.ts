import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { aoiCoverage } from './coverage';

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
