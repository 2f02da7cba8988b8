import type { Polygon } from 'geojson';
import type BaseLayer from 'ol/layer/Base';
import type OlMap from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import type { Coordinate } from 'ol/coordinate';
import type { Extent } from 'ol/extent';
import type OlProjection from 'ol/proj/Projection';
import { FootprintPointer } from './footprintPointer';
import { incidenceBucket } from './incidenceColours';
import type { LayerSwitch } from './layers/layerSwitches';
import { switchOf } from './layers/layerSwitches';
import { Listeners } from './listeners';
import type { LonLatBbox } from './projectionExtent';
import { hoverReports, keyOf, parseKey } from './taskingKeys';
import type { TaskingKind as Kind, TaskingTarget } from './taskingKeys';
import { OutlineLayer, TaskingFootprints } from './taskingLayers';
import type { AttemptItem, FeasibilityItem, SegmentItem, TaskingMapPort } from './taskingPort';
import { fitLonLatBoxes } from './fitLonLatBoxes';
import {
  attemptFillAlpha,
  attemptStyle,
  attemptWeight,
  feasibilityKind,
  feasibilityStyle,
  SEGMENT_WEIGHT,
  segmentKind,
  segmentStyle,
  taskingAoiStyle,
} from './taskingStyles';

export interface TaskingMapOptions {
  /** True while an AOI is being drawn: the pointer then belongs to the drawing. */
  busy: () => boolean;
  /** Element that gets `aria-describedby` pointing at the tooltip while it shows. */
  describedElement?: HTMLElement;
}


/**
 * The Tasking section on the map (the TaskingMapPort): acquisition attempts coloured by incidence,
 * the feasibility answer's AOI, a tasking's AOI and its segments by status. MapController adds the
 * layers and forwards the port.
 *
 * Pointer: one FootprintPointer serves attempts and segments (keys `attempt:<id>`, `segment:<id>`;
 * attempts first, then the smallest), with the archive's tooltip and click-to-cycle. These layers lie
 * above the archive footprints, so where the pointer is over a tasking feature the tasking layer takes
 * the hover and the click and the archive stays quiet (`claimsPointer`, which MapController makes part
 * of the archive's `busy`): one gesture reports one thing, the one drawn on top, as a user expects.
 */
export class TaskingMap implements TaskingMapPort {
  readonly attempts = new TaskingFootprints<AttemptItem>('attempts', (items) => {
    const alpha = attemptFillAlpha(items.length);
    return (item) => {
      const bucket = incidenceBucket(item.incidenceAngle);
      return { styles: attemptStyle(bucket, item.expired, alpha), weight: attemptWeight(bucket, item.expired) };
    };
  });
  readonly segments = new TaskingFootprints<SegmentItem>('segments', () => (item) => {
    const kind = segmentKind(item.status);
    return { styles: segmentStyle(kind), weight: SEGMENT_WEIGHT[kind] };
  });
  readonly feasibility = new OutlineLayer('feasibility');
  readonly taskingAoi = new OutlineLayer('tasking-aoi');
  private readonly pointer: FootprintPointer;
  private readonly attemptHover = new Listeners<[string | null]>();
  private readonly attemptClick = new Listeners<[string]>();
  private readonly segmentHover = new Listeners<[string | null]>();
  private readonly segmentClick = new Listeners<[string]>();
  private hovered: TaskingTarget | null = null;
  /** The selection clicks cycle from: the one set last (attempt or segment). */
  private lastSelected: Kind = 'attempt';
  private feasibilityItem: FeasibilityItem | null = null;
  /** Where the pointer is, updated synchronously on every move and click (see claimsPointer). */
  private probe: Coordinate | null = null;
  private readonly detach: (() => void)[] = [];

