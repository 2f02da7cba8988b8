import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { toFeatureCollection } from './geojson-export';
import { parseGeoJsonText, type GeoJsonImport } from './geojson-import';
import { aoisArb } from './test-arbitraries';

const SQUARE: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const polygon = (ring: Position[] = SQUARE): object => ({ type: 'Polygon', coordinates: [ring] });
const feature = (geometry: unknown, properties: unknown = {}): object => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]): string => JSON.stringify({ type: 'FeatureCollection', features });

function imported(text: string, options = {}): Extract<GeoJsonImport, { ok: true }> {
  const result = parseGeoJsonText(text, options);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result;
}

function refusal(text: string): Extract<GeoJsonImport, { ok: false }>['problems'] {
  const result = parseGeoJsonText(text);
  if (result.ok) throw new Error('accepted');
  return result.problems;
}

describe('parseGeoJsonText', () => {
  it('imports the three-AOI journey file with every repair reported', () => {
    const text = collection(
      feature(polygon(SQUARE.map(([x, y]) => [x as number, y as number, 35])), { name: 'Heights' }),
      feature(polygon([...SQUARE].reverse()), { name: 'Clockwise' }),
      feature(polygon([[179, -17], [-179, -17], [-179, -16], [179, -16], [179, -17]]), { name: 'Fiji' }),
    );
    const { aois, skipped } = imported(text);
    expect(skipped).toEqual([]);
    expect(aois.map((a) => [a.name, a.repairs.map((r) => [r.code, r.path])])).toEqual([
      ['Heights', [['dropped-height', 'features[0].geometry.coordinates[0][0]']]],
      ['Clockwise', [['rewound', 'features[1].geometry.coordinates[0]']]],
      ['Fiji', [['split-at-antimeridian', 'features[2].geometry.coordinates']]],
    ]);
    expect(aois[0]?.geometry).toEqual(polygon());
    expect(aois[1]?.geometry).toEqual(polygon());
    expect(aois[2]?.geometry.type).toBe('MultiPolygon');
  });

  it('accepts a bare geometry, a Feature and GeometryCollection members', () => {
    expect(imported(JSON.stringify(polygon())).aois.map((a) => a.name)).toEqual(['AOI 1']);
    expect(imported(JSON.stringify(feature(polygon(), { name: '  Paris  ' }))).aois.map((a) => a.name)).toEqual(['Paris']);
    const gc = { type: 'GeometryCollection', geometries: [polygon(), { type: 'Point', coordinates: [0, 0] }, { type: 'MultiPolygon', coordinates: [[SQUARE]] }] };
    const result = imported(collection(feature(gc, { name: 'Site' }), feature(polygon(), { name: 7 }), feature(polygon(), null)));
    expect(result.aois.map((a) => a.name)).toEqual(['Site (1)', 'Site (2)', '7', 'AOI 4']);
    expect(result.skipped).toEqual([{ path: 'features[0].geometry.geometries[1]', type: 'Point', reason: 'only Polygon and MultiPolygon can be AOIs' }]);
  });

  it('skips other geometry types and null geometries instead of failing', () => {
    const result = imported(
      collection(
        feature({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }),
        feature(null),
        feature(polygon(), { name: 'Kept' }),
        feature({ type: 'Circle', coordinates: [0, 0], radius: 5 }),
      ),
    );
    expect(result.aois.map((a) => a.name)).toEqual(['Kept']);
    expect(result.skipped.map((s) => [s.path, s.type])).toEqual([
      ['features[0].geometry', 'LineString'],
      ['features[1].geometry', 'null'],
      ['features[3].geometry', 'Circle'],
    ]);
  });

  it('is all or nothing: one bad feature refuses the whole file, saying where', () => {
    const problems = refusal(collection(feature(polygon()), feature(polygon()), feature(polygon([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]))));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'self-intersection', path: 'features[2].geometry.coordinates[0]' });
    expect(refusal(collection(feature(polygon([[0, 0], [1, 'a'], [1, 1], [0, 0]] as unknown as Position[]))))[0]).toMatchObject({
      code: 'invalid-coordinate',
      path: 'features[0].geometry.coordinates[0][1][1]',
    });
    expect(refusal(collection(feature({ type: 'Polygon', coordinates: [] })))[0]).toMatchObject({ code: 'empty-geometry' });
    expect(refusal(collection(feature(polygon([[0, 0], [1, 0], [1, 95], [0, 0]]))))[0]).toMatchObject({ code: 'latitude-out-of-range' });
    expect(refusal(collection({ type: 'Polygon', coordinates: [SQUARE] }))[0]).toMatchObject({ code: 'invalid-structure', path: 'features[0]' });
  });

  it('reports invalid JSON with line and column', () => {
    const [problem] = refusal('{\n  "type": "FeatureCollection",\n  "features": [,]\n}');
    expect(problem).toMatchObject({ code: 'invalid-json', details: { line: 3, column: 16 } });
    expect(problem?.message).toContain('line 3, column 16');
    expect(refusal('')[0]).toMatchObject({ code: 'invalid-json', message: 'The file is empty.' });
  });

  it('refuses JSON that is not GeoJSON, clearly', () => {
    expect(refusal('{"name": "not geo"}')[0]).toMatchObject({ code: 'not-geojson', message: expect.stringContaining('not GeoJSON') });
    expect(refusal('[1, 2]')[0]?.code).toBe('not-geojson');
    expect(refusal('"text"')[0]?.code).toBe('not-geojson');
    expect(refusal('{"type": "Topology", "objects": {}}')[0]?.message).toContain('TopoJSON');
    expect(refusal('{"type": "FeatureCollection"}')[0]?.code).toBe('not-geojson');
  });

  it('refuses a file with nothing polygonal in it', () => {
    expect(refusal(collection())[0]).toMatchObject({ code: 'no-polygons', message: expect.stringContaining('no geometries') });
    expect(refusal(collection(feature({ type: 'Point', coordinates: [0, 0] })))[0]?.message).toContain('only Point');
  });

  it('refuses a crs other than WGS84 lon/lat and accepts CRS84', () => {
    const named = (name: string): string => JSON.stringify({ ...polygon(), crs: { type: 'name', properties: { name } } });
    expect(imported(named('urn:ogc:def:crs:OGC:1.3:CRS84')).aois).toHaveLength(1);
    expect(imported(named('EPSG:4326')).aois).toHaveLength(1);
    expect(refusal(named('urn:ogc:def:crs:EPSG::3857'))[0]).toMatchObject({ code: 'unsupported-crs', path: 'crs' });
  });

  it('tolerates a byte-order mark', () => {
    expect(imported(`\uFEFF${JSON.stringify(polygon())}`).aois).toHaveLength(1);
  });

  it('offers simplification above maxVertices, with the area change', () => {
    const ring: Position[] = [];
    for (let k = 0; k < 2000; k++) ring.push([Math.cos((2 * Math.PI * k) / 2000), Math.sin((2 * Math.PI * k) / 2000)]);
    ring.push([1, 0]);
    const [aoi] = imported(JSON.stringify(polygon(ring)), { maxVertices: 999 }).aois;
    expect(aoi?.vertexCount).toBe(2001);
    expect(aoi?.simplification).toMatchObject({ ok: true, verticesBefore: 2001 });
    if (aoi?.simplification?.ok) expect(aoi.simplification.verticesAfter).toBeLessThanOrEqual(999);
    expect(imported(JSON.stringify(polygon()), { maxVertices: 999 }).aois[0]?.simplification).toBeUndefined();
  });

  it('never throws on arbitrary JSON or arbitrary text', () => {
    const check = (text: string): void => {
      const result = parseGeoJsonText(text);
      expect(result.ok ? result.aois.length > 0 : result.problems.length > 0).toBe(true);
    };
    fc.assert(fc.property(fc.json(), check), { numRuns: 500 });
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    fc.assert(fc.property(fc.anything(), (value) => check(JSON.stringify(value) ?? 'undefined')), { numRuns: 500 });
  });

  it('never throws on GeoJSON-shaped noise', () => {
    const geometry = fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'GeometryCollection', 'Point', 'Nope'), coordinates: fc.anything(), geometries: fc.anything() }, { requiredKeys: ['type'] });
    const feat = fc.record({ type: fc.constantFrom('Feature', 'feature'), geometry: fc.oneof(geometry, fc.anything()), properties: fc.anything() }, { requiredKeys: ['type'] });
    fc.assert(fc.property(fc.array(fc.oneof(feat, fc.anything())), (features) => {
      const result = parseGeoJsonText(JSON.stringify({ type: 'FeatureCollection', features }) ?? '');
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 500 });
  });
});

