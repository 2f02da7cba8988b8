import OlMap from 'ol/Map';
import View from 'ol/View';
import ScaleLine from 'ol/control/ScaleLine';
import Zoom from 'ol/control/Zoom';
import type Graticule from 'ol/layer/Graticule';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { fromLonLat, transformExtent } from 'ol/proj';
import type OlProjection from 'ol/proj/Projection';
import type { Polygon } from 'geojson';
import type { Aoi, AoiBox, AoiShape, AoiSummary } from '../../shared/domain/aoi';
import type { ProjectionInfo } from '../../shared/domain/projection';
import { AoiEditing } from './aoiEditing';
import type { DrawKind, EditMode } from './aoiEditing';
import type { AoiGeometry } from './aoiGeometry';
import { AoiLayer } from './aoiLayer';
import { ArchiveMap } from './archiveMap';
import { DeliveriesMap } from './deliveriesMap';
import type { DeliveriesMapPort } from './deliveriesPort';
import type { ArchiveMapPort, FootprintItem } from './archivePort';
import { BasemapStack } from './layers/basemapStack';
import { createGraticuleLayer } from './layers/graticule';
import { LayerSwitches, switchOf } from './layers/layerSwitches';
import type { BasemapChoice, BasemapStatus } from './layers/tileBasemap';
import { Listeners } from './listeners';
import { pointerAt } from './pointer';
import type { LonLat, ProjectedPointer } from './pointer';
import { viewInProjection } from './projectedView';
import { BUILTIN_PROJECTIONS, ensureProjection, resolveProjection } from './projections';
import type { ProjectionRef } from './projections';
import { TaskingMap } from './taskingMap';
import type { TaskingMapPort } from './taskingPort';
import { exposeMapTestHook } from './testHook';
import { applyViewState, readViewState } from './viewState';
import { lonLatView } from './aoiView';
import type { MapViewState } from '../../shared/domain/workspace';

export type { DrawKind, EditMode } from './aoiEditing';
export type { AoiGeometry } from './aoiGeometry';
export type { ArchiveMapPort, FootprintItem } from './archivePort';
export type { DeliveriesMapPort, DeliveryItem } from './deliveriesPort';
export type { AttemptItem, FeasibilityItem, SegmentItem, TaskingMapPort } from './taskingPort';
export type { BasemapChoice, BasemapStatus, LocalTileFetch } from './layers/tileBasemap';

export type { LonLat, ProjectedPointer } from './pointer';

/** Receives the pointer position, or `null` when the pointer is not over the map. */
export type PointerListener = (position: LonLat | null) => void;

export type ProjectedPointerListener = (position: ProjectedPointer | null) => void;

export interface MapControllerOptions {
  /** Element the map renders into; the controller fills it. */
  target: HTMLElement;
  /** Focusable element whose key presses pan (arrows) and zoom (+/-); defaults to `target`. */
  keyboardEventTarget?: HTMLElement;
  /** Initial view centre, lon/lat degrees. */
  center?: [number, number];
  /** Initial zoom level. */
  zoom?: number;
}

export const WORLD_VIEW = { center: [10, 20] as [number, number], zoom: 2 };

/**
 * Owns the OpenLayers map. Created once per map view and never rebuilt: React pushes state in
 * through idempotent setters and subscribes to what the map reports, so re-renders never cost a
 * new canvas, lost layers or a reset view.
 */
export class MapController implements ArchiveMapPort, TaskingMapPort, DeliveriesMapPort {
  private readonly map: OlMap;
  private readonly basemap = new BasemapStack();
  private readonly layerSwitches = new LayerSwitches();
  private readonly graticule: Graticule;
  private readonly aois = new AoiLayer();
  private readonly editing: AoiEditing;
  private readonly archive: ArchiveMap;
  private readonly tasking: TaskingMap;
  private readonly deliveries: DeliveriesMap;
  private readonly pointerListeners = new Set<PointerListener>();
  private readonly projectedListeners = new Set<ProjectedPointerListener>();
  private readonly projectionListeners = new Listeners<[ProjectionInfo, OlProjection]>();
  private lastPointer: ProjectedPointer | null = null;
  private projection: ProjectionInfo = BUILTIN_PROJECTIONS[3857];
  private readonly detach: (() => void)[] = [];
  private disposed = false;

