import { describe, expect, it } from 'vitest';
import { bboxOfPolygons } from '../../shared/geo/bbox';
import { aoiAreaKm2, parseGeometry, type Polygons } from '../geo/aoi';
import { findContract, findProductType, optionsFor, validateOptions, type ProductTypeDef } from './products';
import { projectionsFor, utmEpsg } from './projections';
import { squareAoi } from './testkit';

const aoiRef = (lon: number, lat: number, km = 5, id = 1) => {
  const parsed = parseGeometry(squareAoi(lon, lat, km));
  if (typeof parsed === 'string') throw new Error(parsed);
  return { id, aoi: parsed };
};
const product = (contractId: string, id: string): ProductTypeDef => {
  const p = findProductType(contractId, id);
  if (!p) throw new Error(`${contractId}/${id}`);
  return p;
};
const codes = (lon: number, lat: number) => projectionsFor(bboxOfPolygons((aoiRef(lon, lat).aoi.polygons as Polygons))).values.map((v) => v.id);

describe('geodesic area', () => {
  it('measures a 10 km square as about 100 km²', () => {
    const p = aoiRef(1.44, 43.6, 10).aoi.polygons;
    expect(aoiAreaKm2(p)).toBeGreaterThan(99);
    expect(aoiAreaKm2(p)).toBeLessThan(101);
  });
  it('measures an AOI across the antimeridian the short way round', () => {
    const parsed = parseGeometry({ type: 'Polygon', coordinates: [[[179.95, -17], [-179.95, -17], [-179.95, -16.9], [179.95, -16.9], [179.95, -17]]] });
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(aoiAreaKm2(parsed.polygons)).toBeLessThan(200);
  });
  it('accepts a bare ring only in legacy mode', () => {
    const ring = [[8.49, 43.04], [9.59, 43.04], [9.59, 41.1], [8.49, 41.1], [8.49, 43.04]];
    expect(typeof parseGeometry({ type: 'Polygon', coordinates: ring })).toBe('string');
    expect(typeof parseGeometry({ type: 'Polygon', coordinates: ring }, true)).toBe('object');
  });
});

describe('projection_1 depends on where the AOI is', () => {
  it('offers UTM, national systems, 4326 and 3857', () => {
    expect(codes(1.44, 43.6)).toEqual(expect.arrayContaining(['32631', '2154', '3035', '4326', '3857']));
    expect(codes(-0.12, 51.5)).toEqual(expect.arrayContaining(['32630', '27700']));
    expect(codes(13.4, 52.5)).toEqual(expect.arrayContaining(['32633', '25833']));
    expect(codes(-3.7, 40.4)).toEqual(expect.arrayContaining(['32630', '25830']));
    expect(codes(-95.4, 29.8)).toEqual(expect.arrayContaining(['32615', '5070', '26915']));
    expect(codes(144.96, -37.8)).toEqual(expect.arrayContaining(['32755', '7855', '3577']));
    expect(codes(144.96, -37.8)).not.toContain('2154');
  });
  it('defaults to the UTM zone of the AOI centre, with the grid exceptions', () => {
    expect(projectionsFor(bboxOfPolygons(aoiRef(151.2, -33.87).aoi.polygons)).defaultValue).toBe('32756');
    expect(utmEpsg(5.3, 60.4)).toBe(32632); // Bergen: zone 32V
    expect(utmEpsg(0, 88)).toBe(32661);
  });
});

