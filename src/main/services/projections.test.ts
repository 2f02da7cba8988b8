import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { lookupProjection } from './projections';

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
});
