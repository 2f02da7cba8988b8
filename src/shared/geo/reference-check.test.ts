import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findContacts, type SweepRing } from './intersections';
import { referenceCheckAoiGeometry, referenceFindContacts } from './reference-check';
import { aoiGeometryArb } from './test-arbitraries';
import { checkAoiGeometry } from './validate';

/**
 * The AOI check was rewritten for speed (flat typed arrays in the sweep, no copies or closures per
 * position, each ring's area computed once). These properties hold it to the straightforward version
 * it replaced (reference-check.ts): on any input, the same verdict, the same problems in the same
 * order, the same repairs and the same geometry. Inputs are chosen to hit what the fast paths skip
 * or shortcut: small integer grids (collinear edges, touches, spikes, duplicates), heights, unclosed
 * rings, clockwise rings, holes, crossings of ±180, poles, and sparse arrays.
 */

const gridCoord = fc.integer({ min: -4, max: 4 });
const gridPosition = fc.tuple(gridCoord, gridCoord).map(([x, y]): Position => [x, y]);

/** Closed rings on a small grid, where touching, overlapping and collinear edges are common. */
const gridRing = fc.array(gridPosition, { minLength: 2, maxLength: 9 }).map((ps): Position[] => [...ps, [...(ps[0] as Position)]]);

/** Rings of doubles: general position, plus the odd exact repeat. */
const doubleRing = fc
  .array(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })), { minLength: 3, maxLength: 12 })
  .map((ps): Position[] => [...ps, [...ps[0]!]] as Position[]);

