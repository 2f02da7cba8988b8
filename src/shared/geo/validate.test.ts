import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaKm2 } from './area';
import { geodesicLatitudeAt } from './meridian-crossing';
import type { Problem, Repair } from './issues';
import { signedArea } from './planar';
import { aoiGeometryArb } from './test-arbitraries';
import { checkAoiGeometry, type AoiCheck } from './validate';

const SQUARE: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const poly = (...rings: unknown[]): unknown => ({ type: 'Polygon', coordinates: rings });

function ok(input: unknown): { geometry: Polygon | MultiPolygon; repairs: Repair[] } {
  const result = checkAoiGeometry(input);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result;
}

function refused(input: unknown, path?: string): Problem[] {
  const result = checkAoiGeometry(input, path === undefined ? {} : { path });
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.geometry)}`);
  return result.problems;
}

const codes = (items: { code: string }[]): string[] => [...new Set(items.map((i) => i.code))];

describe('checkAoiGeometry: accepts valid geometries unchanged', () => {
  it('a counter-clockwise square, with no repairs', () => {
    const result = ok(poly(SQUARE));
    expect(result.repairs).toEqual([]);
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
  });

  it('generated valid polygons and multipolygons', () => {
    fc.assert(
      fc.property(aoiGeometryArb, (g) => {
        const result = checkAoiGeometry(g);
        expect(result).toEqual({ ok: true, geometry: g, repairs: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('a hole touching its shell at one point', () => {
    const hole: Position[] = [[0, 0.5], [0.5, 0.25], [0.5, 0.75], [0, 0.5]].reverse();
    const shell: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0.5], [0, 0]];
    expect(ok(poly(shell, hole)).repairs).toEqual([]);
  });

  it('MultiPolygon members sharing an edge (adjacent parcels)', () => {
    const right: Position[] = [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]];
    expect(ok({ type: 'MultiPolygon', coordinates: [[SQUARE], [right]] }).repairs).toEqual([]);
  });
});

describe('checkAoiGeometry: repairs', () => {
  it('drops heights (3D and 4D positions)', () => {
    const result = ok(poly([[0, 0, 10], [1, 0, 10, 5], [1, 1], [0, 1, 3], [0, 0, 10]]));
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    expect(result.repairs).toEqual([{ code: 'dropped-height', message: expect.stringContaining('4 positions'), path: 'coordinates[0][0]', count: 4 }]);
  });

  it('rewinds a clockwise exterior and a counter-clockwise hole', () => {
    const hole: Position[] = [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.25]];
    const result = ok(poly([...SQUARE].reverse(), hole));
    const [outer, inner] = (result.geometry as Polygon).coordinates as [Position[], Position[]];
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(signedArea(inner)).toBeLessThan(0);
    expect(result.repairs).toEqual([{ code: 'rewound', message: expect.stringContaining('right-hand rule'), path: 'coordinates[0]', count: 2 }]);
  });

  it('closes unclosed rings', () => {
    const result = ok(poly(SQUARE.slice(0, 4)));
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    expect(result.repairs).toEqual([{ code: 'closed-ring', message: expect.any(String), path: 'coordinates[0]', count: 1 }]);
  });

  it('removes duplicate consecutive vertices, reporting the first', () => {
    const result = ok(poly([[0, 0], [1, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0], [0, 0]]));
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    expect(result.repairs).toEqual([{ code: 'removed-duplicate-vertices', message: expect.stringContaining('3 repeated'), path: 'coordinates[0][2]', count: 3 }]);
  });

  it('splits a ring crossing the antimeridian (short-way convention)', () => {
    const result = ok(poly([[170, -10], [-170, -10], [-170, 10], [170, 10], [170, -10]]));
    // The 20° edges are geodesics: they meet 180° poleward of ±10° (GeographicLib: ±10.15208°).
    const south = geodesicLatitudeAt(170, -10, 190, -10, 180);
    expect(south).toBeCloseTo(-10.15208, 5);
    expect(result.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [[[-180, south], [-170, -10], [-170, 10], [-180, -south], [-180, south]]],
        [[[170, -10], [180, south], [180, -south], [170, 10], [170, -10]]],
      ],
    });
    expect(codes(result.repairs)).toEqual(['split-at-antimeridian']);
    expect(result.repairs[0]?.count).toBe(2);
  });

  it('splits a continuous crossing written beyond 180°, keeping the area', () => {
    const input = poly([[179, -1], [181, -1], [181, 1], [179, 1], [179, -1]]) as Polygon;
    const result = ok(input);
    expect(result.geometry.type).toBe('MultiPolygon');
    const before = geodesicAreaKm2(input);
    // New corners on ±180 sit on the geodesic edges, so the pieces add up to the whole.
    expect(Math.abs(geodesicAreaKm2(result.geometry) - before) / before).toBeLessThan(1e-9);
  });

  it('does several repairs at once and reports each once', () => {
    const result = ok(poly([[170, -10, 1], [170, 10, 1], [-170, 10, 1], [-170, 10, 1], [-170, -10, 1]]));
    expect(codes(result.repairs).sort()).toEqual(['closed-ring', 'dropped-height', 'removed-duplicate-vertices', 'rewound', 'split-at-antimeridian']);
  });

  it('prefixes paths given by the caller', () => {
    const result = checkAoiGeometry(poly([[0, 0], [1, 0], [1, 1]]), { path: 'features[2].geometry' });
    expect(result.ok && result.repairs[0]?.path).toBe('features[2].geometry.coordinates[0]');
  });
});

describe('checkAoiGeometry: refusals', () => {
  it('a self-intersection, with the edges and the point', () => {
    const [problem, ...rest] = refused(poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]));
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      code: 'self-intersection',
      message: 'The ring crosses itself: edges 0→1 and 2→3 intersect at (1, 1).',
      path: 'coordinates[0]',
      details: { segments: [[0, 1], [2, 3]], rings: ['coordinates[0]', 'coordinates[0]'], point: [1, 1] },
    });
  });

  it('numbers edges as the input did, even after removing duplicates', () => {
    const [problem] = refused(poly([[0, 0], [0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]), 'features[1].geometry');
    expect(problem?.details).toMatchObject({ segments: [[1, 2], [3, 4]] });
    expect(problem?.path).toBe('features[1].geometry.coordinates[0]');
  });

  it('a ring touching itself at a vertex', () => {
    const [problem] = refused(poly([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]]));
    expect(problem?.code).toBe('self-intersection');
    expect(problem?.message).toContain('touches itself');
  });

  it('a spike (an edge folding back on the previous one)', () => {
    const problems = refused(poly([[0, 0], [2, 0], [2, 2], [1, 2], [1, 3], [1, 2], [0, 2], [0, 0]]));
    expect(codes(problems)).toEqual(['self-intersection']);
    expect(problems.map((p) => p.message)).toContain('The ring folds back on itself: edges 3→4 and 4→5 overlap from (1, 2).');
  });

  it('a hole crossing its shell, and a hole outside it', () => {
    expect(codes(refused(poly(SQUARE, [[0.5, 0.5], [1.5, 0.5], [1.5, 0.7], [0.5, 0.5]])))).toEqual(['self-intersection']);
    const [outside] = refused(poly(SQUARE, [[5, 5], [5, 6], [6, 6], [5, 5]]));
    expect(outside).toMatchObject({ code: 'hole-outside-shell', path: 'coordinates[1]' });
  });

  it('overlapping MultiPolygon members', () => {
    const shifted = SQUARE.map(([x, y]) => [(x as number) + 0.5, (y as number) + 0.5]);
    const [problem] = refused({ type: 'MultiPolygon', coordinates: [[SQUARE], [shifted]] });
    expect(problem?.code).toBe('self-intersection');
    expect(problem?.details).toMatchObject({ rings: ['coordinates[0][0]', 'coordinates[1][0]'] });
  });

  it('rings with fewer than 4 positions after repair', () => {
    expect(refused(poly([[0, 0], [1, 1], [0, 0]]))).toEqual([
      { code: 'too-few-positions', message: expect.stringContaining('this one has 2'), path: 'coordinates[0]' },
    ]);
    expect(codes(refused(poly([[0, 0], [1, 1], [1, 1], [0, 0]])))).toEqual(['too-few-positions']);
    expect(codes(refused(poly([])))).toEqual(['too-few-positions']);
  });

  it('a zero-area ring', () => {
    expect(codes(refused(poly([[0, 0], [1, 1], [2, 2], [0, 0]])))).toEqual(['self-intersection']);
  });

  it('latitude beyond ±90', () => {
    expect(refused(poly([[0, 0], [1, 0], [1, 91], [0, 0]]))).toEqual([
      { code: 'latitude-out-of-range', message: 'Latitude 91 is beyond ±90°.', path: 'coordinates[0][2][1]' },
    ]);
  });

  it('longitude beyond ±180 when the ring is not a continuous crossing', () => {
    const [problem] = refused(poly([[200, 0], [210, 0], [210, 10], [200, 0]]));
    expect(problem).toMatchObject({ code: 'longitude-out-of-range', path: 'coordinates[0][0][0]' });
    expect(codes(refused(poly([[170, 0], [-170, 0], [190, 10], [170, 0]])))).toEqual(['longitude-out-of-range']);
  });

  it('projected coordinates, with a hint', () => {
    const [problem] = refused(poly([[652469, 6862035], [652569, 6862035], [652569, 6862135], [652469, 6862035]]));
    expect(problem?.message).toContain('projected coordinates');
  });

  it.each([
    ['NaN', NaN, 'NaN'],
    ['Infinity', Infinity, 'Infinity'],
    ['a string', '1.5', 'the string "1.5"'],
    ['null', null, 'null'],
  ])('%s in a position', (_name, value, shown) => {
    expect(refused(poly([[0, 0], [1, value], [1, 1], [0, 0]]))).toEqual([
      { code: 'invalid-coordinate', message: `Latitude must be a finite number; found ${shown}.`, path: 'coordinates[0][1][1]' },
    ]);
  });

  it('positions that are not pairs', () => {
    expect(refused(poly([[0, 0], [1], null, [1, 1], [0, 0]]))).toEqual([
      { code: 'invalid-coordinate', message: 'A position needs longitude and latitude; found 1 value.', path: 'coordinates[0][1]' },
      { code: 'invalid-structure', message: 'A position needs longitude and latitude; found null.', path: 'coordinates[0][2]' },
    ]);
  });

  it('empty geometries', () => {
    expect(codes(refused({ type: 'Polygon', coordinates: [] }))).toEqual(['empty-geometry']);
    expect(codes(refused({ type: 'MultiPolygon', coordinates: [] }))).toEqual(['empty-geometry']);
    expect(refused({ type: 'MultiPolygon', coordinates: [[SQUARE], []] })).toEqual([
      { code: 'empty-geometry', message: expect.any(String), path: 'coordinates[1]' },
    ]);
    expect(codes(refused({ type: 'Polygon' }))).toEqual(['missing-coordinates']);
  });

  it('unsupported types, so that the importer can skip them', () => {
    expect(refused({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toEqual([
      { code: 'unsupported-type', message: 'LineString is not an area: only Polygon and MultiPolygon can be AOIs.', path: 'type' },
    ]);
    expect(codes(refused({ coordinates: [] }))).toEqual(['unsupported-type']);
    expect(codes(refused('POLYGON ((0 0, 1 0, 1 1, 0 0))'))).toEqual(['not-an-object']);
    expect(codes(refused([SQUARE]))).toEqual(['not-an-object']);
  });

  it('reports several problems but not thousands', () => {
    const ring = Array.from({ length: 1000 }, (_, i) => [i, 'x']);
    expect(refused(poly(ring)).length).toBe(20);
  });
});

describe('checkAoiGeometry never throws', () => {
  const isResult = (r: AoiCheck): boolean => (r.ok ? r.geometry !== undefined : r.problems.length > 0);

  it('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.json(), (text) => {
      expect(isResult(checkAoiGeometry(JSON.parse(text)))).toBe(true);
    }), { numRuns: 500 });
  });

  it('on anything', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), (value) => {
      expect(isResult(checkAoiGeometry(value))).toBe(true);
    }), { numRuns: 500 });
  });

  it('on polygon-shaped noise', () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: -200, max: 200 }), fc.constantFrom(null, '1', NaN, Infinity, undefined));
    const ring = fc.array(fc.oneof(fc.array(value, { maxLength: 4 }), value), { maxLength: 8 });
    fc.assert(fc.property(fc.constantFrom('Polygon', 'MultiPolygon'), fc.array(fc.oneof(ring, fc.array(ring, { maxLength: 3 })), { maxLength: 3 }), (type, coordinates) => {
      expect(isResult(checkAoiGeometry({ type, coordinates }))).toBe(true);
    }), { numRuns: 1000 });
  });

  it('and whatever it accepts is valid and stable', () => {
    const coord = fc.integer({ min: -5, max: 5 });
    const ring = fc.array(fc.tuple(coord, coord), { minLength: 3, maxLength: 7 });
    fc.assert(fc.property(fc.array(ring, { minLength: 1, maxLength: 2 }), (rings) => {
      const first = checkAoiGeometry({ type: 'Polygon', coordinates: rings });
      if (!first.ok) return;
      expect(checkAoiGeometry(first.geometry)).toEqual({ ok: true, geometry: first.geometry, repairs: [] });
    }), { numRuns: 1000 });
  });
});
