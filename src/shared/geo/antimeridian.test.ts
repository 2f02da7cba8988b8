import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';
import { splitAtAntimeridian, splitLineAtAntimeridian } from './antimeridian';
import { geodesicAreaKm2, ringArea } from './area';
import { geodesicLatitudeAt } from './meridian-crossing';

const world = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(world, world.objects.countries).features as Feature<
  Polygon | MultiPolygon | null,
  { name: string }
>[];

function country(name: string): Polygon | MultiPolygon {
  const geometry = countries.find((f) => f.properties.name === name)?.geometry;
  if (!geometry) throw new Error(`no country ${name}`);
  return geometry;
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Problems with a split result: out-of-range coordinates, open rings, edges wider than 180°. */
function problems(g: Polygon | MultiPolygon): string[] {
  const found: string[] = [];
  for (const rings of polygonsOf(g)) {
    for (const ring of rings) {
      if (ring.length < 4) found.push(`ring of ${ring.length} points`);
      if (String(ring[0]) !== String(ring[ring.length - 1])) found.push(`open ring ${String(ring[0])}`);
      ring.forEach((p, i) => {
        const [lon = NaN, lat = NaN] = p;
        const prev = ring[i - 1];
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) found.push(`out of range ${lon},${lat}`);
        if (prev && Math.abs(lon - (prev[0] ?? 0)) > 180) found.push(`wide edge ${String(prev)} -> ${lon}`);
      });
    }
  }
  return found;
}

function expectWellFormed(g: Polygon | MultiPolygon): void {
  expect(problems(g)).toEqual([]);
}

/**
 * Geodesic area (GeographicLib, edges the short way round, holes subtracted): the split cuts edges
 * where their geodesics meet ±180, so it keeps this area, not just the look of the map.
 */
const areaKm2 = geodesicAreaKm2;
const relative = (a: number, b: number): number => Math.abs(a - b) / b;

function square(west: number, south: number, east: number, north: number): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

