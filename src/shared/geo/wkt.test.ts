import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { aoiGeometryArb } from './test-arbitraries';
import { parseWkt, parseWktGeometry, toWkt, WktParseError, type WktGeometry } from './wkt';

function errorOf(text: string): WktParseError {
  try {
    parseWkt(text);
  } catch (error) {
    if (error instanceof WktParseError) return error;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}

const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };

describe('parseWkt', () => {
  it('reads a polygon with a hole', () => {
    expect(parseWkt('POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2))')).toEqual({
      type: 'Polygon',
      coordinates: [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[2, 2], [2, 3], [3, 3], [2, 2]],
      ],
    });
  });

  it('reads a multipolygon', () => {
    const g = parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))') as MultiPolygon;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates).toHaveLength(2);
    expect(g.coordinates[1]?.[0]?.[2]).toEqual([6, 6]);
  });

  it('is case-insensitive and whitespace tolerant', () => {
    expect(parseWkt('\n  polygon((0 0,1 0 ,1\t1,0 1,0 0))  \r\n')).toEqual(square);
    expect(parseWkt('PoLyGoN ( ( 0 0 , 1 0 , 1 1 , 0 1 , 0 0 ) )')).toEqual(square);
  });

  it('reads signed, decimal and exponent numbers', () => {
    const g = parseWkt('POLYGON ((-1.5 +2, .5 1e-3, 3E2 -4.25e+1, -1.5 +2))') as Polygon;
    expect(g.coordinates[0]).toEqual([[-1.5, 2], [0.5, 0.001], [300, -42.5], [-1.5, 2]]);
  });

  it('keeps Z as height, drops M, keeps Z of ZM', () => {
    expect((parseWkt('POLYGON Z ((0 0 5, 1 0 5, 1 1 5, 0 0 5))') as Polygon).coordinates[0]?.[0]).toEqual([0, 0, 5]);
    expect((parseWkt('POLYGON M ((0 0 7, 1 0 7, 1 1 7, 0 0 7))') as Polygon).coordinates[0]?.[0]).toEqual([0, 0]);
    expect((parseWkt('POLYGON ZM ((0 0 5 7, 1 0 5 7, 1 1 5 7, 0 0 5 7))') as Polygon).coordinates[0]?.[0]).toEqual([0, 0, 5]);
    expect((parseWkt('POLYGONZ((0 0 5, 1 0 5, 1 1 5, 0 0 5))') as Polygon).coordinates[0]?.[0]).toEqual([0, 0, 5]);
  });

  it('accepts an undeclared third value, as several tools write it', () => {
    expect((parseWkt('POLYGON ((0 0 1, 1 0 1, 1 1 1, 0 0 1))') as Polygon).coordinates[0]?.[1]).toEqual([1, 0, 1]);
  });

  it('reads EMPTY', () => {
    expect(parseWkt('POLYGON EMPTY')).toEqual({ type: 'Polygon', coordinates: [] });
    expect(parseWkt('multipolygon z empty')).toEqual({ type: 'MultiPolygon', coordinates: [] });
    expect(parseWkt('MULTIPOLYGON (EMPTY, ((0 0, 1 0, 1 1, 0 0)))')).toEqual({
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]],
    });
  });

  it('accepts the EWKT SRID=4326 prefix and refuses other SRIDs', () => {
    expect(parseWkt('SRID=4326;POLYGON((0 0,1 0,1 1,0 1,0 0))')).toEqual(square);
    expect(parseWkt('srid = 4326 ; polygon((0 0,1 0,1 1,0 1,0 0))')).toEqual(square);
    const error = errorOf('SRID=2154;POLYGON((0 0,1 0,1 1,0 0))');
    expect(error.offset).toBe(0);
    expect(error.message).toContain('SRID=2154');
  });

  it.each([
    ['POLYGON ((0 0, 1 0, 1 1, 0 0)', 29, '")"', 'end of text'],
    ['POLYGON (0 0, 1 0, 1 1, 0 0))', 9, '"("', '"0 0'],
    ['POLYGON ((0 0, 1 x, 1 1, 0 0))', 17, 'a number', '"x, 1 1'],
    ['POLYGON ((0 0, 1 0, 1 1, 0 0)) extra', 31, 'end of text', '"extra"'],
    ['POLYGON Z ((0 0, 1 0 1, 1 1 1, 0 0 1))', 15, 'a number (XYZ positions have 3)', '", 1 0'],
    ['', 0, 'POLYGON or MULTIPOLYGON', 'end of text'],
    ['  POINT (1 2)', 2, 'POLYGON or MULTIPOLYGON', 'POINT (only polygons can be AOIs)'],
    ['MULTIPOLYGON ((0 0, 1 0, 1 1, 0 0))', 15, '"("', '"0 0'],
    ['POLYGON ((0 0, NaN 0, 1 1, 0 0))', 15, 'a number', '"NaN'],
  ])('says where %j is wrong', (text, offset, expected, found) => {
    const error = errorOf(text);
    expect(error.offset).toBe(offset);
    expect(error.expected).toBe(expected);
    expect(error.found.startsWith(found)).toBe(true);
    expect(error.message).toContain(`character ${offset + 1}`);
  });
});