const sweepRings = fc.array(fc.record({ positions: fc.oneof(gridRing, doubleRing), polygon: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 4 }).map((rings) =>
  rings
    .sort((a, b) => a.polygon - b.polygon)
    .map((r, i): SweepRing => ({ positions: r.positions, polygon: r.polygon, label: `ring ${i}`, sourceIndex: r.positions.map((_, k) => k * 2) })),
);

describe('findContacts agrees with the reference sweep', () => {
  it('on random rings, polygons and limits: same contacts in the same order', () => {
    fc.assert(
      fc.property(sweepRings, fc.integer({ min: 1, max: 30 }), (rings, limit) => {
        expect(findContacts(rings, limit)).toStrictEqual(referenceFindContacts(rings, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it('on a long zigzag with hundreds of contacts, cut at the limit', () => {
    const zigzag: Position[] = [[0, 0]];
    for (let i = 1; i <= 300; i++) zigzag.push([i, i % 2 === 0 ? 0 : 10]);
    zigzag.push([150, 20], [150, -10], [0, 0]);
    const rings: SweepRing[] = [{ positions: zigzag, polygon: 0, label: 'z' }];
    for (const limit of [1, 20, 1000]) expect(findContacts(rings, limit)).toStrictEqual(referenceFindContacts(rings, limit));
  });

  it('after calls that grew its buffers (and let the largest go), on small ones', () => {
    const circle = (n: number, cx: number): Position[] => {
      const ring: Position[] = [];
      for (let k = 0; k < n; k++) ring.push([cx + Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)]);
      return [...ring, ring[0] as Position];
    };
    const small: SweepRing[] = [{ positions: [[0, 0], [2, 2], [0, 2], [2, 0], [0, 0]], polygon: 0, label: 'bow' }];
    for (const n of [5000, 70_000]) {
      const big: SweepRing[] = [{ positions: circle(n, 0), polygon: 0, label: 'big' }, { positions: circle(100, 1.5), polygon: 1, label: 'other' }];
      expect(findContacts(big)).toStrictEqual(referenceFindContacts(big));
      expect(findContacts(small)).toStrictEqual(referenceFindContacts(small));
    }
  });
});

/** Both checks on one input; the input is deep-copied for the reference, so aliasing cannot hide a difference. */
function expectSameCheck(input: unknown, path?: string): void {
  const options = path === undefined ? {} : { path };
  const fast = checkAoiGeometry(input, options);
  const reference = referenceCheckAoiGeometry(structuredClone(input), options);
  expect(fast).toStrictEqual(reference);
}

const withHeight = (p: Position, h: number | undefined): Position => (h === undefined ? p : [...p, h]);

/** A ring on the grid, possibly with heights, repeats, left open, or reversed. */
const messyRing = fc
  .record({
    ring: fc.oneof(gridRing, doubleRing),
    heights: fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), { minLength: 14, maxLength: 14 }),
    repeat: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    open: fc.boolean(),
    reverse: fc.boolean(),
  })
  .map(({ ring, heights, repeat, open, reverse }) => {
    let out = ring.map((p, i) => withHeight(p, heights[i]));
    if (repeat !== undefined && repeat < out.length) out.splice(repeat, 0, [...(out[repeat] as Position)]);
    if (open) out = out.slice(0, -1);
    return reverse ? out.reverse() : out;
  });

const shifted = (rings: Position[][], dx: number, dy: number): Position[][] => rings.map((r) => r.map((p) => [(p[0] as number) + dx, (p[1] as number) + dy, ...p.slice(2)]));

describe('checkAoiGeometry agrees with the reference check', () => {
  it('on generated valid polygons and multipolygons', () => {
    fc.assert(fc.property(aoiGeometryArb, (g) => expectSameCheck(g)), { numRuns: 300 });
  });

  it('on messy rings: heights, repeats, open, clockwise, crossing, touching', () => {
    fc.assert(
      fc.property(fc.array(messyRing, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.option(fc.constant('features[3].geometry'), { nil: undefined }), (rings, multi, path) => {
        const coordinates = multi ? rings.map((r) => [r]) : rings;
        expectSameCheck({ type: multi ? 'MultiPolygon' : 'Polygon', coordinates }, path);
      }),
      { numRuns: 3000 },
    );
  });

  it('on valid polygons written messily: clockwise, open, with heights and repeats, across ±180', () => {
    const messy = fc.record({ g: aoiGeometryArb, reverse: fc.boolean(), open: fc.boolean(), height: fc.boolean(), repeat: fc.nat(30), dx: fc.constantFrom(0, 0, 175, -178) });
    fc.assert(
      fc.property(messy, ({ g, reverse, open, height, repeat, dx }) => {
        const rewrite = (ring: Position[]): Position[] => {
          let out = ring.map((p, i): Position => [(p[0] as number) + dx, p[1] as number, ...(height && i % 3 === 0 ? [7] : [])]);
          if (repeat < out.length) out.splice(repeat, 0, [...(out[repeat] as Position)]);
          if (open) out = out.slice(0, -1);
          return reverse ? out.reverse() : out;
        };
        const coordinates = g.type === 'Polygon' ? g.coordinates.map(rewrite) : g.coordinates.map((rings) => rings.map(rewrite));
        expectSameCheck({ type: g.type, coordinates });
      }),
      { numRuns: 500 },
    );
  });

  it('near the antimeridian and the poles', () => {
    const place = fc.constantFrom<[number, number]>([178, 0], [-178, 0], [181, 10], [0, 87], [180, 86], [-180, -86], [0, 0]);
    fc.assert(
      fc.property(fc.array(messyRing, { minLength: 1, maxLength: 2 }), place, (rings, [dx, dy]) => {
        expectSameCheck({ type: 'Polygon', coordinates: shifted(rings, dx, dy) });
      }),
      { numRuns: 500 },
    );
  });

  it('on polar caps in RFC 7946 form, valid and broken', () => {
    const rim = (lat: number, step: number): Position[] => {
      const out: Position[] = [];
      for (let lon = -180; lon <= 180; lon += step) out.push([lon, lat]);
      return out;
    };
    const cap = [...rim(75, 10), [180, 90], [-180, 90], [-180, 75]];
    const bare = [[-180, 75], [180, 75], [180, 90], [-180, 90], [-180, 75]];
    const south = [[-180, -60], [-180, -90], [180, -90], [180, -60], [-180, -60]];
    const bowTie = [[-180, 75], [-10, 75], [10, 77], [10, 75], [-10, 77], [180, 75], [180, 90], [-180, 90], [-180, 75]];
    const hole = [[10, 80], [10, 81], [11, 81], [11, 80], [10, 80]];
    for (const coordinates of [[cap], [bare], [south], [bowTie], [cap, hole], [bare.slice(0, -1)]]) expectSameCheck({ type: 'Polygon', coordinates });
  });

  it('on sparse arrays and polygon-shaped noise', () => {
    const sparseRing: unknown[] = [[0, 0, 5], [1, 0]];
    sparseRing[3] = [1, 1, 2];
    sparseRing.push([0, 1], [0, 0]);
    expectSameCheck({ type: 'Polygon', coordinates: [sparseRing] });
    // eslint-disable-next-line no-sparse-arrays
    expectSameCheck({ type: 'MultiPolygon', coordinates: [, [[[0, 0], [1, 0], [1, 1], [0, 0]]]] });
    const value = fc.oneof(fc.double(), fc.integer({ min: -200, max: 200 }), fc.constantFrom(null, '1', NaN, Infinity, undefined));
    const ring = fc.array(fc.oneof(fc.array(value, { maxLength: 4 }), value), { maxLength: 8 });
    fc.assert(
      fc.property(fc.constantFrom('Polygon', 'MultiPolygon'), fc.array(fc.oneof(ring, fc.array(ring, { maxLength: 3 })), { maxLength: 3 }), (type, coordinates) => {
        expectSameCheck({ type, coordinates });
      }),
      { numRuns: 1000 },
    );
  });

  it('on anything', () => {
    fc.assert(fc.property(fc.anything({ withSparseArray: true }), (value) => expectSameCheck(value)), { numRuns: 500 });
  });
});
