import proj4 from 'proj4';

/** [west, south, east, north] in degrees; west > east when the box crosses the antimeridian. */
export type LonLatBbox = [number, number, number, number];
/** [minX, minY, maxX, maxY] in the CRS's own units. */
export type CrsExtent = [number, number, number, number];

export interface ProjectionBounds {
  /** Where the view may go, in CRS units: the area of use plus a margin, as the CRS draws it. */
  extent: CrsExtent;
  /** The lon/lat box the extent rectangle covers: what the basemap and graticule must fill. */
  worldExtent: LonLatBbox;
}

// A CRS is designed for its area of use, but an analyst still wants to see what lies just beyond
// it (the neighbouring country, the sea around an island), so the view gets a quarter of the span
// on each side; at least a degree so a tiny area of use still leaves room to look around.
const MARGIN_FRACTION = 0.25;
const MIN_MARGIN_DEG = 1;
// Conic and transverse projections go to infinity at one pole; stop short of it. A margin does not
// push a box past 85° unless the area of use itself goes there (UTM zones stop at 84°N, and above
// that their meridians converge into a fan of labels).
const MAX_LAT = 89;
const MARGIN_LAT_LIMIT = 85;
const STEPS_PER_SIDE = 64;

/** Points along the boundary of a box, so that curved images of its edges are followed. */
function densifiedBoundary(minX: number, minY: number, maxX: number, maxY: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= STEPS_PER_SIDE; i++) {
    const t = i / STEPS_PER_SIDE;
    const x = minX + t * (maxX - minX);
    const y = minY + t * (maxY - minY);
    points.push([x, minY], [x, maxY], [minX, y], [maxX, y]);
  }
  return points;
}

function finite(point: number[]): point is [number, number] {
  return Number.isFinite(point[0]) && Number.isFinite(point[1]);
}

/** The area of use grown by the margin, with east unwrapped (east > west, possibly beyond 180). */
export function expandedBbox(bbox: LonLatBbox): LonLatBbox {
  const [west, south, rawEast, north] = bbox;
  const east = rawEast < west ? rawEast + 360 : rawEast;
  const dLon = Math.max(MIN_MARGIN_DEG, (east - west) * MARGIN_FRACTION);
  const dLat = Math.max(MIN_MARGIN_DEG, (north - south) * MARGIN_FRACTION);
  const spanLon = Math.min(360, east - west + 2 * dLon);
  const centre = (west + east) / 2;
  return [
    centre - spanLon / 2,
    Math.max(-MAX_LAT, Math.min(south, -MARGIN_LAT_LIMIT), south - dLat),
    centre + spanLon / 2,
    Math.min(MAX_LAT, Math.max(north, MARGIN_LAT_LIMIT), north + dLat),
  ];
}

/**
 * The extent of a CRS from its area of use: the grown lon/lat box is densified and transformed
 * (its edges are curves in most CRSs, so the four corners alone would cut parts off), and the
 * bounding rectangle of the result taken. That rectangle is then transformed back to find the
 * lon/lat region it shows, which can be much wider than the box near its corners (a conic's
 * rectangle reaches far north at its top corners).
 */
export function computeProjectionBounds(definition: string, bbox: LonLatBbox): ProjectionBounds | null {
  const converter = proj4('EPSG:4326', definition);
  const [w, s, e, n] = expandedBbox(bbox);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const point of densifiedBoundary(w, s, e, n)) {
    const projected = safe(() => converter.forward(point));
    if (!projected || !finite(projected)) continue;
    minX = Math.min(minX, projected[0]);
    minY = Math.min(minY, projected[1]);
    maxX = Math.max(maxX, projected[0]);
    maxY = Math.max(maxY, projected[1]);
  }
  if (!(minX < maxX && minY < maxY)) return null;

  const centreLon = (w + e) / 2;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const point of densifiedBoundary(minX, minY, maxX, maxY)) {
    const lonLat = safe(() => converter.inverse(point));
    if (!lonLat || !finite(lonLat)) continue;
    // proj4 folds longitudes into [-180, 180]; measure them from the box centre instead so that a
    // region across the antimeridian stays one interval.
    const lon = centreLon + ((((lonLat[0] - centreLon + 180) % 360) + 360) % 360) - 180;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lonLat[1]);
    north = Math.max(north, lonLat[1]);
  }
  // A polar CRS has the pole inside its rectangle although no edge of it comes near the pole.
  for (const poleLat of [90, -90]) {
    const pole = safe(() => converter.forward([centreLon, poleLat]));
    if (pole && finite(pole) && pole[0] >= minX && pole[0] <= maxX && pole[1] >= minY && pole[1] <= maxY) {
      if (poleLat > 0) north = 90;
      else south = -90;
      west = centreLon - 180;
      east = centreLon + 180;
    }
  }
  if (!(west < east && south < north)) return { extent: [minX, minY, maxX, maxY], worldExtent: [w, s, e, n] };
  west = Math.max(west, w - 90);
  east = Math.min(east, e + 90);
  if (east - west >= 360) {
    west = -180;
    east = 180;
  }
  // Whole degrees: the graticule draws a meridian at each edge of the world extent.
  west = Math.floor(west);
  east = Math.ceil(east);
  south = Math.floor(south);
  north = Math.ceil(north);
  const fold = (lon: number): number => ((((lon + 180) % 360) + 360) % 360) - 180;
  const worldExtent: LonLatBbox = [
    east - west >= 360 ? -180 : fold(west),
    Math.max(-90, south),
    east - west >= 360 ? 180 : east > 180 ? fold(east) : east,
    Math.min(90, north),
  ];
  return { extent: [minX, minY, maxX, maxY], worldExtent };
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
