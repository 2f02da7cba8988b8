import { describe, expect, it } from 'vitest';
import { bboxCentre, bboxesIntersect, bboxOfPolygons, bboxOfPositions, type Bbox } from './bbox';

const box = (west: number, south: number, east: number, north: number): Bbox => ({ west, south, east, north });

describe('bboxOfPositions', () => {
  it('is the extent of continuous positions', () => {
    expect(bboxOfPositions([[1.33, 43.66], [1.56, 43.66], [1.56, 43.51], [1.33, 43.51]])).toEqual(box(1.33, 43.51, 1.56, 43.66));
  });

  it('moves a box starting west of -180 one turn east, so west stays >= -180', () => {
    expect(bboxOfPositions([[-182, 10], [-178, 12]])).toEqual(box(178, 10, 182, 12));
  });
});

describe('bboxOfPolygons', () => {
  it('reads shells across the antimeridian the short way: east beyond 180', () => {
    const fiji = [[[179, -17], [-179, -17], [-179, -16], [179, -16], [179, -17]]];
    expect(bboxOfPolygons([fiji])).toEqual(box(179, -17, 181, -16));
    // The same ring started east of the line.
    const fromEast = [[[-179, -17], [-179, -16], [179, -16], [179, -17], [-179, -17]]];
    expect(bboxOfPolygons([fromEast])).toEqual(box(179, -17, 181, -16));
  });

  it('ignores holes (they lie inside their shell) and spans every polygon', () => {
    const shell = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
    const hole = [[0.5, 0.5], [0.5, 5], [1, 1], [0.5, 0.5]];
    expect(bboxOfPolygons([[shell, hole], [[[5, 5], [6, 5], [6, 6], [5, 5]]]])).toEqual(box(0, 0, 6, 6));
  });
});

describe('bboxCentre', () => {
  it('folds the centre of a crossing box back into [-180, 180]', () => {
    expect(bboxCentre(box(178, -18, 184, -16))).toEqual([-179, -17]);
    expect(bboxCentre(box(1, 43, 2, 44))).toEqual([1.5, 43.5]);
  });
});

describe('bboxesIntersect', () => {
  it('tests overlap, touching included', () => {
    expect(bboxesIntersect(box(0, 0, 2, 2), box(1, 1, 3, 3))).toBe(true);
    expect(bboxesIntersect(box(0, 0, 2, 2), box(2, 2, 3, 3))).toBe(true);
    expect(bboxesIntersect(box(0, 0, 2, 2), box(3, 0, 4, 2))).toBe(false);
    expect(bboxesIntersect(box(0, 0, 2, 2), box(0, 3, 2, 4))).toBe(false);
  });

  it('matches a box beyond 180 with one on the other side of the line', () => {
    expect(bboxesIntersect(box(178, -18, 182, -15), box(-179.5, -17, -179, -16))).toBe(true);
    expect(bboxesIntersect(box(-179.5, -17, -179, -16), box(178, -18, 182, -15))).toBe(true);
    expect(bboxesIntersect(box(178, -18, 182, -15), box(-170, -17, -169, -16))).toBe(false);
  });
});