  constructor(options: MapControllerOptions) {
    this.graticule = createGraticuleLayer();
    const zoom = new Zoom({
      zoomInTipLabel: 'Zoom in',
      zoomOutTipLabel: 'Zoom out',
      zoomOutLabel: '−',
    });
    this.map = new OlMap({
      target: options.target,
      keyboardEventTarget: options.keyboardEventTarget ?? options.target,
      layers: [this.basemap.layer, this.graticule, this.aois.layer],
      controls: [zoom, new ScaleLine({ units: 'metric', minWidth: 72, maxWidth: 140 })],
      view: new View({
        projection: 'EPSG:3857',
        center: fromLonLat(options.center ?? WORLD_VIEW.center),
        zoom: options.zoom ?? WORLD_VIEW.zoom,
        maxZoom: 22,
      }),
    });
    labelZoomButtons(options.target);
    this.editing = new AoiEditing(this.map, this.aois, options.keyboardEventTarget ?? options.target);
    this.detach.push(() => this.editing.dispose(), () => this.aois.dispose());
    const drawing = (): boolean => this.editing.getDrawKind() !== null;
    const describedElement = options.keyboardEventTarget ?? options.target;
    // Before the archive: its pointer yields to the tasking layers drawn above it (taskingMap.ts, claimsPointer).
    this.tasking = new TaskingMap(this.map, { busy: drawing, describedElement });
    this.detach.push(() => this.tasking.dispose());
    this.archive = new ArchiveMap(this.map, {
      busy: () => drawing() || this.tasking.claimsPointer(),
      searchAoi: () => {
        const active = this.aois.getActiveId();
        return active === null ? undefined : this.aois.getGeometry(active);
      },
      describedElement,
    });
    // Footprints, the quicklook, then the tasking layers under the AOIs (still editable on top); the
    // emphasised few of each above everything.
    // Delivered products (My data) are shown only while that section is, alone: their layers need no yielding.
    this.deliveries = new DeliveriesMap(this.map, { busy: drawing, describedElement });
    this.detach.push(() => this.deliveries.dispose());
    const { below, above } = this.archive.layers();
    const tasking = this.tasking.layers();
    const deliveries = this.deliveries.layers();
    [...below, ...tasking.below, ...deliveries.below].forEach((layer, i) => this.map.getLayers().insertAt(2 + i, layer));
    [above, ...tasking.above, ...deliveries.above].forEach((layer) => this.map.addLayer(layer));
    this.detach.push(() => this.archive.dispose());
    this.detach.push(this.basemap.attach(this.map));
    // The layers panel's entries (layers/catalog.ts): one registration per map layer it switches.
    this.layerSwitches.register('basemap', this.basemap.basemapSwitch());
    this.layerSwitches.register('places', this.basemap.placesSwitch());
    this.layerSwitches.register('graticule', switchOf(this.graticule));
    this.layerSwitches.register('aois', switchOf(this.aois.layer));
    this.layerSwitches.register('footprints', switchOf(this.archive.footprints.layer, this.archive.footprints.emphasisLayer));
    this.layerSwitches.register('quicklooks', switchOf(this.archive.quicklook.layer));
    for (const [id, layerSwitch] of Object.entries({ ...this.tasking.switches(), ...this.deliveries.switches() })) this.layerSwitches.register(id, layerSwitch);
    this.detach.push(
      exposeMapTestHook({
        archive: this,
        tasking: this,
        deliveries: this.deliveries,
        map: this.map,
        quicklookLoaded: () => this.archive.quicklook.whenLoaded(),
        deliveryQuicklookLoaded: () => this.deliveries.quicklook.whenLoaded(),
      }),
    );

    const onMove = (event: MapBrowserEvent): void => {
      if (!event.dragging) this.emitPointer(pointerAt(event.coordinate, this.map.getView().getProjection(), this.projection));
    };
    this.map.on('pointermove', onMove);
    this.detach.push(() => this.map.un('pointermove', onMove));
    const onLeave = (): void => this.emitPointer(null);
    // The viewport fills the target, so leaving the target is leaving the map.
    const target = options.target;
    target.addEventListener('pointerleave', onLeave);
    this.detach.push(() => target.removeEventListener('pointerleave', onLeave));
  }

  /** The underlying map, for modules that add their own layers and interactions. */
  getMap(): OlMap {
    return this.map;
  }

