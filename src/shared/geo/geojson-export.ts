import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { rewind } from './repair';

/**
 * AOIs to an RFC 7946 FeatureCollection: lon/lat WGS84 with no `crs` member (§4: it was removed),
 * right-hand winding (§3.1.6), 2D positions, the name in `properties.name`. Coordinates keep full
 * precision by default so that importing the export gives back exactly the same AOIs; pass a
 * precision (RFC 7946 §11.2 suggests 6 decimals, ~10 cm) for smaller files to share.
 */

export interface AoiForExport {
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface ExportOptions {
  precision?: number;
}

export type AoiFeatureCollection = FeatureCollection<Polygon | MultiPolygon, { name: string }>;

export function toFeatureCollection(aois: readonly AoiForExport[], options: ExportOptions = {}): AoiFeatureCollection {
  const { precision } = options;
  const round = (v: number): number => (precision === undefined ? v : Number(v.toFixed(precision)));
  const position = (p: Position): Position => [round(p[0] as number), round(p[1] as number)];
  const polygon = (rings: Position[][]): Position[][] => rings.map((ring) => ring.map(position));
  const features = aois.map((aoi): Feature<Polygon | MultiPolygon, { name: string }> => {
    const geometry: Polygon | MultiPolygon =
      aoi.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: polygon(aoi.geometry.coordinates) }
        : { type: 'MultiPolygon', coordinates: aoi.geometry.coordinates.map(polygon) };
    return { type: 'Feature', properties: { name: aoi.name }, geometry: rewind(geometry) };
  });
  return { type: 'FeatureCollection', features };
}
