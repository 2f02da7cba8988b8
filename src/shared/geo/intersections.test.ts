import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findContacts, type SweepRing } from './intersections';
import { pointInRing, segmentContact, signedArea } from './planar';

const ring = (positions: Position[], polygon = 0, label = `r${polygon}`): SweepRing => ({ positions, polygon, label });

describe('segmentContact', () => {
  it('classifies crossings, touches, overlaps and misses', () => {
    expect(segmentContact([0, 0], [2, 2], [0, 2], [2, 0])).toEqual({ kind: 'cross', point: [1, 1] });
    expect(segmentContact([0, 0], [2, 0], [1, 0], [1, 5])).toEqual({ kind: 'touch', point: [1, 0] });
    expect(segmentContact([0, 0], [2, 0], [1, 0], [3, 0])).toEqual({ kind: 'overlap', point: [1, 0] });
    expect(segmentContact([0, 0], [1, 0], [1, 0], [2, 0])).toEqual({ kind: 'touch', point: [1, 0] });
    expect(segmentContact([0, 0], [0, 2], [0, 1], [0, 3])).toEqual({ kind: 'overlap', point: [0, 1] });
    expect(segmentContact([0, 0], [1, 0], [2, 0], [3, 0])).toEqual({ kind: 'none' });
    expect(segmentContact([0, 0], [1, 1], [0, 1], [0.4, 0.6])).toEqual({ kind: 'none' });
  });
});

describe('planar helpers', () => {
  it('measure winding and containment', () => {
    const square: Position[] = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
    expect(signedArea(square)).toBe(4);
    expect(pointInRing([1, 1], square)).toBe(true);
    expect(pointInRing([3, 1], square)).toBe(false);
    expect(pointInRing([2, 1], square)).toBeUndefined();
  });
});

describe('findContacts', () => {
  it('ignores neighbours that only share their vertex', () => {
    expect(findContacts([ring([[0, 0], [1, 0], [1, 1], [0, 0]])])).toEqual([]);
  });

  it('allows a hole to touch its shell once, but not between polygons to cross', () => {
    const shell: Position[] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const hole: Position[] = [[0, 2], [2, 1], [2, 3], [0, 2]];
    expect(findContacts([ring(shell), { ...ring(hole), label: 'hole' }])).toEqual([]);
    const other: Position[] = [[3, 3], [5, 3], [5, 5], [3, 5], [3, 3]];
    const contacts = findContacts([ring(shell, 0), ring(other, 1)]);
    expect(contacts.map((c) => [c.kind, c.point]).sort()).toEqual([['cross', [3, 4]], ['cross', [4, 3]]]);
  });

  it('stops at the limit', () => {
    const zigzag: Position[] = [[0, 0]];
    for (let i = 1; i <= 100; i++) zigzag.push([i, i % 2 === 0 ? 0 : 10]);
    zigzag.push([50, 20], [50, -10], [0, 0]);
    expect(findContacts([ring(zigzag)], 5)).toHaveLength(5);
  });
});
