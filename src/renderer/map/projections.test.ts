import { describe, expect, it } from 'vitest';
import type { ProjectionInfo } from '../../shared/domain/projection';
import { computeProjectionBounds, expandedBbox } from './projectionExtent';
import { bboxRelation, ensureProjection, fromCrs, toCrs } from './projections';

// Definitions and areas of use as the shipped epsg / epsg-index packages give them.
const LAMBERT_93: ProjectionInfo = {
  code: 2154,
  name: 'RGF93 v1 / Lambert-93',
  proj4: '+proj=lcc +lat_1=49 +lat_2=44 +lat_0=46.5 +lon_0=3 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  bbox: [-9.86, 41.15, 10.38, 51.56],
  areaOfUse: 'France - onshore and offshore, mainland and Corsica (France métropolitaine including Corsica).',
  units: 'metre',
  unavailable: null,
};
const UTM_31N: ProjectionInfo = {
  ...LAMBERT_93,
  code: 32631,
  name: 'WGS 84 / UTM zone 31N',
  proj4: '+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs',
  bbox: [0, 0, 6, 84],
};
const BNG: ProjectionInfo = {
  ...LAMBERT_93,
  code: 27700,
  name: 'OSGB36 / British National Grid',
  proj4: '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
  bbox: [-9, 49.75, 2.01, 61.01],
};
const NZTM = '+proj=tmerc +lat_0=0 +lon_0=173 +k=0.9996 +x_0=1600000 +y_0=10000000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const ANTARCTIC = '+proj=stere +lat_0=-90 +lat_ts=-71 +lon_0=0 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs';

const PARIS: [number, number] = [2.3522219, 48.856614];

describe('reference points', () => {
  it('puts Paris at about (652469, 6862035) in Lambert-93', () => {
    const [x, y] = toCrs(LAMBERT_93, PARIS);
    expect(x).toBeCloseTo(652469, -1);
    expect(y).toBeCloseTo(6862035, -1);
  });

  it('puts Paris at 31U 452484 5411719 in UTM 31N and Big Ben at (530268, 179640) in the British grid', () => {
    const [x, y] = toCrs(UTM_31N, PARIS);
    expect(Math.abs(x - 452_484)).toBeLessThan(2);
    expect(Math.abs(y - 5_411_719)).toBeLessThan(2);
    // Big Ben, Ordnance Survey grid reference TQ 30268 79640; the 7-parameter datum shift is good to a few metres.
    const [e, n] = toCrs(BNG, [-0.1245, 51.5007]);
    expect(Math.abs(e - 530_268)).toBeLessThan(20);
    expect(Math.abs(n - 179_640)).toBeLessThan(20);
  });

  it('round-trips through the CRS to 1e-9 degrees', () => {
    const back = fromCrs(LAMBERT_93, toCrs(LAMBERT_93, PARIS));
    expect(back[0]).toBeCloseTo(PARIS[0], 9);
    expect(back[1]).toBeCloseTo(PARIS[1], 9);
  });

  it('passes 4326 through and knows 3857 without a lookup', () => {
    expect(toCrs({ code: 4326 }, PARIS)).toEqual(PARIS);
    const [x, y] = toCrs({ code: 3857 }, [180, 0]);
    expect(x).toBeCloseTo(20037508.34, 1);
    expect(y).toBeCloseTo(0, 6);
  });

  it('refuses a code without a definition, with the reason', () => {
    const missing: ProjectionInfo = { ...LAMBERT_93, code: 999999, proj4: null, unavailable: 'No projection definition for EPSG:999999.' };
    expect(() => ensureProjection(missing)).toThrow('No projection definition for EPSG:999999.');
  });
});

