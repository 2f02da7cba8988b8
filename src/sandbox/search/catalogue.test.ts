import { describe, expect, it } from 'vitest';
import { shapeFromBbox, relates } from '../geo/shapes';
import { distanceKm, viewFromGround } from '../geo/sphere';
import { findScene, type Scene } from './catalogue';
import { decodeCatalogueId, catalogueId } from './ids';
import { localSolarHours, SATELLITES, subSatellitePoint, trackPoint } from './orbits';
import { sweep } from './sweep';

const YEAR = { from: Date.UTC(2023, 0, 1), to: Date.UTC(2024, 0, 1) - 1, nowMs: Date.UTC(2025, 5, 1) };

function scenesIn(bbox: string, seed = 42): Scene[] {
  const aoi = shapeFromBbox(bbox);
  return [...sweep(seed, { sats: SATELLITES, ...YEAR, aoi: aoi.bbox })].filter((s) => relates(s.footprint, aoi, 'intersects'));
}

describe('orbits', () => {
  it('cross the equator descending at 10:30 local solar time', () => {
    for (const sat of SATELLITES) {
      const { point, timeMs } = trackPoint(sat, 50_000, 180);
      expect(point[1]).toBeCloseTo(0, 6);
      expect(localSolarHours(timeMs, point[0])).toBeCloseTo(10.5, 6);
    }
  });

  it('reach 81.8° of latitude (98.2° inclination) and take a realistic period', () => {
    const sat = SATELLITES[2]!;
    expect(trackPoint(sat, 10, 90).point[1]).toBeCloseTo(81.8, 1);
    expect(sat.periodS / 60).toBeGreaterThan(98);
    expect(sat.periodS / 60).toBeLessThan(99.5);
    expect(SATELLITES[4]!.periodS).toBeLessThan(sat.periodS); // Neo flies lower
  });
});

describe('catalogue', () => {
  const toulouse = scenesIn('1.33,43.52,1.56,43.66');

  it('holds a plausible year of scenes over a city, from every constellation', () => {
    expect(toulouse.length).toBeGreaterThan(15);
    expect(toulouse.length).toBeLessThan(120);
    expect(new Set(toulouse.map((s) => s.constellation))).toEqual(new Set(['SPOT', 'PHR', 'PNEO']));
  });

  it('is deterministic for a seed and different for another seed', () => {
    expect(scenesIn('1.33,43.52,1.56,43.66').map((s) => s.id)).toEqual(toulouse.map((s) => s.id));
    const other = scenesIn('1.33,43.52,1.56,43.66', 7).map((s) => s.id);
    expect(other.filter((id) => toulouse.some((s) => s.id === id))).toEqual([]);
  });

  it('has almost nothing over open ocean', () => {
    expect(scenesIn('-150,-10,-149.8,-9.8').length).toBeLessThan(3);
  });

  it('finds scenes back by id, legacy id and datastrip id, for its seed only', () => {
    for (const s of toulouse.slice(0, 10)) {
      expect(findScene(42, s.id)?.id).toBe(s.id);
      expect(findScene(42, s.legacyId)?.id).toBe(s.id);
      expect(findScene(42, s.sourceIdentifier)?.id).toBe(s.id);
      expect(findScene(43, s.id)).toBeUndefined();
    }
    expect(findScene(42, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(findScene(42, 'DS_PHR1A_201701241037483_FR1_PX_E001N43_0615_01664')).toBeUndefined();
  });

  it('encodes scene keys in ids reversibly', () => {
    const key = { sat: 5, rev: 123_456, slot: 359 };
    expect(decodeCatalogueId(9, catalogueId(9, key))).toEqual(key);
  });

  it('names datastrips like the providers', () => {
    for (const s of toulouse) {
      expect(s.sourceIdentifier).toMatch(/^DS_(SPOT[67]|PHR1[AB]|PNEO[34])_\d{15}_[A-Z0-9]{3}_/);
      expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(toulouse.find((s) => s.platform.startsWith('PHR'))?.sourceIdentifier).toMatch(/_PX_E001N43_\d{4}_\d{5}$/);
  });

  it('reports angles consistent with the geometry', () => {
    for (const s of toulouse) {
      const sat = SATELLITES[s.key.sat]!;
      const sub = subSatellitePoint(sat, s.acquisitionTime);
      const ground = distanceKm(sub, s.center);
      expect(Math.abs(viewFromGround(ground, sat.altitudeKm).incidence - s.incidenceAngle)).toBeLessThan(0.05);
      expect(s.incidenceAngle).toBeGreaterThanOrEqual(Math.abs(s.incidenceAngleAcrossTrack) - 1e-9);
      expect(Math.abs(s.viewingAngleAcrossTrack)).toBeLessThan(Math.abs(s.incidenceAngleAcrossTrack) + 1e-9);
      expect(s.incidenceAngle).toBeLessThanOrEqual(sat.maxIncidence + 15);
      // Off-nadir views widen the footprint: the swath is at least nominal.
      expect(s.widthKm).toBeGreaterThanOrEqual(sat.swathKm);
      expect(s.illuminationElevationAngle).toBeGreaterThanOrEqual(10);
      expect(s.illuminationAzimuthAngle).toBeGreaterThan(90); // morning sun: south-east to south
      expect(s.illuminationAzimuthAngle).toBeLessThan(200);
    }
  });

  it('acquires near 10:30 local solar time (±45 min at the equator, within the track skew at mid-latitudes)', () => {
    const near = (scenes: Scene[], minutes: number) => scenes.every((s) => Math.abs(localSolarHours(s.acquisitionTime, s.center[0]) - 10.5) * 60 <= minutes);
    const nairobi = scenesIn('36.7,-1.4,36.95,-1.2');
    expect(nairobi.length).toBeGreaterThan(5);
    expect(near(nairobi, 45)).toBe(true);
    // A 98.2° descending track crosses 45°N about 30 min "later" than its node, ± the off-nadir offset.
    expect(near(toulouse, 60)).toBe(true);
  });

  it('keeps footprints closed, counter-clockwise and with sensible swath and length', () => {
    for (const s of toulouse) {
      expect(s.footprint[0]).toEqual(s.footprint[s.footprint.length - 1]);
      let area = 0;
      for (let i = 0; i + 1 < s.footprint.length; i++) area += s.footprint[i]![0] * s.footprint[i + 1]![1] - s.footprint[i + 1]![0] * s.footprint[i]![1];
      expect(area).toBeGreaterThan(0);
      const sat = SATELLITES[s.key.sat]!;
      expect(s.lengthKm).toBeGreaterThanOrEqual(sat.lengthKm[0]);
      expect(s.lengthKm).toBeLessThanOrEqual(sat.lengthKm[1]);
    }
  });

  it('publishes only what the clock has reached', () => {
    const aoi = shapeFromBbox('1.33,43.52,1.56,43.66');
    const early = [...sweep(42, { sats: SATELLITES, ...YEAR, nowMs: Date.UTC(2023, 6, 1), aoi: aoi.bbox })].filter((s) => relates(s.footprint, aoi, 'intersects'));
    expect(early.every((s) => s.publicationTime <= Date.UTC(2023, 6, 1))).toBe(true);
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(toulouse.length);
  });
});