describe('splitAtAntimeridian', () => {
  it('splits a small square crossing 180° into two pieces meeting the antimeridian', () => {
    const input: Polygon = { type: 'Polygon', coordinates: [square(179, -1, -179, 1)] };
    const out = splitAtAntimeridian(input);
    expect(out.type).toBe('MultiPolygon');
    expectWellFormed(out);
    const parts = polygonsOf(out);
    expect(parts).toHaveLength(2);
    const spans = parts
      .map((rings) => {
        const lons = (rings[0] ?? []).map((p) => p[0] ?? 0);
        return [Math.min(...lons), Math.max(...lons)];
      })
      .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    expect(spans).toEqual([
      [-180, -179],
      [179, 180],
    ]);
    const unsplit: Polygon = { type: 'Polygon', coordinates: [square(179, -1, 181, 1)] };
    expect(relative(areaKm2(out), areaKm2(unsplit))).toBeLessThan(1e-9);
  });

  it('returns a geometry that does not cross unchanged', () => {
    const input: Polygon = { type: 'Polygon', coordinates: [square(2, 48, 3, 49)] };
    const out = splitAtAntimeridian(input);
    expect(out).toBe(input);
    expect(out.coordinates).toEqual([square(2, 48, 3, 49)]);
    const touching: Polygon = { type: 'Polygon', coordinates: [square(170, 0, 180, 10)] };
    expect(splitAtAntimeridian(touching)).toBe(touching);
  });

  it('preserves holes on both sides of the cut', () => {
    const input: Polygon = {
      type: 'Polygon',
      coordinates: [square(170, -10, -170, 10), square(172, -2, 174, 2), square(-175, -2, -173, 2)],
    };
    const out = splitAtAntimeridian(input);
    expectWellFormed(out);
    const parts = polygonsOf(out);
    expect(parts).toHaveLength(2);
    for (const rings of parts) expect(rings).toHaveLength(2);
    const expected = areaKm2({
      type: 'Polygon',
      coordinates: [square(170, -10, 190, 10), square(172, -2, 174, 2), square(185, -2, 187, 2)],
    });
    expect(relative(areaKm2(out), expected)).toBeLessThan(1e-9);
  });

  it('folds a polygon drawn past 180° back into range', () => {
    const out = splitAtAntimeridian({ type: 'Polygon', coordinates: [square(175, 0, 185, 5)] });
    expectWellFormed(out);
    expect(polygonsOf(out)).toHaveLength(2);
  });

  it('repairs Fiji and Russia from Natural Earth', () => {
    for (const name of ['Fiji', 'Russia']) {
      const input = country(name);
      const out = splitAtAntimeridian(input);
      expect(out).not.toBe(input);
      expectWellFormed(out);
      // The cut removes nothing: area is that of the unsplit country on the sphere.
      const before = areaKm2(input);
      expect(Math.abs(areaKm2(out) - before) / before).toBeLessThan(0.02);
    }
    // Already split output reads as not crossing, so a second pass is a no-op.
    const once = splitAtAntimeridian(country('Russia'));
    expect(splitAtAntimeridian(once)).toBe(once);
    const russia = areaKm2(splitAtAntimeridian(country('Russia')));
    expect(russia).toBeGreaterThan(16e6);
    expect(russia).toBeLessThan(17.5e6);
  });

  it('closes Antarctica through the south pole', () => {
    const out = splitAtAntimeridian(country('Antarctica'));
    expectWellFormed(out);
    const lats = polygonsOf(out).flatMap((rings) => rings.flatMap((r) => r.map((p) => p[1] ?? 0)));
    expect(Math.min(...lats)).toBe(-90);
    const area = areaKm2(out);
    expect(area).toBeGreaterThan(12e6);
    expect(area).toBeLessThan(14.5e6);
  });

  it('closes a ring round the north pole into one cap, wherever the ring starts', () => {
    // Lat 80° all round, starting at 30°E, with steps that cross 180° the short way.
    const ring: Position[] = [30, 120, -150, -60, 30].map((lon) => [lon, 80]);
    const out = splitAtAntimeridian({ type: 'Polygon', coordinates: [ring] });
    expect(out.type).toBe('Polygon');
    expectWellFormed(out);
    const lats = polygonsOf(out).flatMap((rings) => rings.flatMap((r) => r.map((p) => p[1] ?? 0)));
    expect(Math.max(...lats)).toBe(90);
    // Four 90° geodesic edges bulge towards the pole: the same shape split or not, well inside
    // the 80°N cap bounded by the parallel (3,908,572.76 km², closed form of the WGS84 zone).
    expect(relative(areaKm2(out), ringArea(ring))).toBeLessThan(1e-9);
    expect(areaKm2(out)).toBeLessThan(3_908_572);
  });

  it('leaves every other world-atlas country well formed', () => {
    for (const f of countries) {
      if (!f.geometry) continue;
      expectWellFormed(splitAtAntimeridian(f.geometry));
    }
  });
});

describe('splitLineAtAntimeridian', () => {
  it('cuts a line at 180° where its geodesic meets the meridian, on both sides', () => {
    const input: LineString = {
      type: 'LineString',
      coordinates: [
        [170, 0],
        [-170, 10],
      ],
    };
    const out = splitLineAtAntimeridian(input) as MultiLineString;
    expect(out.type).toBe('MultiLineString');
    const lat = geodesicLatitudeAt(170, 0, 190, 10, 180);
    // The geodesic bulges poleward of the lon/lat midpoint (5°).
    expect(lat).toBeGreaterThan(5.05);
    expect(lat).toBeLessThan(5.2);
    expect(out.coordinates).toEqual([
      [
        [170, 0],
        [180, lat],
      ],
      [
        [-180, lat],
        [-170, 10],
      ],
    ]);
  });

  it('splits at a vertex lying on the antimeridian and keeps non-crossing lines as they are', () => {
    const out = splitLineAtAntimeridian({
      type: 'LineString',
      coordinates: [
        [170, 0],
        [180, 1],
        [190, 2],
      ],
    }) as MultiLineString;
    expect(out.coordinates).toEqual([
      [
        [170, 0],
        [180, 1],
      ],
      [
        [-180, 1],
        [-170, 2],
      ],
    ]);
    const straight: LineString = {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [10, 10],
      ],
    };
    expect(splitLineAtAntimeridian(straight)).toBe(straight);
  });
});
