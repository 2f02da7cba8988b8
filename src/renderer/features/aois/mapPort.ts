import type { DrawKind } from '../../map/aoiEditing';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi, AoiBox, AoiShape, AoiSummary } from '../../../shared/domain/aoi';
import type { ProjectionRef } from '../../map/projections';

export type { DrawKind } from '../../map/aoiEditing';

/** What the AOIs panel needs from the map; MapController provides it. */
export interface AoiMapPort {
  /** Every AOI's box (to zoom to any of them) and the active one, drawn in full and editable. */
  setAois(aois: readonly AoiSummary[], active: Aoi | null): void;
  /** The other AOIs in the view, as main sends them thinned to `tolerance` degrees. */
  setAoiShapes(shapes: readonly AoiShape[], tolerance: number): void;
  /** The view as a lon/lat box and the degrees a pixel spans; null before the map has a size. */
  getAoiView(): { box: AoiBox; degreesPerPixel: number } | null;
  /** After every pan, zoom or CRS change has settled. */
  onViewChange(listener: () => void): () => void;
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
