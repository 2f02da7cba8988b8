import OlMap from 'ol/Map';
import View from 'ol/View';
import ScaleLine from 'ol/control/ScaleLine';
import Zoom from 'ol/control/Zoom';
import type Graticule from 'ol/layer/Graticule';
import type VectorLayer from 'ol/layer/Vector';
import type VectorSource from 'ol/source/Vector';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { fromLonLat, toLonLat } from 'ol/proj';
import { createBasemapLayer, createGraticuleLayer } from './basemapLayer';

/** A position under the pointer, in EPSG:4326 degrees (longitude normalized to [-180, 180]). */
export interface LonLat {
  lon: number;
  lat: number;
}

/** Receives the pointer position, or `null` when the pointer is not over the map. */
export type PointerListener = (position: LonLat | null) => void;

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

const MAX_MERCATOR_LAT = 85.0511287798;

export const WORLD_VIEW = { center: [10, 20] as [number, number], zoom: 2 };

/**
 * Owns the OpenLayers map. Created once per map view and never rebuilt: React pushes state in
 * through idempotent setters and subscribes to what the map reports, so re-renders never cost a
 * new canvas, lost layers or a reset view.
 */
export class MapController {
  private readonly map: OlMap;
  private readonly basemap: VectorLayer<VectorSource>;
  private readonly graticule: Graticule;
  private readonly pointerListeners = new Set<PointerListener>();
  private lastPointer: LonLat | null = null;
  private readonly detach: (() => void)[] = [];
  private disposed = false;

  constructor(options: MapControllerOptions) {
    this.basemap = createBasemapLayer('EPSG:3857');
    this.graticule = createGraticuleLayer();
    const zoom = new Zoom({
      zoomInTipLabel: 'Zoom in',
      zoomOutTipLabel: 'Zoom out',
      zoomOutLabel: '−',
    });
    this.map = new OlMap({
      target: options.target,
      keyboardEventTarget: options.keyboardEventTarget ?? options.target,
      layers: [this.basemap, this.graticule],
      controls: [zoom, new ScaleLine({ units: 'metric', minWidth: 72, maxWidth: 140 })],
      view: new View({
        projection: 'EPSG:3857',
        center: fromLonLat(options.center ?? WORLD_VIEW.center),
        zoom: options.zoom ?? WORLD_VIEW.zoom,
        maxZoom: 22,
      }),
    });
    labelZoomButtons(options.target);

    const onMove = (event: MapBrowserEvent): void => {
      if (!event.dragging) this.emitPointer(this.lonLatAt(event.coordinate));
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
    if (this.basemap.getVisible() !== visible) this.basemap.setVisible(visible);
  }

  setGraticuleVisible(visible: boolean): void {
    if (this.graticule.getVisible() !== visible) this.graticule.setVisible(visible);
  }

  /** Moves the view to a lon/lat centre and zoom; no-op when it is already there. */
  setView(view: { center: [number, number]; zoom: number }): void {
    const olView = this.map.getView();
    const center = fromLonLat(view.center);
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
    listener(this.lastPointer);
    return () => {
      this.pointerListeners.delete(listener);
    };
  }

  /** Re-measures the target element (call after its size changed without a window resize). */
  updateSize(): void {
    this.map.updateSize();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const undo of this.detach) undo();
    this.pointerListeners.clear();
    this.map.setTarget(undefined);
    this.map.dispose();
  }

  private lonLatAt(coordinate: number[]): LonLat | null {
    const [lon, lat] = toLonLat(coordinate, this.map.getView().getProjection());
    // Above or below the Mercator square there is no map, only background.
    if (lon === undefined || lat === undefined || !(Math.abs(lat) <= MAX_MERCATOR_LAT)) return null;
    return { lon, lat };
  }

  private emitPointer(position: LonLat | null): void {
    if (position === null && this.lastPointer === null) return;
    this.lastPointer = position;
    for (const listener of this.pointerListeners) listener(position);
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