describe('toFeatureCollection', () => {
  it('writes RFC 7946: names in properties, right-hand winding, 2D, no crs', () => {
    const fc7946 = toFeatureCollection([{ name: 'Clockwise', geometry: { type: 'Polygon', coordinates: [[...SQUARE].reverse().map(([x, y]) => [x as number, y as number, 3])] } }]);
    expect(fc7946).toEqual({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Clockwise' }, geometry: polygon() }] });
    expect('crs' in fc7946).toBe(false);
  });

  it('rounds on request', () => {
    const out = toFeatureCollection([{ name: 'a', geometry: { type: 'Polygon', coordinates: [[[0.1234567891, 0], [1, 0], [1, 1], [0.1234567891, 0]]] } }], { precision: 6 });
    expect(out.features[0]?.geometry.coordinates[0]?.[0]).toEqual([0.123457, 0]);
  });

  it('import(export(x)) = x', () => {
    fc.assert(
      fc.property(aoisArb, (aois) => {
        const back = imported(JSON.stringify(toFeatureCollection(aois)));
        expect(back.skipped).toEqual([]);
        expect(back.aois.map(({ name, geometry, repairs }) => ({ name, geometry, repairs }))).toEqual(aois.map((a) => ({ ...a, repairs: [] })));
      }),
      { numRuns: 200 },
    );
  });

  it('export(import(f)) is a fixed point for repaired input too', () => {
    const text = collection(feature(polygon([[170, 10, 1], [170, -10, 1], [-170, -10], [-170, 10]]), { name: 'Pacific' }), feature(polygon([...SQUARE].reverse())));
    const first = imported(text).aois;
    const second = imported(JSON.stringify(toFeatureCollection(first))).aois;
    expect(second.map((a) => [a.name, a.geometry, a.repairs])).toEqual(first.map((a) => [a.name, a.geometry, []]));
  });
});
