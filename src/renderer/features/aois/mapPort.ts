import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';

export type DrawKind = 'polygon' | 'rectangle' | 'circle';

/** What the AOIs panel needs from the map; MapController provides it. */
export interface AoiMapPort {
  setAois(aois: Aoi[], activeId: string | null): void;
  zoomToAoi(id: string): void;
  startDraw(kind: DrawKind): void;
  cancelDraw(): void;
  onAoiDrawn(cb: (geometry: Polygon | MultiPolygon) => void): () => void;
  onAoiEdited(cb: (id: string, geometry: Polygon | MultiPolygon) => void): () => void;
  onSketchArea(cb: (km2: number | null) => void): () => void;
}