  setBasemapVisible(visible: boolean): void {
    this.basemap.basemapSwitch().setVisible(visible);
  }

  /** A layers-panel entry's visibility (ids in layers/catalog.ts); unknown ids are kept for later. */
  setLayerVisible(id: string, visible: boolean): void {
    this.layerSwitches.setVisible(id, visible);
  }

  setLayerOpacity(id: string, opacity: number): void {
    this.layerSwitches.setOpacity(id, opacity);
  }

  /** The basemap drawn over the offline Natural Earth one (which stays underneath as the fallback). */
  setBasemap(choice: BasemapChoice): void {
    this.basemap.setChoice(choice);
  }

  /** The chosen tile basemap's state: loading, ok, or offline (its tiles fail). */
  onBasemapStatus(listener: (id: string, status: BasemapStatus) => void): () => void {
    listener(this.basemap.getChoiceId(), this.basemap.getStatus());
    return this.basemap.statusChanged.add(listener);
  }

  /** Resolves once the offline basemap's scale for the current view is loaded (screenshots, tests). */
  whenBasemapSettled(): Promise<void> {
    return this.basemap.naturalEarth.whenSettled();
  }

  setGraticuleVisible(visible: boolean): void {
    if (this.graticule.getVisible() !== visible) this.graticule.setVisible(visible);
  }

  /** Moves the view to a lon/lat centre and zoom; no-op when it is already there. */
  setView(view: { center: [number, number]; zoom: number }): void {
    const olView = this.map.getView();
    const center = fromLonLat(view.center, olView.getProjection());
    const current = olView.getCenter();
    const same =
      current !== undefined &&
      Math.abs((current[0] ?? 0) - (center[0] ?? 0)) < 1e-6 &&
      Math.abs((current[1] ?? 0) - (center[1] ?? 0)) < 1e-6 &&
      olView.getZoom() === view.zoom;
    if (same) return;
    olView.setCenter(center);
    olView.setZoom(view.zoom);
  }

  /** Subscribes to the pointer position; the listener is called at once with the current one. */
  onPointer(listener: PointerListener): () => void {
    this.pointerListeners.add(listener);
    listener(this.lastPointer && { lon: this.lastPointer.lon, lat: this.lastPointer.lat });
    return () => {
      this.pointerListeners.delete(listener);
    };
  }

  /** Like `onPointer`, with the position in the view's CRS too (for the readout). */
  onPointerProjected(listener: ProjectedPointerListener): () => void {
    this.projectedListeners.add(listener);
    listener(this.lastPointer);
    return () => {
      this.projectedListeners.delete(listener);
    };
  }

  /**
   * Switches the view to another CRS (no-op when it is already the view's), keeping the centre and
   * the ground scale where the new CRS allows; every layer is re-read in it. Throws when the code
   * has no definition (`info.unavailable`). 3857 and 4326 can be passed as `{ code }`.
   */
  setProjection(ref: ProjectionRef): void {
    const info = resolveProjection(ref);
    if (info.code === this.projection.code) return;
    const projection = ensureProjection(info);
    const { view, extent } = viewInProjection(this.map.getView(), projection, WORLD_VIEW.center);
    this.projection = info;
    this.map.setView(view);
    // Outside a local CRS's extent the basemap and graticule are meaningless (and distorted): clip them.
    this.basemap.setProjection(projection, extent);
    this.graticule.setExtent(extent);
    this.aois.setProjection(projection);
    this.archive.setProjection(projection);
    this.tasking.setProjection(projection);
    this.deliveries.setProjection(projection);
    this.editing.onProjectionChanged();
    this.emitPointer(null);
    this.projectionListeners.emit(info, projection);
  }

  getProjectionCode(): number {
    return this.projection.code;
  }

  getProjectionInfo(): ProjectionInfo {
    return this.projection;
  }

  /** Centre (lon/lat), zoom, rotation and CRS code, as the workspace stores them; null before the first render. */
  getViewState(): MapViewState | null {
    return readViewState(this.map, this.projection.code);
  }

  /** Restores centre, zoom and rotation in the current CRS (switch the CRS first with setProjection). */
  setViewState(state: Pick<MapViewState, 'center' | 'zoom' | 'rotation'>): void {
    applyViewState(this.map, state);
  }