describe('toWkt', () => {
  it('writes polygons and multipolygons', () => {
    expect(toWkt(square)).toBe('POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))');
    expect(toWkt({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] })).toBe(
      'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((0 0, 1 0, 1 1, 0 1, 0 0)))',
    );
    expect(toWkt({ type: 'Polygon', coordinates: [] })).toBe('POLYGON EMPTY');
  });

  it('writes Z only when every position has a height', () => {
    expect(toWkt({ type: 'Polygon', coordinates: [[[0, 0, 1], [1, 0, 2], [1, 1, 3], [0, 0, 1]]] })).toBe('POLYGON Z ((0 0 1, 1 0 2, 1 1 3, 0 0 1))');
    expect(toWkt({ type: 'Polygon', coordinates: [[[0, 0, 1], [1, 0], [1, 1], [0, 0, 1]]] })).toBe('POLYGON ((0 0, 1 0, 1 1, 0 0))');
  });

  it('never writes exponents, and rounds to a precision on request', () => {
    const tiny: Polygon = { type: 'Polygon', coordinates: [[[1e-7, -2.5e-8], [1.23456789, 0], [1, 1], [1e-7, -2.5e-8]]] };
    expect(toWkt(tiny)).toBe('POLYGON ((0.0000001 -0.000000025, 1.23456789 0, 1 1, 0.0000001 -0.000000025))');
    expect(toWkt(tiny, { precision: 3 })).toBe('POLYGON ((0 0, 1.235 0, 1 1, 0 0))');
    expect(toWkt({ type: 'Polygon', coordinates: [[[1e21, 0], [0, 0], [0, 1], [1e21, 0]]] })).toContain('1000000000000000000000 0');
  });
});

function positionsOf(g: Polygon | MultiPolygon): Position[] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2);
}

/** Random spelling of the same WKT: case and whitespace changes only. */
function respell(wkt: string, upper: boolean[], spaces: string[]): string {
  let k = 0;
  return wkt
    .replace(/[A-Z]/g, (c) => (upper[k++ % upper.length] ? c : c.toLowerCase()))
    .replace(/ |(?=[(),])/g, (m) => `${m === ' ' ? ' ' : ''}${spaces[k++ % spaces.length] ?? ''}`);
}

