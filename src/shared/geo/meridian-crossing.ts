import { Geodesic } from 'geographiclib-geodesic';

/**
 * Where the geodesic edge from (lon1, lat1) to (lon2, lat2) meets the meridian `lon`, which lies
 * strictly between lon1 and lon2 (longitudes continuous, |lon2 - lon1| < 180). Cutting an edge at ±180
 * by linear interpolation in lon/lat puts the new corner off the edge and changes the area the split
 * pieces measure (0.75% for a 20°×20° box across the antimeridian); the corner on the geodesic keeps
 * split and unsplit the same shape.
 */
export function geodesicLatitudeAt(lon1: number, lat1: number, lon2: number, lat2: number, lon: number): number {
  // From or to a pole the geodesic is the other end's meridian, so it meets any other meridian there.
  if (Math.abs(lat1) === 90) return lat1;
  if (Math.abs(lat2) === 90) return lat2;
  const line = Geodesic.WGS84.InverseLine(lat1, lon1, lat2, lon2, Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.DISTANCE_IN);
  const mask = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.LONG_UNROLL;
  const target = lon - lon1;
  const east = lon2 > lon1;
  // Longitude is monotonic along an edge that does not pass over a pole: bisect on the distance.
  let lo = 0;
  let hi = line.s13;
  let lat = lat1 + ((lat2 - lat1) * target) / (lon2 - lon1);
  for (let i = 0; i < 64 && hi - lo > 1e-6; i++) {
    const mid = (lo + hi) / 2;
    const p = line.Position(mid, mask);
    const travelled = (p.lon2 ?? 0) - line.lon1;
    lat = p.lat2 ?? lat;
    if (travelled === target) break;
    if (travelled < target === east) lo = mid;
    else hi = mid;
  }
  return lat;
}