describe('projection extent', () => {
  it('grows the area of use by a quarter on each side, not past 85° unless the area goes there', () => {
    expect(expandedBbox([0, 0, 6, 84])).toEqual([-1.5, -21, 7.5, 85]);
    expect(expandedBbox([-180, -90, 180, -60])).toEqual([-180, -89, 180, -52.5]);
    // Across the antimeridian the east edge is unwrapped.
    const [w, , e] = expandedBbox([166.37, -47.33, -178.63, -34.1]);
    expect(w).toBeCloseTo(162.62, 6);
    expect(e).toBeCloseTo(185.12, 6);
  });

  it('covers France and its surroundings in Lambert-93', () => {
    const bounds = computeProjectionBounds(LAMBERT_93.proj4 ?? '', LAMBERT_93.bbox ?? [0, 0, 0, 0]);
    expect(bounds).not.toBeNull();
    const [minX, minY, maxX, maxY] = bounds?.extent ?? [];
    const [x, y] = toCrs(LAMBERT_93, PARIS);
    expect(x).toBeGreaterThan(minX ?? Infinity);
    expect(x).toBeLessThan(maxX ?? -Infinity);
    expect(y).toBeGreaterThan(minY ?? Infinity);
    expect(y).toBeLessThan(maxY ?? -Infinity);
    // Every corner of the area of use is inside (curved edges included).
    for (const corner of [[-9.86, 41.15], [10.38, 41.15], [-9.86, 51.56], [10.38, 51.56]]) {
      const [cx = 0, cy = 0] = toCrs(LAMBERT_93, corner);
      expect(cx).toBeGreaterThan(minX ?? Infinity);
      expect(cx).toBeLessThan(maxX ?? -Infinity);
      expect(cy).toBeGreaterThan(minY ?? Infinity);
      expect(cy).toBeLessThan(maxY ?? -Infinity);
    }
    const [w, s, e, n] = bounds?.worldExtent ?? [];
    expect(w).toBeLessThan(-14.9);
    expect(e).toBeGreaterThan(15.4);
    expect(s).toBeLessThan(38.5);
    expect(n).toBeGreaterThan(54.1);
    expect(n).toBeLessThanOrEqual(90);
  });

  it('keeps a region across the antimeridian as one interval (west > east)', () => {
    const bounds = computeProjectionBounds(NZTM, [166.37, -47.33, -178.63, -34.1]);
    const [w = 0, , e = 0] = bounds?.worldExtent ?? [];
    expect(w).toBeGreaterThan(150);
    expect(w).toBeLessThan(166.37);
    expect(e).toBeLessThanOrEqual(-170);
    expect(e).toBeGreaterThan(-180);
  });

  it('includes the pole for a polar CRS', () => {
    const bounds = computeProjectionBounds(ANTARCTIC, [-180, -90, 180, -60]);
    const [w, s, e, n] = bounds?.worldExtent ?? [];
    expect(s).toBe(-90);
    expect(w).toBe(-180);
    expect(e).toBe(180);
    expect(n).toBeGreaterThan(-60);
  });
});

describe('bboxRelation', () => {
  const france = LAMBERT_93.bbox ?? [0, 0, 0, 0];
  it('tells inside, partly outside and outside', () => {
    expect(bboxRelation([2.2, 48.8, 2.5, 48.9], france)).toBe('inside');
    expect(bboxRelation([8, 45, 12, 46], france)).toBe('partly-outside');
    expect(bboxRelation([139, 35, 140, 36], france)).toBe('outside');
    expect(bboxRelation([139, 35, 140, 36], null)).toBe('inside');
  });

  it('handles boxes across the antimeridian on either side', () => {
    const nz: [number, number, number, number] = [166.37, -47.33, -178.63, -34.1];
    expect(bboxRelation([170, -45, 171, -44], nz)).toBe('inside');
    expect(bboxRelation([179, -45, -179.5, -44], nz)).toBe('inside');
    expect(bboxRelation([179, -45, -170, -44], nz)).toBe('partly-outside');
    expect(bboxRelation([2, 48, 3, 49], nz)).toBe('outside');
  });
});
