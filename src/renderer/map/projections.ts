import proj4 from 'proj4';
import { get as getOlProjection } from 'ol/proj';
import { register } from 'ol/proj/proj4';
import type OlProjection from 'ol/proj/Projection';
import type { ProjectionInfo } from '../../shared/domain/projection';
import { computeProjectionBounds } from './projectionExtent';

/** What a caller may pass for the two built-in CRSs, which need no lookup. */
export type BuiltinCode = 3857 | 4326;
export type ProjectionRef = ProjectionInfo | { code: BuiltinCode };

export const BUILTIN_CODES: readonly BuiltinCode[] = [3857, 4326];

// OpenLayers and proj4 both know these two out of the box; the rest of this info is for the UI.
export const BUILTIN_PROJECTIONS: Record<BuiltinCode, ProjectionInfo> = {
  3857: {
    code: 3857,
    name: 'WGS 84 / Pseudo-Mercator',
    proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
    bbox: [-180, -85.06, 180, 85.06],
    areaOfUse: 'World between 85.06°S and 85.06°N.',
    units: 'metre',
    unavailable: null,
  },
  4326: {
    code: 4326,
    name: 'WGS 84',
    proj4: '+proj=longlat +datum=WGS84 +no_defs',
    bbox: [-180, -90, 180, 90],
    areaOfUse: 'World.',
    units: 'degree',
    unavailable: null,
  },
};

export function isBuiltinCode(code: number): code is BuiltinCode {
  return code === 3857 || code === 4326;
}

/** The full info for a reference: built-ins are filled in, looked-up infos pass through. */
export function resolveProjection(ref: ProjectionRef): ProjectionInfo {
  if ('name' in ref) return ref;
  return BUILTIN_PROJECTIONS[ref.code];
}

export const epsgName = (code: number): string => `EPSG:${code}`;

export function isGeographic(ref: ProjectionRef): boolean {
  return resolveProjection(ref).units === 'degree';
}

/**
 * Makes an EPSG code known to proj4 and OpenLayers (idempotent) and returns OpenLayers' projection
 * with an extent derived from the area of use: without one OpenLayers cannot constrain the view,
 * size the graticule or decide what "the whole map" is for a local CRS.
 */
export function ensureProjection(ref: ProjectionRef): OlProjection {
  const info = resolveProjection(ref);
  const name = epsgName(info.code);
  if (isBuiltinCode(info.code)) {
    const builtin = getOlProjection(name);
    if (!builtin) throw new Error(`OpenLayers does not know ${name}`);
    return builtin;
  }
  if (info.unavailable || !info.proj4) {
    throw new Error(info.unavailable ?? `No projection definition for ${name}.`);
  }
  let projection = getOlProjection(name);
  if (!projection || !proj4.defs(name)) {
    proj4.defs(name, info.proj4);
    // register() copies every proj4 definition into OpenLayers with transforms between them; it is
    // cheap for the handful of codes a session uses, and on demand keeps start-up free of it.
    register(proj4);
    projection = getOlProjection(name);
    if (!projection) throw new Error(`Could not register ${name}.`);
  }
  if (!projection.getExtent() && info.bbox) {
    const bounds = computeProjectionBounds(info.proj4, info.bbox);
    if (bounds) {
      projection.setExtent(bounds.extent);
      // The graticule reads the world extent to know which meridians and parallels exist.
      projection.setWorldExtent(bounds.worldExtent);
    }
  }
  if (!projection.getWorldExtent()) projection.setWorldExtent([-180, -89, 180, 89]);
  return projection;
}

/** lon/lat (EPSG:4326) → the CRS's coordinates; registers the definition on first use. */
export function toCrs(ref: ProjectionRef, lonLat: readonly number[]): [number, number] {
  const info = resolveProjection(ref);
  if (info.code === 4326) return [lonLat[0] ?? NaN, lonLat[1] ?? NaN];
  ensureProjection(info);
  const [x, y] = proj4('EPSG:4326', epsgName(info.code), [lonLat[0] ?? NaN, lonLat[1] ?? NaN]);
  return [x ?? NaN, y ?? NaN];
}

/** The CRS's coordinates → lon/lat (EPSG:4326). NaN when the point has no inverse. */
export function fromCrs(ref: ProjectionRef, xy: readonly number[]): [number, number] {
  const info = resolveProjection(ref);
  if (info.code === 4326) return [xy[0] ?? NaN, xy[1] ?? NaN];
  ensureProjection(info);
  try {
    const [lon, lat] = proj4(epsgName(info.code), 'EPSG:4326', [xy[0] ?? NaN, xy[1] ?? NaN]);
    return [lon ?? NaN, lat ?? NaN];
  } catch {
    return [NaN, NaN];
  }
}

/** Whether a lon/lat box lies inside, partly outside or wholly outside a CRS's area of use. */
export function bboxRelation(
  aoi: readonly [number, number, number, number],
  area: readonly [number, number, number, number] | null,
): 'inside' | 'partly-outside' | 'outside' {
  if (!area) return 'inside';
  const lonIntervals = (w: number, e: number): [number, number][] =>
    w <= e ? [[w, e]] : [[w, 180], [-180, e]];
  const aoiLons = lonIntervals(aoi[0], aoi[2]);
  const areaLons = lonIntervals(area[0], area[2]);
  const latOverlap = aoi[1] <= area[3] && aoi[3] >= area[1];
  const latInside = aoi[1] >= area[1] && aoi[3] <= area[3];
  const lonOverlap = aoiLons.some(([a, b]) => areaLons.some(([c, d]) => a <= d && b >= c));
  const lonInside = aoiLons.every(([a, b]) => areaLons.some(([c, d]) => a >= c && b <= d));
  if (!latOverlap || !lonOverlap) return 'outside';
  return latInside && lonInside ? 'inside' : 'partly-outside';
}