  /** Construct before any layer whose pointer handling yields to this one (the archive): see claimsPointer. */
  constructor(
    private readonly map: OlMap,
    private readonly options: TaskingMapOptions,
  ) {
    const onMove = (event: MapBrowserEvent): void => {
      if (!event.dragging) this.probe = event.coordinate;
      this.updateCursor();
    };
    const onClick = (event: MapBrowserEvent): void => {
      this.probe = event.coordinate;
    };
    const onLeave = (): void => {
      this.probe = null;
    };
    map.on('pointermove', onMove);
    map.on('singleclick', onClick);
    const viewport = map.getViewport() as HTMLElement | undefined;
    viewport?.addEventListener('pointerleave', onLeave);
    this.detach.push(
      () => map.un('pointermove', onMove),
      () => map.un('singleclick', onClick),
      () => viewport?.removeEventListener('pointerleave', onLeave),
    );
    this.pointer = new FootprintPointer(map, {
      idsAt: (coordinate) => this.keysAt(coordinate),
      labelOf: (key) => {
        const target = parseKey(key);
        return target ? this.setOf(target.kind).get(target.id)?.item.label : undefined;
      },
      selected: () => {
        const id = this.setOf(this.lastSelected).getSelected();
        return id === null ? null : keyOf(this.lastSelected, id);
      },
      busy: options.busy,
      describedElement: options.describedElement,
    });
    this.pointer.hovered.add((key) => this.reportHover(parseKey(key)));
    this.pointer.clicked.add((key) => {
      const target = parseKey(key);
      if (target) (target.kind === 'attempt' ? this.attemptClick : this.segmentClick).emit(target.id);
    });
  }

  /**
   * The layers, bottom to top. `below` goes under the AOIs (still editable on top): the feasibility
   * tint, segments, attempts, and the tasking's AOI outline over its segments. `above` goes over
   * everything: the hovered and selected few, and the feasibility label (no outline crosses it).
   */
  layers(): { below: BaseLayer[]; above: BaseLayer[] } {
    return {
      below: [this.feasibility.layer, this.segments.layer, this.attempts.layer, this.taskingAoi.layer],
      above: [this.segments.emphasisLayer, this.attempts.emphasisLayer, this.feasibility.labelLayer],
    };
  }

  /** The layers-panel switches: 'attempts', 'feasibility' and 'segments' (the tasking's AOI goes with its segments). */
  switches(): Record<'attempts' | 'feasibility' | 'segments', LayerSwitch> {
    const refreshing = (inner: LayerSwitch): LayerSwitch => ({
      setVisible: (visible) => {
        inner.setVisible(visible);
        // A hidden layer gives up the pointer at once, not at the next move.
        this.pointer.refresh();
      },
      setOpacity: (opacity) => inner.setOpacity(opacity),
    });
    return {
      attempts: refreshing(switchOf(this.attempts.layer, this.attempts.emphasisLayer)),
      feasibility: switchOf(this.feasibility.layer, this.feasibility.labelLayer),
      segments: refreshing(switchOf(this.taskingAoi.layer, this.segments.layer, this.segments.emphasisLayer)),
    };
  }

  /**
   * True when the pointer (or the click being handled) is over a shown attempt or segment. The
   * archive's pointer asks this as part of its `busy`: on a move it asks at the next frame, after
   * `probe` was updated; on a click it asks while the click is dispatched, which is why this object's
   * `singleclick` listener has to be registered first (OpenLayers calls listeners in order).
   */
  claimsPointer(): boolean {
    return this.probe !== null && !this.options.busy() && this.keysAt(this.probe).length > 0;
  }

  setAttempts(items: AttemptItem[]): void {
    this.attempts.setItems(items);
    this.pointer.refresh();
  }

  setAttemptHighlighted(id: string | null): void {
    this.attempts.setHovered(id);
  }

  setAttemptSelected(id: string | null, opts?: { zoom?: boolean }): void {
    this.select('attempt', id, opts);
  }

  onAttemptHover(cb: (id: string | null) => void): () => void {
    return this.attemptHover.add(cb);
  }

  onAttemptClick(cb: (id: string) => void): () => void {
    return this.attemptClick.add(cb);
  }

  setFeasibility(item: FeasibilityItem | null): void {
    const current = this.feasibilityItem;
    const same =
      item === current ||
      (item !== null && current !== null && item.aoi === current.aoi && item.classification === current.classification && item.available === current.available && item.label === current.label);
    if (same) return;
    this.feasibilityItem = item;
    const styles = item && feasibilityStyle(feasibilityKind(item.classification, item.available), item.label);
    this.feasibility.set(item?.aoi ?? null, styles ? [styles.area] : [], styles ? [styles.label] : undefined);
  }

