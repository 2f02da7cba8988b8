import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { lookupProjection } from './lookup';

describe('lookupProjection', () => {
  it('knows Lambert-93 with its name, area of use and a definition that puts Paris where it is', () => {
    const p = lookupProjection(2154);
    expect(p.name).toBe('RGF93 v1 / Lambert-93');
    expect(p.units).toBe('metre');
    expect(p.unavailable).toBeNull();
    expect(p.bbox).toEqual([-9.86, 41.15, 10.38, 51.56]);
    const [x, y] = proj4('EPSG:4326', p.proj4!, [2.3522, 48.8566]);
    expect(x).toBeCloseTo(652_469, -2);
    expect(y).toBeCloseTo(6_862_035, -2);
  });

  it('describes geographic and web mercator codes', () => {
    expect(lookupProjection(4326)).toMatchObject({ name: 'WGS 84', units: 'degree', unavailable: null });
    expect(lookupProjection(3857)).toMatchObject({ units: 'metre', unavailable: null });
    expect(lookupProjection(32631)).toMatchObject({ name: 'WGS 84 / UTM zone 31N', bbox: [0, 0, 6, 84] });
  });

  it('lists an unknown code as unavailable, with the reason', () => {
    const p = lookupProjection(999_999);
    expect(p.proj4).toBeNull();
    expect(p.unavailable).toMatch(/No projection definition for EPSG:999999/);
  });

  it.each([
    // [code, lon, lat, expected easting, expected northing, tolerance in metres]
    [32631, 3, 0, 500_000, 0, 0.01], // UTM 31N: central meridian on the equator
    [32631, 3, 45, 500_000, 4_982_950.4, 0.5], // k0 × meridian arc to 45° N
    [25832, 9, 0, 500_000, 0, 0.01], // ETRS89 / UTM 32N
    [3035, 10, 52, 4_321_000, 3_210_000, 0.01], // ETRS89-LAEA: its false origin
    [3857, 180, 0, 20_037_508.34, 0, 0.01],
    [27700, -0.1246, 51.5007, 530_268, 179_640, 25], // Big Ben on the British National Grid
  ])('EPSG:%i puts (%f, %f) where the definition says', (code, lon, lat, e, n, tol) => {
    const p = lookupProjection(code);
    const [x, y] = proj4('EPSG:4326', p.proj4!, [lon, lat]);
    expect(Math.abs(x - e)).toBeLessThanOrEqual(tol);
    expect(Math.abs(y - n)).toBeLessThanOrEqual(tol);
  });
});
