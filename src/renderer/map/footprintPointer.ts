import type OlMap from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import Overlay from 'ol/Overlay';
import type { Coordinate } from 'ol/coordinate';
import type { Pixel } from 'ol/pixel';
import { Listeners } from './listeners';

export interface FootprintPointerOptions {
  /** Ids under a view coordinate, most specific first. */
  idsAt: (coordinate: Coordinate) => string[];
  labelOf: (id: string) => string | undefined;
  /** The current selection (held by the caller), for click-to-cycle through stacked footprints. */
  selected: () => string | null;
  /** True while another gesture owns the pointer (drawing an AOI): footprints then stay quiet. */
  busy: () => boolean;
  /** Element that gets `aria-describedby` pointing at the tooltip while it shows. */
  describedElement?: HTMLElement;
}

/** Clicks within this many pixels of the previous one count as "the same spot" for cycling. */
const SAME_SPOT_PX = 4;
let tooltipCount = 0;

/**
 * Hover and click on footprints. Hit testing uses the source's spatial index rather than rendered
 * pixels (cheap with thousands of polygons, and independent of the image-mode rendering), at most
 * once per animation frame; hover is reported only when the id changes. A small tooltip follows the
 * pointer with the footprint's label. Repeated clicks on one spot step through stacked footprints.
 */
export class FootprintPointer {
  readonly hovered = new Listeners<[string | null]>();
  readonly clicked = new Listeners<[string]>();
  private readonly tooltip: Overlay;
  private readonly element: HTMLDivElement;
  private readonly detach: (() => void)[] = [];
  private pending: MapBrowserEvent | null = null;
  private frame = 0;
  private current: string | null = null;
  private lastClick: Pixel | null = null;
  private lastCoordinate: Coordinate | null = null;

  constructor(
    private readonly map: OlMap,
    private readonly options: FootprintPointerOptions,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'idm-footprint-tooltip';
    this.element.id = `idm-footprint-tooltip-${++tooltipCount}`;
    this.element.setAttribute('role', 'tooltip');
    this.element.hidden = true;
    this.tooltip = new Overlay({ element: this.element, positioning: 'bottom-left', offset: [14, -10], stopEvent: false });
    map.addOverlay(this.tooltip);

    const onMove = (event: MapBrowserEvent): void => {
      if (event.dragging) return;
      this.pending = event;
      if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
    };
    const onClick = (event: MapBrowserEvent): void => this.click(event);
    const onLeave = (): void => this.update(null, null);
    // The viewport fills the target, so leaving it is leaving the map.
    const viewport = map.getViewport() as HTMLElement | undefined;
    map.on('pointermove', onMove);
    map.on('singleclick', onClick);
    viewport?.addEventListener('pointerleave', onLeave);
    this.detach.push(
      () => map.un('pointermove', onMove),
      () => map.un('singleclick', onClick),
      () => viewport?.removeEventListener('pointerleave', onLeave),
      () => cancelAnimationFrame(this.frame),
      () => map.removeOverlay(this.tooltip),
    );
  }

  /** Re-tests the last pointer position (footprints changed under a still pointer). */
  refresh(): void {
    const coordinate = this.lastCoordinate;
    this.update(coordinate && !this.options.busy() ? (this.options.idsAt(coordinate)[0] ?? null) : null, coordinate);
  }

  dispose(): void {
    for (const undo of this.detach) undo();
    this.hovered.clear();
    this.clicked.clear();
    this.options.describedElement?.removeAttribute('aria-describedby');
  }

  private flush(): void {
    this.frame = 0;
    const event = this.pending;
    this.pending = null;
    if (!event) return;
    const id = this.options.busy() ? null : (this.options.idsAt(event.coordinate)[0] ?? null);
    this.update(id, event.coordinate);
  }

  private click(event: MapBrowserEvent): void {
    if (this.options.busy()) return;
    const ids = this.options.idsAt(event.coordinate);
    if (ids.length === 0) return;
    const sameSpot = this.lastClick !== null && Math.hypot(event.pixel[0]! - this.lastClick[0]!, event.pixel[1]! - this.lastClick[1]!) <= SAME_SPOT_PX;
    this.lastClick = event.pixel.slice();
    const selected = this.options.selected();
    const index = sameSpot && selected !== null ? ids.indexOf(selected) : -1;
    const id = ids[(index + 1) % ids.length] ?? ids[0];
    if (id === undefined) return;
    this.clicked.emit(id);
    this.update(id, event.coordinate);
  }

  private update(id: string | null, coordinate: Coordinate | null): void {
    this.lastCoordinate = coordinate;
    const label = id === null ? undefined : this.options.labelOf(id);
    const show = id !== null && coordinate !== null && !!label;
    this.tooltip.setPosition(show ? coordinate : undefined);
    if (show && this.element.textContent !== label) this.element.textContent = label;
    this.element.hidden = !show;
    if (show) this.options.describedElement?.setAttribute('aria-describedby', this.element.id);
    else this.options.describedElement?.removeAttribute('aria-describedby');
    const target = this.map.getTargetElement();
    if (target) target.style.cursor = id === null ? '' : 'pointer';
    if (id === this.current) return;
    this.current = id;
    this.hovered.emit(id);
  }
}
