import type { Position } from 'geojson';
import type { EventsKey } from 'ol/events';
import { noModifierKeys, platformModifierKeyOnly, primaryAction } from 'ol/events/condition';
import type { Condition } from 'ol/events/condition';
import type Feature from 'ol/Feature';
import type { Coordinate } from 'ol/coordinate';
import type Geometry from 'ol/geom/Geometry';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import Draw from 'ol/interaction/Draw';
import type { GeometryFunction } from 'ol/interaction/Draw';
import Modify from 'ol/interaction/Modify';
import Snap from 'ol/interaction/Snap';
import Translate from 'ol/interaction/Translate';
import type OlMap from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { unByKey } from 'ol/Observable';
import { transform } from 'ol/proj';
import type { ProjectionLike } from 'ol/proj';
import type { AoiGeometry } from './aoiGeometry';
import { boxRing, circlePolygon, sketchAreaKm2, toStoredGeometry } from './aoiGeometry';
import type { AoiLayer } from './aoiLayer';
import { distance } from './geodesic';
import { Listeners } from './listeners';
import { drawStyle, modifyStyle } from './aoiEditingStyles';

export type DrawKind = 'polygon' | 'rectangle' | 'circle';
/** `vertices`: drag vertices, click an edge to add one; `move`: drag the whole active AOI. */
export type EditMode = 'vertices' | 'move';

/** The view-CRS geometry as lon/lat polygons, longitudes left continuous across ±180. */
export function lonLatPolygons(geometry: Geometry, projection: ProjectionLike): Position[][][] {
  const lonLat = geometry.clone().transform(projection, 'EPSG:4326');
  if (lonLat instanceof Polygon) return [lonLat.getCoordinates()];
  if (lonLat instanceof MultiPolygon) return lonLat.getCoordinates();
  return [];
}

const coordinatesKey = (geometry: Geometry | undefined): string =>
  geometry instanceof Polygon || geometry instanceof MultiPolygon ? JSON.stringify(geometry.getCoordinates()) : '';

/**
 * Drawing and editing of AOIs on the map. Each finished gesture (a drawn shape, one vertex drag,
 * insert or delete, one translation) is reported once, in stored form (EPSG:4326, RFC 7946), so
 * that the AOIs panel can make each one a single undoable step; the map keeps no history itself.
 */
export class AoiEditing {
  readonly drawn = new Listeners<[AoiGeometry]>();
  readonly edited = new Listeners<[string, AoiGeometry]>();
  readonly sketchArea = new Listeners<[number | null]>();
  readonly drawModeChanged = new Listeners<[DrawKind | null]>();

  private readonly modify: Modify;
  private readonly translate: Translate;
  private readonly snap: Snap;
  private draw: Draw | null = null;
  private drawSnap: Snap | null = null;
  private drawKind: DrawKind | null = null;
  private editMode: EditMode = 'vertices';
  private gesture: { feature: Feature<Geometry>; before: string; key: EventsKey } | null = null;
  private lastPointer: Coordinate | null = null;
  private readonly detach: (() => void)[] = [];

  constructor(
    private readonly map: OlMap,
    private readonly aois: AoiLayer,
    keyboardTarget: HTMLElement,
  ) {
    this.modify = new Modify({ features: aois.activeFeatures, style: modifyStyle, pixelTolerance: 8 });
    const moveCondition: Condition = (event) =>
      primaryAction(event) && (this.editMode === 'move' ? noModifierKeys(event) : platformModifierKeyOnly(event));
    // `layers` keeps its hit test off the (thousands of) footprints under the pointer.
    this.translate = new Translate({ features: aois.activeFeatures, layers: [aois.activeLayer], condition: moveCondition, hitTolerance: 3 });
    // Snapping to the other AOIs lets neighbouring areas share an edge exactly.
    this.snap = new Snap({ features: aois.otherFeatures, pixelTolerance: 10 });
    for (const interaction of [this.modify, this.translate, this.snap]) map.addInteraction(interaction);

    this.modify.on('modifystart', (event) => this.startGesture(event.features.item(0)));
    this.modify.on('modifyend', () => this.endGesture());
    this.translate.on('translatestart', (event) => this.startGesture(event.features.item(0)));
    this.translate.on('translateend', () => this.endGesture());

    const onMove = (event: MapBrowserEvent): void => {
      this.lastPointer = event.coordinate;
      this.updateCursor(event);
    };
    this.map.on('pointermove', onMove);
    this.detach.push(() => this.map.un('pointermove', onMove));

    const onKey = (event: KeyboardEvent): void => this.handleKey(event);
    keyboardTarget.addEventListener('keydown', onKey);
    this.detach.push(() => keyboardTarget.removeEventListener('keydown', onKey));
  }

