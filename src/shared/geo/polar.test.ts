import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaKm2, ringArea } from './area';
import { readPolarCap } from './polar';
import { checkAoiGeometry } from './validate';

/** The parallel at `lat` from -180 to 180 in `step`° steps (both ends included). */
const rim = (lat: number, step: number): Position[] => Array.from({ length: 360 / step + 1 }, (_, i) => [-180 + i * step, lat]);
const poleRing = (lat: number, step: number): Position[] => [...rim(lat, step).slice(0, -1), [-180, lat]];
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

/** Cap north of 75°N with a 1° rim (GeographicLib, see area.test.ts). */
const CAP_75_KM2 = 8_763_788.853691;

function accepted(input: Polygon | MultiPolygon): { geometry: Polygon | MultiPolygon; codes: string[] } {
  const result = checkAoiGeometry(input);
  if (!result.ok) throw new Error(`refused: ${result.problems.map((p) => p.message).join(' ')}`);
  return { geometry: result.geometry, codes: result.repairs.map((r) => r.code) };
}

function refusal(input: Polygon | MultiPolygon): string[] {
  const result = checkAoiGeometry(input);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.geometry).slice(0, 200)}`);
  return result.problems.map((p) => p.message);
}

const maxLat = (g: Polygon | MultiPolygon): number =>
  Math.max(...(g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).map((p) => p[1] as number));

describe('readPolarCap', () => {
  it('reads the RFC 7946 cap as the ring round the pole, numbered in the input', () => {
    const cap = readPolarCap([[-180, 75], [-90, 75], [0, 75], [90, 75], [180, 75], [180, 90], [-180, 90], [-180, 75]]);
    expect(cap?.positions).toEqual([[-180, 75], [-90, 75], [0, 75], [90, 75], [-180, 75]]);
    expect(cap?.sourceIndex).toEqual([0, 1, 2, 3, 0]);
  });

  it('writes a bare parallel out in 1° steps, whatever position the ring starts at', () => {
    const cap = readPolarCap([[180, 90], [-180, 90], [-180, 60], [180, 60], [180, 90]]);
    expect(cap?.positions).toEqual(poleRing(60, 1));
  });

  it('leaves other rings alone: no pole, a sector from the pole, two visits to the pole', () => {
    expect(readPolarCap(poleRing(75, 1))).toBeUndefined();
    expect(readPolarCap([[0, 80], [90, 80], [90, 90], [0, 90], [0, 80]])).toBeUndefined();
    expect(readPolarCap([[-180, 75], [180, 75], [180, 90], [0, 80], [-180, 90], [-180, 75]])).toBeUndefined();
    // Rim ends at different latitudes cannot be one point of the antimeridian.
    expect(readPolarCap([[-180, 75], [180, 76], [180, 90], [-180, 90], [-180, 75]])).toBeUndefined();
  });
});

describe('checkAoiGeometry: polar caps', () => {
  it('accepts the cap north of 75°N as RFC 7946 writes it (a bare parallel) and measures the cap', () => {
    // The input, refused before with "The ring runs over itself … (-180, 75)".
    const { geometry, codes } = accepted(polygon([[-180, 75], [180, 75], [180, 90], [-180, 90], [-180, 75]]));
    expect(codes).toEqual(['followed-parallel', 'split-at-antimeridian']);
    expect(geometry.type).toBe('Polygon');
    expect(maxLat(geometry)).toBe(90);
    expect(geodesicAreaKm2(geometry)).toBeCloseTo(CAP_75_KM2, 3);
    // What is stored passes the gate again unchanged in shape.
    expect(geodesicAreaKm2(accepted(geometry).geometry)).toBeCloseTo(CAP_75_KM2, 3);
  });

  it('accepts the RFC 7946 cap with its rim written out, and keeps every rim vertex through the split', () => {
    const { geometry, codes } = accepted(polygon([...rim(75, 1), [180, 90], [-180, 90], [-180, 75]]));
    expect(codes).toEqual(['split-at-antimeridian']);
    expect(geodesicAreaKm2(geometry)).toBeCloseTo(CAP_75_KM2, 3);
    const stored = (geometry as Polygon).coordinates[0] as Position[];
    // -180 to 180 in 1° steps, and the closing position.
    expect(stored.filter((p) => p[1] === 75)).toHaveLength(362);
  });

  it('measures a ring round the pole the same as its RFC 7946 spelling, before and after the gate', () => {
    for (const step of [1, 0.5, 7.5]) {
      const ring = poleRing(75, step);
      const expected = ringArea(ring);
      expect(geodesicAreaKm2(accepted(polygon(ring)).geometry) / expected).toBeCloseTo(1, 12);
      const rfc = [...rim(75, step), [180, 90], [-180, 90], [-180, 75]];
      expect(ringArea(rfc) / expected).toBeCloseTo(1, 12);
      expect(geodesicAreaKm2(accepted(polygon(rfc)).geometry) / expected).toBeCloseTo(1, 12);
    }
  });

  it('accepts a south cap and a cap with a hole', () => {
    const south = accepted(polygon([[-180, -60], [-180, -90], [180, -90], [180, -60], [-180, -60]])).geometry;
    expect(geodesicAreaKm2(south)).toBeCloseTo(ringArea(poleRing(-60, 1)), 3);
    const hole: Position[] = [[10, 80], [10, 81], [11, 81], [11, 80], [10, 80]];
    const holed = accepted(polygon([...rim(75, 1), [180, 90], [-180, 90], [-180, 75]], hole)).geometry;
    expect(geodesicAreaKm2(holed)).toBeCloseTo(CAP_75_KM2 - ringArea(hole), 3);
  });

  it('still refuses real self-contacts in a cap and spurs elsewhere, with the usual messages', () => {
    // A bow-tie in the rim.
    const crossing = [[-180, 75], [-10, 75], [10, 77], [10, 75], [-10, 77], [180, 75], [180, 90], [-180, 90], [-180, 75]];
    expect(refusal(polygon(crossing)).join(' ')).toMatch(/The ring crosses itself/);
    // Up 90°E to the pole and straight back down is a spur, not a cap.
    const spur = [[0, 70], [90, 70], [90, 90], [90, 70], [180, 70], [180, 60], [0, 60], [0, 70]];
    expect(refusal(polygon(spur)).join(' ')).toMatch(/The ring (folds back on|runs over) itself/);
  });
});
