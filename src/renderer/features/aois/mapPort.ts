import type { DrawKind } from '../../map/aoiEditing';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import type { ProjectionRef } from '../../map/projections';

export type { DrawKind } from '../../map/aoiEditing';

/** What the AOIs panel needs from the map; MapController provides it. */
export interface AoiMapPort {
  setAois(aois: Aoi[], activeId: string | null): void;
  /** Shows an AOI again as stored, after the store refused an edit made on the map. */
  revertAoi(id: string): void;
  /** Reprojects the view and every layer; throws when the code has no definition. */
  setProjection(ref: ProjectionRef): void;
  zoomToAoi(id: string): void;
  startDraw(kind: DrawKind): void;
  cancelDraw(): void;
  onAoiDrawn(cb: (geometry: Polygon | MultiPolygon) => void): () => void;
  onAoiEdited(cb: (id: string, geometry: Polygon | MultiPolygon) => void): () => void;
  onSketchArea(cb: (km2: number | null) => void): () => void;
}