  /** Called after every pan, zoom, rotation or CRS change has settled (OpenLayers' moveend). */
  onViewChange(listener: () => void): () => void {
    const handler = () => listener();
    this.map.on('moveend', handler);
    return () => this.map.un('moveend', handler);
  }

  /** For layers added later (footprints, quicklooks): re-read your features in the new CRS. */
  onProjectionChange(listener: (info: ProjectionInfo, projection: OlProjection) => void): () => void {
    return this.projectionListeners.add(listener);
  }

  /** Every AOI's box (to zoom to any) and the active AOI, drawn in full, highlighted and editable. */
  setAois(aois: readonly AoiSummary[], active: Aoi | null): void {
    this.aois.setAois(aois, active);
  }

  /** The other AOIs in the view, thinned to `tolerance` degrees; built a few hundred per frame. */
  setAoiShapes(shapes: readonly AoiShape[], tolerance: number): void {
    this.aois.setShapes(shapes, tolerance);
  }

  /** The view as a lon/lat box (east beyond 180 when it crosses the antimeridian) and its degrees per pixel. */
  getAoiView(): { box: AoiBox; degreesPerPixel: number } | null {
    return lonLatView(this.map);
  }

  /** Shows the edited shape of an AOI again as stored (the store refused the edit). */
  revertAoi(id: string): void {
    this.aois.revert(id);
  }

  zoomToAoi(id: string): void {
    const box = this.aois.getBox(id);
    if (!box) return;
    const [west, south, east, north] = box;
    const view = this.map.getView();
    // An AOI across the antimeridian is fitted as one box east of it, not as the whole world.
    const extent = transformExtent([west, south, east < west ? east + 360 : east, north], 'EPSG:4326', view.getProjection(), 8);
    if (!extent.every(Number.isFinite)) return;
    view.fit(extent, {
      padding: [64, 64, 64, 64],
      // A tiny AOI should not zoom to centimetre pixels: stop 16× above the finest resolution.
      minResolution: view.getMinResolution() * 16,
      duration: 250,
    });
  }

  startDraw(kind: DrawKind): void {
    this.editing.startDraw(kind);
  }

  cancelDraw(): void {
    this.editing.cancelDraw();
  }

  getDrawKind(): DrawKind | null {
    return this.editing.getDrawKind();
  }

  /** `vertices` (default): drag, add (click an edge), delete (Alt+click, Delete) vertices; Ctrl/⌘+drag moves. `move`: plain drag moves the AOI. */
  setEditMode(mode: EditMode): void {
    this.editing.setEditMode(mode);
  }

  /** Deletes the active AOI's vertex under the pointer; false when the pointer is on none. */
  deleteActiveVertex(): boolean {
    return this.editing.deleteActiveVertex();
  }

  /** A finished drawing, in EPSG:4326 (RFC 7946); a MultiPolygon when it crosses the antimeridian. */
  onAoiDrawn(listener: (geometry: AoiGeometry) => void): () => void {
    return this.editing.drawn.add(listener);
  }

  /** One finished edit gesture of the active AOI (drag, insert, delete, move), in EPSG:4326. */
  onAoiEdited(listener: (id: string, geometry: AoiGeometry) => void): () => void {
    return this.editing.edited.add(listener);
  }

  /** Live geodesic area (km²) of the sketch or the AOI being dragged; null when no gesture is on. */
  onSketchArea(listener: (km2: number | null) => void): () => void {
    return this.editing.sketchArea.add(listener);
  }

  /** The drawing mode, null when not drawing (a drawing ends by itself once finished). */
  onDrawModeChange(listener: (kind: DrawKind | null) => void): () => void {
    return this.editing.drawModeChanged.add(listener);
  }

  // ---- ArchiveMapPort: scene footprints and the draped quicklook (see archiveMap.ts) ----

  setFootprints(items: FootprintItem[]): void {
    this.archive.setFootprints(items);
  }

  setHighlighted(id: string | null): void {
    this.archive.setHighlighted(id);
  }

  setSelected(id: string | null, opts?: { zoom?: boolean }): void {
    this.archive.setSelected(id, opts);
  }

  setBasket(ids: string[]): void {
    this.archive.setBasket(ids);
  }

  showQuicklook(quicklook: { id: string; dataUrl: string; footprint: Polygon } | null): void {
    this.archive.showQuicklook(quicklook);
  }

  zoomToFootprints(): void {
    this.archive.zoomToFootprints();
  }

