import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ProjectionInfo } from '../../../shared/domain/projection';
import { toCrs } from '../../map/projections';
import { moveVertex, parseCoordinate, ringGroups, withVertex } from './VertexTable';

const LAMBERT_93: ProjectionInfo = {
  code: 2154,
  name: 'RGF93 v1 / Lambert-93',
  proj4: '+proj=lcc +lat_1=49 +lat_2=44 +lat_0=46.5 +lon_0=3 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  bbox: [-9.86, 41.15, 10.38, 51.56],
  areaOfUse: 'France - onshore and offshore, mainland and Corsica.',
  units: 'metre',
  unavailable: null,
};

const paris: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [2.3, 48.8],
      [2.4, 48.8],
      [2.4, 48.9],
      [2.3, 48.9],
      [2.3, 48.8],
    ],
  ],
};

describe('parseCoordinate', () => {
  it.each([
    ['652469.12', 652469.12],
    ['  -3.5 ', -3.5],
    ['2,3522219', 2.3522219],
    ['6 862 035.40', 6862035.4],
    ['652469.12 m', 652469.12],
    ['48.8566°', 48.8566],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseCoordinate(text)).toBe(value);
  });

  it.each(['', 'abc', '1.2.3', 'NaN', 'Infinity', '0x10', '--1', '1,2,3'])('refuses %j', (text) => {
    expect(parseCoordinate(text)).toBeNull();
  });
});

describe('ringGroups', () => {
  it('lists the exterior ring without its closing position', () => {
    const [group] = ringGroups(paris);
    expect(group?.title).toBe('Exterior ring');
    expect(group?.namePrefix).toBe('');
    expect(group?.vertices).toHaveLength(4);
  });

  it('groups holes and parts with names that say where', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [paris.coordinates, [...paris.coordinates, paris.coordinates[0] ?? []]],
    };
    const groups = ringGroups(multi).map((g) => [g.title, g.namePrefix]);
    expect(groups).toEqual([
      ['Part 1 · exterior ring', ''],
      ['Part 2 · exterior ring', 'Part 2 '],
      ['Part 2 · hole 1', 'Part 2 hole 1 '],
    ]);
  });
});

describe('withVertex', () => {
  it('moves the first vertex and the closing position together, rounded to 1e-7°', () => {
    const moved = withVertex(paris, 0, 0, 0, [2.299999999, 48.75]) as Polygon;
    expect(moved.coordinates[0]?.[0]).toEqual([2.3, 48.75]);
    expect(moved.coordinates[0]?.[4]).toEqual([2.3, 48.75]);
    expect(paris.coordinates[0]?.[0]).toEqual([2.3, 48.8]);
  });
});

describe('moveVertex', () => {
  it('moves a vertex 100 m east in Lambert-93 and keeps its northing', () => {
    const vertex = paris.coordinates[0]?.[1] ?? [];
    const [x, y] = toCrs(LAMBERT_93, vertex);
    const result = moveVertex(LAMBERT_93, vertex, 0, x + 100);
    if ('error' in result) throw new Error(result.error);
    const [x2, y2] = toCrs(LAMBERT_93, result.lonLat);
    expect(x2).toBeCloseTo(x + 100, 1);
    expect(y2).toBeCloseTo(y, 1);
  });

  it('refuses degrees out of range and projected points with no place on Earth', () => {
    expect(moveVertex({ code: 4326 }, [2, 48], 1, 91)).toEqual({ error: 'Latitude must be between -90 and 90.' });
    expect(moveVertex({ code: 4326 }, [2, 48], 0, -181)).toEqual({ error: 'Longitude must be between -180 and 180.' });
    expect(moveVertex(LAMBERT_93, [2, 48], 1, 1e12)).toHaveProperty('error');
  });

  it('takes metres in Web Mercator', () => {
    const result = moveVertex({ code: 3857 }, [0, 0], 0, 20037508.342789244 / 2);
    expect(result).toEqual({ lonLat: [90, 0] });
  });
});
