import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import { toFeatureCollection } from '../../../shared/geo/geojson-export';
import { toWkt } from '../../../shared/geo/wkt';
import { call } from '../../api/client';
import { saveFile } from '../../ui/saveFile';

type Named = Pick<Aoi, 'name' | 'geometry'>;
const geometryOf = (a: Named) => a.geometry as unknown as Polygon | MultiPolygon;

/** RFC 7946 FeatureCollection text (EPSG:4326, right-hand winding, names in properties). */
export function aoisToGeoJson(aois: readonly Named[]): string {
  return JSON.stringify(toFeatureCollection(aois.map((a) => ({ name: a.name, geometry: geometryOf(a) }))), null, 2);
}

/** Features per page of an export: a few megabytes read and written per task. */
const EXPORT_PAGE = 1_000;

/**
 * Every stored AOI as one GeoJSON file, read from main a page at a time and written as pieces of one
 * Blob, so 25,000 AOIs never travel in one reply nor become one string.
 */
export async function exportAllAois(fileName: string): Promise<number> {
  const parts: string[] = ['{"type":"FeatureCollection","features":[\n'];
  let count = 0;
  for (;;) {
    const { items } = await call('aois.exportPage', { offset: count, limit: EXPORT_PAGE });
    const features = toFeatureCollection(items.map((a) => ({ name: a.name, geometry: geometryOf(a) }))).features;
    if (features.length > 0) parts.push(`${count > 0 ? ',\n' : ''}${features.map((f) => JSON.stringify(f)).join(',\n')}`);
    count += items.length;
    if (items.length < EXPORT_PAGE) break;
  }
  parts.push('\n]}\n');
  saveFile(new Blob(parts), fileName, 'application/geo+json');
  return count;
}

export const aoiToWkt = (aoi: Named): string => toWkt(geometryOf(aoi), { precision: 7 });

/** Offers the text as a file (GeoJSON unless told otherwise). */
export function saveTextFile(text: string, fileName: string, type = 'application/geo+json'): void {
  saveFile(text, fileName, type);
}

export const safeFileName = (name: string): string => name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim().slice(0, 80) || 'aoi';