  onFootprintHover(cb: (id: string | null) => void): () => void {
    return this.archive.onFootprintHover(cb);
  }

  onFootprintClick(cb: (id: string) => void): () => void {
    return this.archive.onFootprintClick(cb);
  }

  // ---- TaskingMapPort: attempts, feasibility, a tasking's segments; all in taskingMap.ts ----

  readonly setAttempts: TaskingMapPort['setAttempts'] = (items) => this.tasking.setAttempts(items);
  readonly setAttemptHighlighted: TaskingMapPort['setAttemptHighlighted'] = (id) => this.tasking.setAttemptHighlighted(id);
  readonly setAttemptSelected: TaskingMapPort['setAttemptSelected'] = (id, opts) => this.tasking.setAttemptSelected(id, opts);
  readonly onAttemptHover: TaskingMapPort['onAttemptHover'] = (cb) => this.tasking.onAttemptHover(cb);
  readonly onAttemptClick: TaskingMapPort['onAttemptClick'] = (cb) => this.tasking.onAttemptClick(cb);
  readonly setFeasibility: TaskingMapPort['setFeasibility'] = (item) => this.tasking.setFeasibility(item);
  readonly setTaskingSegments: TaskingMapPort['setTaskingSegments'] = (aoi, items) => this.tasking.setTaskingSegments(aoi, items);
  readonly setSegmentHighlighted: TaskingMapPort['setSegmentHighlighted'] = (id) => this.tasking.setSegmentHighlighted(id);
  readonly setSegmentSelected: TaskingMapPort['setSegmentSelected'] = (id, opts) => this.tasking.setSegmentSelected(id, opts);
  readonly onSegmentHover: TaskingMapPort['onSegmentHover'] = (cb) => this.tasking.onSegmentHover(cb);
  readonly onSegmentClick: TaskingMapPort['onSegmentClick'] = (cb) => this.tasking.onSegmentClick(cb);
  readonly zoomToTasking: TaskingMapPort['zoomToTasking'] = () => this.tasking.zoomToTasking();

  // ---- DeliveriesMapPort: delivered products and their quicklook; all in deliveriesMap.ts ----

  readonly setDeliveries: DeliveriesMapPort['setDeliveries'] = (items) => this.deliveries.setDeliveries(items);
  readonly setDeliveryHighlighted: DeliveriesMapPort['setDeliveryHighlighted'] = (id) => this.deliveries.setDeliveryHighlighted(id);
  readonly setDeliverySelected: DeliveriesMapPort['setDeliverySelected'] = (id, opts) => this.deliveries.setDeliverySelected(id, opts);
  readonly showDeliveryQuicklook: DeliveriesMapPort['showDeliveryQuicklook'] = (q) => this.deliveries.showDeliveryQuicklook(q);
  readonly zoomToDeliveries: DeliveriesMapPort['zoomToDeliveries'] = () => this.deliveries.zoomToDeliveries();
  readonly onDeliveryHover: DeliveriesMapPort['onDeliveryHover'] = (cb) => this.deliveries.onDeliveryHover(cb);
  readonly onDeliveryClick: DeliveriesMapPort['onDeliveryClick'] = (cb) => this.deliveries.onDeliveryClick(cb);

  /** Re-measures the target element (call after its size changed without a window resize). */
  updateSize(): void {
    this.map.updateSize();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const undo of this.detach) undo();
    this.pointerListeners.clear();
    this.projectedListeners.clear();
    this.projectionListeners.clear();
    this.map.setTarget(undefined);
    this.map.dispose();
  }

  private emitPointer(position: ProjectedPointer | null): void {
    if (position === null && this.lastPointer === null) return;
    this.lastPointer = position;
    const lonLat = position && { lon: position.lon, lat: position.lat };
    for (const listener of this.pointerListeners) listener(lonLat);
    for (const listener of this.projectedListeners) listener(position);
  }
}

/** OpenLayers only sets `title`; the visible "+"/"−" glyphs are not usable accessible names. */
function labelZoomButtons(container: HTMLElement): void {
  for (const button of Array.from(container.querySelectorAll<HTMLButtonElement>('.ol-zoom button'))) {
    const name = button.classList.contains('ol-zoom-in') ? 'Zoom in' : 'Zoom out';
    button.setAttribute('aria-label', name);
    button.type = 'button';
  }
}
