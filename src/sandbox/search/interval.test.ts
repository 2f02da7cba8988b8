import { describe, expect, it } from 'vitest';
import { parseShape, relates, shapeFromBbox, ShapeError } from '../geo/shapes';
import { contains, IntervalError, parseDate, parseInterval } from './interval';

describe('interval syntax', () => {
  const cases: [string, number, boolean][] = [
    ['[10,20]', 10, true], ['[10,20]', 20, true], ['[10,20[', 20, false], ['[10,20[', 19.99, true],
    [']10,20]', 10, false], [']10,20]', 10.01, true], [']10,20[', 20, false], [']10,20[', 15, true],
    ['[10', 10, true], ['[10', 9, false], [']10', 10, false], [']10', 1e9, true],
    ['30]', 30, true], ['30]', 30.1, false], ['10[', 10, false], ['10[', 9.99, true], ['10[', -5, true],
    ['[,20]', -1e9, true], ['[5,]', 1e9, true], ['12.5', 12.5, true], ['12.5', 12.6, false],
  ]; // prettier-ignore
  it.each(cases)('%s contains %d: %s', (text, v, expected) => {
    expect(contains(parseInterval(text, 'number'), v)).toBe(expected);
  });

  it('parses date intervals, with or without Z, and a bare day as the whole day', () => {
    const jan = parseInterval('[2017-01-01,2017-02-01[', 'date');
    expect(contains(jan, Date.UTC(2017, 0, 31, 23, 59, 59))).toBe(true);
    expect(contains(jan, Date.UTC(2017, 1, 1))).toBe(false);
    const guide = parseInterval('[2017-01-24T00:00:00,2017-01-24T23:59:59]', 'date');
    expect(guide.min).toBe(Date.UTC(2017, 0, 24));
    expect(guide.max).toBe(Date.UTC(2017, 0, 24, 23, 59, 59));
    const day = parseInterval('2017-01-24', 'date');
    expect(contains(day, Date.UTC(2017, 0, 24, 12))).toBe(true);
    expect(contains(day, Date.UTC(2017, 0, 25))).toBe(false);
    // the OneAtlas spec's own example writes three-digit seconds
    expect(parseInterval('[2022-01-08T00:00:000Z,2022-01-25T23:59:59.999Z]', 'date').min).toBe(Date.UTC(2022, 0, 8));
    expect(parseDate('2021-11-18T10:41:03.696+02:00')).toBe(Date.UTC(2021, 10, 18, 8, 41, 3, 696));
  });

  it.each(['', '[', '[a,b]', '[1,2,3]', '[20,10]', '1,2', '[1,2', '[2017-02-30,2017-03-01]'])('rejects %j', (text) => {
    expect(() => parseInterval(text, text.includes('2017') ? 'date' : 'number')).toThrow(IntervalError);
  });
});

describe('search geometries', () => {
  it('reads the guide WKT (line breaks and all) and GeoJSON strings', () => {
    const wkt = parseShape('POLYGON((1.33 43.66,\n1.56 43.66, 1.56 43.51, 1.33 43.51, 1.33 43.66))');
    expect(wkt.bbox).toEqual({ west: 1.33, south: 43.51, east: 1.56, north: 43.66 });
    expect(parseShape('{"type":"Point","coordinates":[2,48]}').points).toEqual([[2, 48]]);
    expect(parseShape('MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))').polygons).toHaveLength(2);
    expect(parseShape('point (2 48)').points).toEqual([[2, 48]]);
  });

  it.each(['POLYGON((1 2, 3 4))', 'POLYGON((0 0, 1 0, 1 1, 0 1))', 'CIRCLE(1 2)', 'POLYGON((0 0, 1 0, 1 x, 0 0))', 'POLYGON((0 0, 200 0, 1 1, 0 0))'])('rejects %j', (wkt) => {
    expect(() => parseShape(wkt)).toThrow(ShapeError);
  });

  it('answers intersects / within / contains, across the antimeridian too', () => {
    const square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]] as [number, number][]; // prettier-ignore
    expect(relates(square, shapeFromBbox('1,1,3,3'), 'intersects')).toBe(true);
    expect(relates(square, shapeFromBbox('3,3,4,4'), 'intersects')).toBe(false);
    expect(relates(square, shapeFromBbox('-1,-1,3,3'), 'within')).toBe(true);
    expect(relates(square, shapeFromBbox('0.5,0.5,1,1'), 'contains')).toBe(true);
    expect(relates(square, shapeFromBbox('1,1,3,3'), 'contains')).toBe(false);
    const fiji = [[179, -17], [179.5, -17], [179.5, -16], [179, -16], [179, -17]] as [number, number][]; // prettier-ignore
    expect(relates(fiji, shapeFromBbox('178,-18,-178,-15'), 'intersects')).toBe(true);
  });
});
