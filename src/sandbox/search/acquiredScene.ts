import { signedArea } from '../../shared/geo/planar';
import { bearing, distanceKm, sunPosition, type Lonlat } from '../geo/sphere';
import type { Scene } from './catalogue';
import { hash32, uuidFrom } from './ids';
import { satelliteByPlatform, SATELLITES, type Platform } from './orbits';

/**
 * A tasking acquisition described as a catalogue scene, so a delivered tasking product is searched
 * and shown exactly like a delivered archive product. The tasking module knows the acquisition
 * (satellite, time, footprint, angles); everything else follows from it deterministically.
 */

export interface Acquisition {
  /** Datastrip id of the acquisition (a tasking segment's `catalogId`). */
  sourceIdentifier: string;
  platform: Platform;
  acquiredAt: Date;
  /** Closed outer ring of the acquired strip. */
  footprint: Lonlat[];
  incidenceAngle: number;
  cloudCover: number;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const iso = (ms: number) => new Date(ms).toISOString();
const codes = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sceneOfAcquisition(seed: number, a: Acquisition): Scene {
  const sat = satelliteByPlatform(a.platform) ?? (SATELLITES[0] as NonNullable<ReturnType<typeof satelliteByPlatform>>);
  // Catalogue rings are counter-clockwise; segment strips may come either way round.
  const footprint = signedArea(a.footprint) < 0 ? [...a.footprint].reverse() : [...a.footprint];
  const lons = footprint.map((p) => p[0]);
  const lats = footprint.map((p) => p[1]);
  const bbox: Scene['bbox'] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const corners = footprint.slice(0, -1);
  const center: Lonlat = [corners.reduce((s, p) => s + p[0], 0) / corners.length, corners.reduce((s, p) => s + p[1], 0) / corners.length];
  const [p0, p1, p2] = footprint as [Lonlat, Lonlat, Lonlat];
  const t = a.acquiredAt.getTime();
  const h = hash32(seed, ...codes(a.sourceIdentifier));
  const sun = sunPosition(t, center);
  const id = uuidFrom(seed, h, 1);
  return {
    id,
    legacyId: `${id}::${uuidFrom(seed, h, 2)}`,
    sourceIdentifier: a.sourceIdentifier,
    acquisitionIdentifier: `ACQ_${sat.platform}_${String(h % 100_000_000_000_000).padStart(14, '0')}`,
    archiveAnonymousIdentifier: String(300_000_000 + (h % 100_000_000)),
    constellation: sat.constellation,
    platform: sat.platform,
    // Not a catalogue slot: the key only has to be stable (it seeds the feature's correlation id).
    key: { sat: sat.index, rev: h >>> 9, slot: h & 0x1ff },
    acquisitionTime: t,
    acquisitionDate: iso(t),
    processingDate: iso(t),
    publicationDate: iso(t),
    publicationTime: t,
    expirationDate: iso(new Date(t).setUTCFullYear(a.acquiredAt.getUTCFullYear() + 10)),
    cloudCover: round(a.cloudCover, 2),
    snowCover: 0,
    incidenceAngle: round(a.incidenceAngle, 2),
    incidenceAngleAcrossTrack: round(a.incidenceAngle, 2),
    incidenceAngleAlongTrack: 0,
    viewingAngleAcrossTrack: round(a.incidenceAngle * 0.89, 2),
    viewingAngleAlongTrack: 0,
    azimuthAngle: round(bearing(p0, p1), 2),
    illuminationAzimuthAngle: round(sun.azimuth, 2),
    illuminationElevationAngle: round(sun.elevation, 2),
    resolution: sat.resolution,
    processingLevel: 'SENSOR',
    productType: 'mono',
    acquisitionStation: 'FR1',
    center,
    footprint,
    bbox,
    lengthKm: round(distanceKm(p0, p1), 2),
    widthKm: round(distanceKm(p1, p2), 2),
  };
}
