import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cleanRing, encirclesPole, hasRightHandWinding, rewind, splitIfCrossing, unwrapPolygon } from './repair';

describe('cleanRing', () => {
  it('drops heights, removes repeats and closes, keeping input numbering', () => {
    const ring = cleanRing([[0, 0, 5], [1, 0], [1, 0, 9], [1, 1], [0, 1]]);
    expect(ring.positions).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    expect(ring.sourceIndex).toEqual([0, 2, 3, 4, 0]);
    expect(ring.removedDuplicates).toEqual([2]);
    expect(ring.closed).toBe(true);
  });

  it('returns a ring that needs nothing as it is, numbered as the input', () => {
    const input: Position[] = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const ring = cleanRing(input);
    expect(ring.positions).toBe(input);
    expect(ring).toEqual({ positions: input, closed: false, removedDuplicates: [] });
    // One height, one repeat or a missing closing position is enough to take the copying path.
    for (const other of [[[0, 0], [1, 0, 3], [1, 1], [0, 0]], [[0, 0], [1, 0], [1, 0], [1, 1], [0, 0]], [[0, 0], [1, 0], [1, 1]]]) {
      expect(cleanRing(other).positions).not.toBe(other);
      expect(cleanRing(other).positions).toEqual(input);
    }
  });

  it('does not close a ring twice when its closing position is repeated', () => {
    const ring = cleanRing([[0, 0], [1, 0], [1, 1], [0, 0], [0, 0]]);
    expect(ring.positions).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
    expect(ring.closed).toBe(false);
  });
});

describe('winding', () => {
  const ccw: Position[] = [[0, 0], [1, 0], [1, 1], [0, 0]];
  const cw = [...ccw].reverse();

  it('follows RFC 7946: exteriors counter-clockwise, holes clockwise', () => {
    expect(hasRightHandWinding(ccw, true)).toBe(true);
    expect(hasRightHandWinding(cw, false)).toBe(true);
    expect(hasRightHandWinding(cw, true)).toBe(false);
    const g: Polygon = { type: 'Polygon', coordinates: [cw, ccw] };
    expect(rewind(g).coordinates).toEqual([ccw, cw]);
    expect(rewind({ type: 'MultiPolygon', coordinates: [[cw]] }).coordinates).toEqual([[ccw]]);
  });
});

describe('antimeridian helpers', () => {
  it('unwraps holes next to their shell', () => {
    const shell: Position[] = [[170, -10], [-170, -10], [-170, 10], [170, 10], [170, -10]];
    const hole: Position[] = [[-178, -1], [-178, 1], [-176, 1], [-178, -1]];
    expect(unwrapPolygon([shell, hole])).toEqual([
      [[170, -10], [190, -10], [190, 10], [170, 10], [170, -10]],
      [[182, -1], [182, 1], [184, 1], [182, -1]],
    ]);
  });

  it('recognises a ring round a pole', () => {
    const ring: Position[] = [[-180, 80], [-90, 80], [0, 80], [90, 80], [180, 80]];
    expect(encirclesPole(unwrapPolygon([ring])[0] as Position[])).toBe(true);
    expect(encirclesPole([[0, 80], [90, 80], [180, 80], [270, 80], [360, 80]])).toBe(true);
    expect(encirclesPole([[0, 80], [90, 80], [90, 85], [0, 80]])).toBe(false);
  });

  it('splits only when needed, in canonical form', () => {
    expect(splitIfCrossing({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })).toBeUndefined();
    const split = splitIfCrossing({ type: 'Polygon', coordinates: [[[175, 0], [175, 5], [-175, 5], [-175, 0], [175, 0]]] });
    expect(split?.type).toBe('MultiPolygon');
    for (const rings of split?.type === 'MultiPolygon' ? split.coordinates : []) {
      expect(hasRightHandWinding(rings[0] as Position[], true)).toBe(true);
    }
  });
});
