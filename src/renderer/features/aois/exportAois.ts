import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import { toFeatureCollection } from '../../../shared/geo/geojson-export';
import { toWkt } from '../../../shared/geo/wkt';
import { saveFile } from '../../ui/saveFile';

const geometryOf = (a: Aoi) => a.geometry as unknown as Polygon | MultiPolygon;

/** RFC 7946 FeatureCollection text (EPSG:4326, right-hand winding, names in properties). */
export function aoisToGeoJson(aois: Aoi[]): string {
  return JSON.stringify(toFeatureCollection(aois.map((a) => ({ name: a.name, geometry: geometryOf(a) }))), null, 2);
}

export const aoiToWkt = (aoi: Aoi): string => toWkt(geometryOf(aoi), { precision: 7 });

/** Offers the text as a file (GeoJSON unless told otherwise). */
export function saveTextFile(text: string, fileName: string, type = 'application/geo+json'): void {
  saveFile(text, fileName, type);
}

export const safeFileName = (name: string): string => name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim().slice(0, 80) || 'aoi';
