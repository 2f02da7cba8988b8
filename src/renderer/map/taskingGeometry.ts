import type { MultiPolygon as GeoJsonMultiPolygon, Polygon as GeoJsonPolygon } from 'geojson';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import type { TransformFunction } from 'ol/proj';
import { splitAtAntimeridian } from '../../shared/geo/antimeridian';
import { geometryBbox } from './aoiGeometry';
import { approxArea } from './footprintExtent';
import type { LonLatBbox } from './projectionExtent';

/**
 * Lon/lat polygons of the tasking layers made drawable in any view CRS, the way footprintLayer does
 * it for scenes: cut at ±180 first (no edge spans the world), then one bulk transform per feature.
 */

export type Rings = number[][][];

/** Polygon parts in lon/lat, cut at the antimeridian like stored AOIs. */
export function lonLatParts(geometry: GeoJsonPolygon | GeoJsonMultiPolygon): Rings[] {
  const split = splitAtAntimeridian(geometry);
  return split.type === 'Polygon' ? [split.coordinates] : split.coordinates;
}

/** The parts in the view CRS; undefined when any point falls outside a local CRS's domain (not drawn). */
export function projectParts(parts: Rings[], transform: TransformFunction | null): Polygon | MultiPolygon | undefined {
  if (!transform || parts.length === 0) return undefined;
  // Plain index loops: this runs for every one of 10,000 segments, and iterator destructuring costs.
  const flat: number[] = [];
  const endss: number[][] = [];
  for (let p = 0; p < parts.length; p++) {
    const rings = parts[p] as Rings;
    const ends: number[] = [];
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r] as number[][];
      for (let i = 0; i < ring.length; i++) {
        const point = ring[i] as number[];
        flat.push(point[0] ?? NaN, point[1] ?? NaN);
      }
      ends.push(flat.length);
    }
    endss.push(ends);
  }
  transform(flat, flat, 2);
  // proj4 answers NaN, Infinity or nothing outside a local CRS's domain.
  for (let i = 0; i < flat.length; i++) if (!Number.isFinite(flat[i])) return undefined;
  if (endss.length === 1) return new Polygon(flat, 'XY', endss[0]);
  return new MultiPolygon(flat, 'XY', endss);
}

/** Bounding box in the project's convention (w > e across the antimeridian). */
export function partsBbox(parts: Rings[]): LonLatBbox {
  if (parts.length !== 1) return geometryBbox({ type: 'MultiPolygon', coordinates: parts });
  // One part after the cut lies within [-180, 180] without crossing: its plain extent is the box.
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const outer = parts[0]?.[0] ?? [];
  for (let i = 0; i < outer.length; i++) {
    const point = outer[i] as number[];
    const x = point[0] ?? NaN;
    const y = point[1] ?? NaN;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Approximate area, only to rank features for hit priority (the smallest under the pointer wins). */
export function partsArea(parts: Rings[]): number {
  return parts.reduce((sum, rings) => sum + approxArea(rings[0] ?? []), 0);
}