describe('availableOptions', () => {
  it('models the legacy catalogue: constraints, mandatory kinds, ranges, defaults', () => {
    const opts = optionsFor(product('SANDBOX-GEOAPI', 'PleiadesArchiveMono'), [aoiRef(1.44, 43.6)]);
    const byName = Object.fromEntries(opts.map((o) => [o.name, o]));
    expect(byName['processing_level']).toMatchObject({ category: 'technical_product', type: 'list', mandatory: 'true', defaultValue: 'ortho', constraint: null });
    expect(byName['dem']?.constraint).toEqual({ reject: false, filter: 'processing_level:ortho' });
    expect(byName['image_format']?.constraint).toEqual({ reject: true, filter: 'processing_level:primary' });
    expect(byName['elevation']).toMatchObject({ type: 'double', range: [-100, 10000], mandatory: 'false' });
    expect(byName['projection_1']).toMatchObject({ mandatory: 'constraint', defaultValue: '32631' });
  });
  it('names per-AOI options after each AOI id on OneAtlas', () => {
    const opts = optionsFor(product('CTR-SANDBOX-LEGACY', 'PleiadesArchiveMono'), [aoiRef(1.44, 43.6, 5, 1), aoiRef(-0.1, 51.5, 5, 2)]);
    const names = opts.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['dem_1', 'dem_2', 'projection_1', 'projection_2']));
    expect(opts.find((o) => o.name === 'projection_2')?.defaultValue).toBe('32630');
  });
});

describe('validateOptions', () => {
  const neo = product('CTR-SANDBOX-NEO', 'PleiadesNeoArchiveMono');
  const aois = [aoiRef(1.44, 43.6)];
  const full = [
    { key: 'processing_level', value: 'ortho' },
    { key: 'spectral_processing', value: 'full_bundle' },
    { key: 'image_format', value: 'dimap_geotiff' },
    { key: 'pixel_coding', value: '12bits' },
    { key: 'radiometric_processing', value: 'basic' },
    { key: 'priority', value: 'standard' },
    { key: 'licence', value: 'standard' },
    { key: 'dem_1', value: 'best_available' },
    { key: 'projection_1', value: '2154' },
  ];
  it('accepts a complete set and ignores unknown keys', () => {
    expect(validateOptions(neo, [...full, { key: 'Account', value: 'x' }], aois).errors).toEqual([]);
  });
  it('names a missing mandatory option', () => {
    const { errors } = validateOptions(neo, full.filter((o) => o.key !== 'pixel_coding'), aois);
    expect(errors).toEqual([expect.objectContaining({ key: 'pixel_coding' })]);
  });
  it('requires constraint options only where they apply', () => {
    const primary = full.filter((o) => !['dem_1', 'projection_1'].includes(o.key)).map((o) => (o.key === 'processing_level' ? { ...o, value: 'primary' } : o));
    expect(validateOptions(neo, primary, aois).errors).toEqual([]);
    const ortho = full.filter((o) => o.key !== 'projection_1');
    expect(validateOptions(neo, ortho, aois).errors.map((e) => e.key)).toEqual(['projection_1']);
  });
  it('refuses a projection that does not cover the AOI, and out-of-range doubles', () => {
    const wrong = full.map((o) => (o.key === 'projection_1' ? { ...o, value: '27700' } : o));
    expect(validateOptions(neo, wrong, aois).errors[0]?.key).toBe('projection_1');
    const projected = [...full.map((o) => (o.key === 'processing_level' ? { ...o, value: 'projected' } : o)), { key: 'elevation', value: '20000' }];
    expect(validateOptions(neo, projected, aois).errors[0]?.key).toBe('elevation');
  });
  it('fills defaults on the legacy API but never for processing_level', () => {
    const geo = product('SANDBOX-GEOAPI', 'SPOTArchive10Color');
    expect(validateOptions(geo, [{ key: 'processing_level', value: 'level_3' }], aois, true)).toMatchObject({ errors: [], values: { processing_level: 'ortho', projection_1: '32631' } });
    expect(validateOptions(geo, [], aois, true).errors.map((e) => e.key)).toEqual(['processing_level']);
  });
  it('knows its contracts', () => {
    expect(findContract('oneatlas', 'CTR-SANDBOX-NEO')?.backendSource).toBe('neo');
    expect(findContract('geoapi', 'CTR-SANDBOX-NEO')).toBeUndefined();
    expect(findProductType('CTR-SANDBOX-LEGACY', 'PleiadesNeoArchiveMono')).toBeUndefined();
  });
});