describe('WKT ↔ GeoJSON round trips', () => {
  it('parseWkt(toWkt(g)) equals g exactly at full precision', () => {
    fc.assert(fc.property(aoiGeometryArb, (g) => {
        expect(parseWkt(toWkt(g))).toEqual(g);
      }), { numRuns: 300 });
  });

  it('parseWkt(toWkt(g, {precision})) is within half a unit of the last decimal', () => {
    fc.assert(
      fc.property(aoiGeometryArb, fc.integer({ min: 0, max: 10 }), (g, precision) => {
        const back = parseWkt(toWkt(g, { precision }));
        const a = positionsOf(g);
        const b = positionsOf(back);
        expect(b).toHaveLength(a.length);
        const tolerance = 0.5 * 10 ** -precision + 1e-12;
        a.forEach((p, i) => {
          expect(Math.abs((b[i]?.[0] ?? NaN) - (p[0] ?? NaN))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs((b[i]?.[1] ?? NaN) - (p[1] ?? NaN))).toBeLessThanOrEqual(tolerance);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('toWkt(parseWkt(text)) gives the canonical text back, whatever the spelling', () => {
    fc.assert(
      fc.property(
        aoiGeometryArb,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom('', ' ', '\t', '\n', '  \r\n'), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (g, upper, spaces, srid) => {
          const canonical = toWkt(g);
          const text = `${srid ? 'SRID=4326;' : ''}${respell(canonical, upper, spaces)}`;
          expect(toWkt(parseWkt(text))).toBe(canonical);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws anything but WktParseError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(POLYGON|MULTIPOLYGON) ?[()0-9 .,eE+-]*$/)), (text) => {
        try {
          parseWkt(text);
        } catch (error) {
          expect(error).toBeInstanceOf(WktParseError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseWktGeometry (search areas: points and lines too)', () => {
  it('reads the six simple-feature types, any spelling', () => {
    expect(parseWktGeometry('point (2 48)')).toEqual({ type: 'Point', coordinates: [2, 48] });
    expect(parseWktGeometry('POINTZ(2 48 30)')).toEqual({ type: 'Point', coordinates: [2, 48, 30] });
    expect(parseWktGeometry('LINESTRING(10 45, 11 46,12 45.5)')).toEqual({ type: 'LineString', coordinates: [[10, 45], [11, 46], [12, 45.5]] });
    expect(parseWktGeometry('POLYGON((0 0,1 0,1 1,0 1,0 0))')).toEqual(square);
    expect(parseWktGeometry('MULTILINESTRING ((0 0, 1 1), EMPTY, (2 2, 3 3))')).toEqual({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] });
    expect(parseWktGeometry('SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))').type).toBe('MultiPolygon');
    expect(parseWktGeometry('POINT EMPTY')).toEqual({ type: 'Point', coordinates: [] });
  });

  it('reads MULTIPOINT with and without parentheses round each point', () => {
    const expected = { type: 'MultiPoint', coordinates: [[2, 48], [13.4, 52.5]] };
    expect(parseWktGeometry('MULTIPOINT((2 48),(13.4 52.5))')).toEqual(expected);
    expect(parseWktGeometry('MULTIPOINT (2 48, 13.4 52.5)')).toEqual(expected);
    expect(parseWktGeometry('MULTIPOINT ((2 48), 13.4 52.5)')).toEqual(expected);
  });

  it('says where the text is wrong, as parseWkt does', () => {
    expect(() => parseWktGeometry('CIRCLE(1 2)')).toThrow(WktParseError);
    expect(() => parseWktGeometry('POINT(1 x)')).toThrow(/expected a number at character 9/);
    expect(() => parseWktGeometry('LINESTRING(0 0, 1 1')).toThrow(/expected "\)"/);
  });

  it('leaves parseWkt for polygons only', () => {
    expect(() => parseWkt('LINESTRING(0 0, 1 1)')).toThrow(/only polygons can be AOIs/);
  });
});

describe('toWkt beyond polygons', () => {
  const cases: [WktGeometry, string][] = [
    [{ type: 'Point', coordinates: [2, 48] }, 'POINT (2 48)'],
    [{ type: 'LineString', coordinates: [[0, 0], [1, 1]] }, 'LINESTRING (0 0, 1 1)'],
    [{ type: 'MultiPoint', coordinates: [[0, 0], [1, 1]] }, 'MULTIPOINT ((0 0), (1 1))'],
    [{ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] }, 'MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))'],
    [{ type: 'Point', coordinates: [] }, 'POINT EMPTY'],
  ];
  it.each(cases)('writes %j', (g, text) => {
    expect(toWkt(g)).toBe(text);
    expect(parseWktGeometry(text)).toEqual(g);
  });

  it('writes the compact OneAtlas spelling on request', () => {
    const ring = [[1.2985021, 43.665978], [1.298175, 43.535609], [1.589621, 43.53495], [1.2985021, 43.665978]];
    expect(toWkt({ type: 'Polygon', coordinates: [ring] }, { precision: 6, compact: true })).toBe('POLYGON((1.298502 43.665978, 1.298175 43.535609, 1.589621 43.53495, 1.298502 43.665978))');
    expect(toWkt({ type: 'Point', coordinates: [1.4440141, 43.600603] }, { precision: 6, compact: true })).toBe('POINT(1.444014 43.600603)');
  });
});
