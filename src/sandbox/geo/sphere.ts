/**
 * Spherical-Earth helpers for the sandbox catalogue. A sphere is plenty for a simulator: footprints,
 * angles and distances come out within a fraction of a percent of the ellipsoid, and the formulas stay
 * short enough to check by eye. Sandbox-only: the app never synthesises orbits or viewing angles, so
 * none of this is in shared/geo (planar tests, WKT, boxes, areas and the antimeridian are, and the
 * sandbox uses them from there).
 */

export type Lonlat = [number, number];

/** Mean Earth radius (km). */
export const EARTH_RADIUS_KM = 6371.0088;
/** Ground distance of one degree of great circle (km). */
export const KM_PER_DEG = (Math.PI * EARTH_RADIUS_KM) / 180;

export const rad = (d: number): number => (d * Math.PI) / 180;
export const deg = (r: number): number => (r * 180) / Math.PI;

/** Longitude folded into [-180, 180). */
export function wrapLon(lon: number): number {
  const w = (((lon + 180) % 360) + 360) % 360;
  return w - 180;
}

/** The point `distKm` away from (lon, lat) along the initial bearing `bearingDeg` (clockwise from north). */
export function destination([lon, lat]: Lonlat, bearingDeg: number, distKm: number): Lonlat {
  const d = distKm / EARTH_RADIUS_KM;
  const b = rad(bearingDeg);
  const p1 = rad(lat);
  const sinP2 = Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b);
  const p2 = Math.asin(Math.max(-1, Math.min(1, sinP2)));
  const l2 = rad(lon) + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * sinP2);
  return [wrapLon(deg(l2)), deg(p2)];
}

/** Initial great-circle bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearing([lon1, lat1]: Lonlat, [lon2, lat2]: Lonlat): number {
  const p1 = rad(lat1);
  const p2 = rad(lat2);
  const dl = rad(lon2 - lon1);
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

/** Great-circle distance (km). */
export function distanceKm([lon1, lat1]: Lonlat, [lon2, lat2]: Lonlat): number {
  const dp = rad(lat2 - lat1);
  const dl = rad(lon2 - lon1);
  const a = Math.sin(dp / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Viewing geometry of a target `groundKm` away from the sub-satellite point, for a satellite at
 * `altitudeKm`: the off-nadir (viewing) angle at the satellite and the incidence angle at the ground.
 * Incidence = viewing + Earth central angle, which is why incidence is always the larger of the two.
 */
export function viewFromGround(groundKm: number, altitudeKm: number): { viewing: number; incidence: number } {
  const gamma = Math.abs(groundKm) / EARTH_RADIUS_KM;
  const r = EARTH_RADIUS_KM + altitudeKm;
  const viewing = Math.atan2(EARTH_RADIUS_KM * Math.sin(gamma), r - EARTH_RADIUS_KM * Math.cos(gamma));
  const sign = groundKm < 0 ? -1 : 1;
  return { viewing: sign * deg(viewing), incidence: sign * deg(viewing + gamma) };
}

/** Inverse of viewFromGround for the incidence angle: the signed ground offset (km) it implies. */
export function groundFromIncidence(incidenceDeg: number, altitudeKm: number): number {
  const theta = rad(Math.abs(incidenceDeg));
  // Sine rule in the Earth-centre / satellite / target triangle: sin(viewing) = R sin(incidence) / (R + h).
  const viewing = Math.asin((EARTH_RADIUS_KM * Math.sin(theta)) / (EARTH_RADIUS_KM + altitudeKm));
  return Math.sign(incidenceDeg) * (theta - viewing) * EARTH_RADIUS_KM;
}

/**
 * Sun position (NOAA's low-precision algorithm, good to a few hundredths of a degree): elevation above
 * the horizon and azimuth clockwise from north, both in degrees.
 */
export function sunPosition(timeMs: number, [lon, lat]: Lonlat): { elevation: number; azimuth: number } {
  const jd = timeMs / 86_400_000 + 2440587.5;
  const t = (jd - 2451545) / 36525;
  const l0 = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const c = Math.sin(rad(m)) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(rad(2 * m)) * (0.019993 - 0.000101 * t) + Math.sin(rad(3 * m)) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(rad(omega));
  const eps = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60 + 0.00256 * Math.cos(rad(omega));
  const decl = Math.asin(Math.sin(rad(eps)) * Math.sin(rad(lambda)));
  const y = Math.tan(rad(eps / 2)) ** 2;
  const eqTimeMin =
    4 * deg(y * Math.sin(2 * rad(l0)) - 2 * e * Math.sin(rad(m)) + 4 * e * y * Math.sin(rad(m)) * Math.cos(2 * rad(l0)) - 0.5 * y * y * Math.sin(4 * rad(l0)) - 1.25 * e * e * Math.sin(2 * rad(m)));
  const minutesUtc = ((timeMs % 86_400_000) + 86_400_000) % 86_400_000 / 60_000;
  const trueSolarMin = (((minutesUtc + eqTimeMin + 4 * lon) % 1440) + 1440) % 1440;
  const hourAngle = rad(trueSolarMin / 4 - 180);
  const phi = rad(lat);
  const cosZen = Math.sin(phi) * Math.sin(decl) + Math.cos(phi) * Math.cos(decl) * Math.cos(hourAngle);
  const zenith = Math.acos(Math.max(-1, Math.min(1, cosZen)));
  const azimuth = (deg(Math.atan2(Math.sin(hourAngle), Math.cos(hourAngle) * Math.sin(phi) - Math.tan(decl) * Math.cos(phi))) + 180 + 360) % 360;
  return { elevation: 90 - deg(zenith), azimuth };
}