  setTaskingSegments(aoi: Polygon | null, items: SegmentItem[]): void {
    this.taskingAoi.set(aoi, taskingAoiStyle);
    this.segments.setItems(items);
    this.pointer.refresh();
  }

  setSegmentHighlighted(id: string | null): void {
    this.segments.setHovered(id);
  }

  setSegmentSelected(id: string | null, opts?: { zoom?: boolean }): void {
    this.select('segment', id, opts);
  }

  onSegmentHover(cb: (id: string | null) => void): () => void {
    return this.segmentHover.add(cb);
  }

  onSegmentClick(cb: (id: string) => void): () => void {
    return this.segmentClick.add(cb);
  }

  /** Fits the shown tasking layers (all of them when every one is switched off). */
  zoomToTasking(): void {
    const shown = this.contentBoxes(true);
    fitLonLatBoxes(this.map, shown.length > 0 ? shown : this.contentBoxes(false));
  }

  /** Re-reads everything in a new view CRS; outside a local CRS's extent the layers are clipped. */
  setProjection(projection: OlProjection): void {
    const extent = projection.isGlobal() ? undefined : (projection.getExtent() ?? undefined);
    for (const layer of [...this.layers().below, ...this.layers().above]) layer.setExtent(extent);
    this.attempts.setProjection(projection);
    this.segments.setProjection(projection);
    this.feasibility.setProjection(projection);
    this.taskingAoi.setProjection(projection);
    this.pointer.refresh();
  }

  dispose(): void {
    for (const undo of this.detach) undo();
    this.pointer.dispose();
    for (const listeners of [this.attemptHover, this.attemptClick, this.segmentHover, this.segmentClick]) listeners.clear();
  }

  private setOf(kind: Kind): TaskingFootprints<AttemptItem> | TaskingFootprints<SegmentItem> {
    return kind === 'attempt' ? this.attempts : this.segments;
  }

  /** Attempts before segments (their layer is on top), each smallest first. */
  private keysAt(coordinate: Coordinate): string[] {
    return [...this.attempts.idsAt(coordinate).map((id) => keyOf('attempt', id)), ...this.segments.idsAt(coordinate).map((id) => keyOf('segment', id))];
  }

  private reportHover(next: TaskingTarget | null): void {
    const reports = hoverReports(this.hovered, next);
    this.hovered = next;
    for (const [kind, id] of reports) (kind === 'attempt' ? this.attemptHover : this.segmentHover).emit(id);
    this.updateCursor();
  }

  /**
   * The hand cursor over a tasking feature. The archive's pointer sets the map element's cursor after
   * this one's frame (and clears it while this layer claims the pointer), and the AOI editor sets the
   * viewport's; this one goes on the layers' container inside the viewport, and only while the AOI
   * editor shows none of its own (move, crosshair), which stays the stronger signal.
   */
  private updateCursor(): void {
    const viewport = this.map.getViewport() as HTMLElement | undefined;
    const layers = viewport?.querySelector<HTMLElement>('.ol-layers');
    if (!viewport || !layers) return;
    const cursor = this.hovered && !viewport.style.cursor ? 'pointer' : '';
    if (layers.style.cursor !== cursor) layers.style.cursor = cursor;
  }

  private select(kind: Kind, id: string | null, opts?: { zoom?: boolean }): void {
    const set = this.setOf(kind);
    set.setSelected(id);
    if (id === null) return;
    this.lastSelected = kind;
    const entry = set.get(id);
    if (opts?.zoom && entry && !this.inView(entry.geometry)) fitLonLatBoxes(this.map, [entry.bbox]);
  }

  private inView(geometry: { intersectsExtent(extent: Extent): boolean } | undefined): boolean {
    const size = this.map.getSize();
    if (!geometry || !size) return false;
    return geometry.intersectsExtent(this.map.getView().calculateExtent(size));
  }

  private contentBoxes(shownOnly: boolean): LonLatBbox[] {
    const boxes: LonLatBbox[] = [];
    if (!shownOnly || this.attempts.isShown()) boxes.push(...this.attempts.bboxes());
    if (!shownOnly || this.segments.isShown()) boxes.push(...this.segments.bboxes());
    for (const outline of [this.feasibility, this.taskingAoi]) {
      const box = outline.bbox();
      if (box && (!shownOnly || outline.isShown())) boxes.push(box);
    }
    return boxes;
  }
}