  startDraw(kind: DrawKind): void {
    if (this.drawKind === kind) return;
    this.cancelDraw();
    const projection = () => this.map.getView().getProjection();
    const draw =
      kind === 'polygon'
        ? new Draw({ type: 'Polygon', style: drawStyle, stopClick: true })
        : new Draw({
            type: 'Circle',
            style: drawStyle,
            stopClick: true,
            geometryFunction: kind === 'rectangle' ? rectangleFunction : circleFunction(projection),
          });
    draw.on('drawstart', (event) => {
      const feature = event.feature;
      const key = feature.on('change', () => this.emitArea(feature.getGeometry()));
      draw.once('drawend', () => unByKey(key));
      draw.once('drawabort', () => unByKey(key));
    });
    draw.on('drawend', (event) => {
      const geometry = event.feature.getGeometry();
      // Leave drawing mode first so that a listener can start the next drawing at once.
      this.cancelDraw();
      if (geometry) this.drawn.emit(toStoredGeometry(lonLatPolygons(geometry, projection())));
    });
    draw.on('drawabort', () => this.sketchArea.emit(null));
    this.draw = draw;
    this.drawKind = kind;
    // Snapping while drawing includes the active AOI: a new area often continues it.
    this.drawSnap = new Snap({ source: this.aois.source, pixelTolerance: 10 });
    this.modify.setActive(false);
    this.translate.setActive(false);
    this.map.addInteraction(draw);
    this.map.addInteraction(this.drawSnap);
    this.setCursor('crosshair');
    this.drawModeChanged.emit(kind);
  }

  cancelDraw(): void {
    if (!this.draw) return;
    const draw = this.draw;
    this.draw = null;
    this.drawKind = null;
    draw.abortDrawing();
    this.map.removeInteraction(draw);
    if (this.drawSnap) this.map.removeInteraction(this.drawSnap);
    this.drawSnap = null;
    this.modify.setActive(this.editMode === 'vertices');
    this.translate.setActive(true);
    this.setCursor('');
    this.sketchArea.emit(null);
    this.drawModeChanged.emit(null);
  }

  getDrawKind(): DrawKind | null {
    return this.drawKind;
  }

  setEditMode(mode: EditMode): void {
    if (this.editMode === mode) return;
    this.editMode = mode;
    if (!this.draw) this.modify.setActive(mode === 'vertices');
  }

  getEditMode(): EditMode {
    return this.editMode;
  }

  /** Removes the vertex of the active AOI under the pointer; false when there is none. */
  deleteActiveVertex(): boolean {
    if (this.draw || !this.lastPointer || !this.modify.getActive()) return false;
    // The overlay holds the vertex marker only while the pointer is on (or snapped to) a vertex or edge.
    const hovering = this.modify.getOverlay().getSource()?.getFeatures().length ?? 0;
    if (hovering === 0) return false;
    return this.modify.removePoint(this.lastPointer);
  }

  /** The sketch would be meaningless in another CRS, so a projection switch ends it. */
  onProjectionChanged(): void {
    this.cancelDraw();
  }

