import type { FeatureCollection, Geometry, MultiLineString, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { clipCollection } from './basemapClip';

const square = (w: number, s: number, e: number, n: number): number[][] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

const collection: FeatureCollection<Geometry, { kind: string }> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { kind: 'inside' }, geometry: { type: 'Polygon', coordinates: [square(1, 1, 2, 2)] } },
    { type: 'Feature', properties: { kind: 'across' }, geometry: { type: 'Polygon', coordinates: [square(-5, 1, 5, 2)] } },
    { type: 'Feature', properties: { kind: 'far' }, geometry: { type: 'Polygon', coordinates: [square(100, 1, 110, 2)] } },
    {
      type: 'Feature',
      properties: { kind: 'line' },
      geometry: { type: 'LineString', coordinates: [[-10, 5], [10, 5], [10, 50], [-10, 50], [-10, 6]] },
    },
  ],
};

describe('clipCollection', () => {
  it('keeps what is inside, cuts what crosses and drops what is far', () => {
    const clipped = clipCollection(collection, [0, 0, 20, 20]);
    const kinds = clipped.features.map((f) => f.properties.kind);
    expect(kinds).toEqual(['inside', 'across', 'line']);
    const across = clipped.features[1]?.geometry as MultiPolygon;
    const lons = (across.coordinates[0]?.[0] ?? []).map((p) => p[0] as number);
    expect(Math.min(...lons)).toBe(0);
    expect(Math.max(...lons)).toBe(5);
    const line = clipped.features[2]?.geometry as MultiLineString;
    expect(line.coordinates).toEqual([
      [
        [0, 5],
        [10, 5],
        [10, 20],
      ],
    ]);
  });

  it('clips with both halves of a box across the antimeridian', () => {
    const world: FeatureCollection<Geometry, { kind: string }> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { kind: 'east' }, geometry: { type: 'Polygon', coordinates: [square(175, 0, 180, 1)] } },
        { type: 'Feature', properties: { kind: 'west' }, geometry: { type: 'Polygon', coordinates: [square(-180, 0, -175, 1)] } },
        { type: 'Feature', properties: { kind: 'paris' }, geometry: { type: 'Polygon', coordinates: [square(2, 48, 3, 49)] } },
      ],
    };
    const kinds = clipCollection(world, [170, -10, -170, 10]).features.map((f) => f.properties.kind);
    expect(kinds).toEqual(['east', 'west']);
  });
});