  dispose(): void {
    this.cancelDraw();
    for (const undo of this.detach) undo();
    for (const interaction of [this.modify, this.translate, this.snap]) this.map.removeInteraction(interaction);
    for (const listeners of [this.drawn, this.edited, this.sketchArea, this.drawModeChanged]) listeners.clear();
  }

  private startGesture(feature: Feature<Geometry> | undefined): void {
    if (!feature) return;
    if (this.gesture) unByKey(this.gesture.key);
    const key = feature.on('change', () => this.emitArea(feature.getGeometry()));
    this.gesture = { feature, before: coordinatesKey(feature.getGeometry()), key };
    this.emitArea(feature.getGeometry());
  }

  private endGesture(): void {
    const gesture = this.gesture;
    this.gesture = null;
    this.sketchArea.emit(null);
    if (!gesture) return;
    unByKey(gesture.key);
    const geometry = gesture.feature.getGeometry();
    const id = gesture.feature.getId();
    // A click on a vertex or a drag that ended where it began changes nothing: no undo step.
    if (!geometry || id === undefined || coordinatesKey(geometry) === gesture.before) return;
    const stored = toStoredGeometry(lonLatPolygons(geometry, this.map.getView().getProjection()));
    this.aois.markPending(String(id), stored);
    this.edited.emit(String(id), stored);
  }

  private emitArea(geometry: Geometry | undefined): void {
    if (!geometry) return;
    this.sketchArea.emit(sketchAreaKm2(lonLatPolygons(geometry, this.map.getView().getProjection())));
  }

  private handleKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (this.draw) {
      if (event.key === 'Escape') this.cancelDraw();
      else if (event.key === 'Enter') this.draw.finishDrawing();
      else if (event.key === 'Backspace') this.draw.removeLastPoint();
      else return;
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && this.deleteActiveVertex()) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  private setCursor(cursor: string): void {
    const viewport = this.map.getViewport();
    if (viewport && viewport.style.cursor !== cursor) viewport.style.cursor = cursor;
  }

  private updateCursor(event: MapBrowserEvent): void {
    if (this.draw || event.dragging) return;
    const moving = this.editMode === 'move' || platformModifierKeyOnly(event);
    const overActive =
      moving &&
      this.aois.activeFeatures.getLength() > 0 &&
      this.map.forEachFeatureAtPixel(event.pixel, (feature) => this.aois.activeFeatures.getArray().includes(feature as Feature<Geometry>), {
        layerFilter: (layer) => layer === this.aois.activeLayer,
        hitTolerance: 3,
      }) === true;
    this.setCursor(overActive ? 'move' : '');
  }
}

const rectangleFunction: GeometryFunction = (coordinates, geometry) => {
  const [a, b] = coordinates as Coordinate[];
  const ring = boxRing(a ?? [0, 0], b ?? a ?? [0, 0]);
  const polygon = (geometry as Polygon | undefined) ?? new Polygon([ring]);
  polygon.setCoordinates([ring]);
  return polygon;
};

/**
 * The circle sketch is the stored shape itself: 64 geodesic destinations at the ground distance
 * from the centre to the pointer, so what the user sees while dragging is what gets saved.
 */
function circleFunction(projection: () => ProjectionLike): GeometryFunction {
  return (coordinates, geometry) => {
    const [a, b] = coordinates as Coordinate[];
    const view = projection();
    // transform() keeps the world copy (longitudes past ±180) so the sketch stays under the pointer.
    const centre = transform(a ?? [0, 0], view, 'EPSG:4326') as [number, number];
    const edge = transform(b ?? a ?? [0, 0], view, 'EPSG:4326') as [number, number];
    const radius = distance(centre, edge);
    const ring = (circlePolygon(centre, radius).coordinates[0] ?? []).map((p) => transform(p, 'EPSG:4326', view));
    const polygon = (geometry as Polygon | undefined) ?? new Polygon([ring]);
    polygon.setCoordinates([ring]);
    return polygon;
  };
}
