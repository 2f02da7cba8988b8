import type { Polygon } from 'geojson';
import type BaseLayer from 'ol/layer/Base';
import type OlMap from 'ol/Map';
import type OlProjection from 'ol/proj/Projection';
import { deliveryDrawn } from './deliveriesLayers';
import type { DeliveriesMapPort, DeliveryItem } from './deliveriesPort';
import { fitLonLatBoxes } from './fitLonLatBoxes';
import { FootprintPointer } from './footprintPointer';
import type { LayerSwitch } from './layers/layerSwitches';
import { switchOf } from './layers/layerSwitches';
import { QuicklookLayer } from './quicklookLayer';
import { TaskingFootprints } from './taskingLayers';

export interface DeliveriesMapOptions {
  /** True while an AOI is being drawn: the pointer then belongs to the drawing. */
  busy: () => boolean;
  describedElement?: HTMLElement;
}

/**
 * The My data section on the map (the DeliveriesMapPort): delivered products' footprints, their hover
 * and selection, and one draped quicklook. The footprints reuse the tasking layers' batched image-mode
 * drawing and R-tree hit testing (TaskingFootprints), the quicklook the archive's warp-and-drape layer,
 * the pointer the archive's tooltip and click-to-cycle. Only the My data section fills these layers and
 * it clears them when hidden, so their pointer never competes with the archive's or the tasking's.
 */
export class DeliveriesMap implements DeliveriesMapPort {
  readonly footprints = new TaskingFootprints<DeliveryItem>('deliveries', () => deliveryDrawn);
  readonly quicklook = new QuicklookLayer();
  private readonly pointer: FootprintPointer;
  private items: readonly DeliveryItem[] = [];

  constructor(
    private readonly map: OlMap,
    options: DeliveriesMapOptions,
  ) {
    this.pointer = new FootprintPointer(map, {
      idsAt: (coordinate) => this.footprints.idsAt(coordinate),
      labelOf: (id) => this.footprints.get(id)?.item.label,
      selected: () => this.footprints.getSelected(),
      busy: options.busy,
      describedElement: options.describedElement,
    });
  }

  /** Bottom to top: footprints and the quicklook over them (under the AOIs), then the emphasised two. */
  layers(): { below: BaseLayer[]; above: BaseLayer[] } {
    return { below: [this.footprints.layer, this.quicklook.layer], above: [this.footprints.emphasisLayer] };
  }

  /** The layers-panel entry 'deliveries': footprints and quicklook together. */
  switches(): Record<'deliveries', LayerSwitch> {
    const inner = switchOf(this.footprints.layer, this.footprints.emphasisLayer, this.quicklook.layer);
    return {
      deliveries: {
        setVisible: (visible) => {
          inner.setVisible(visible);
          // A hidden layer gives up the pointer at once, not at the next move.
          this.pointer.refresh();
        },
        setOpacity: (opacity) => inner.setOpacity(opacity),
      },
    };
  }

  setDeliveries(items: DeliveryItem[]): void {
    this.items = items;
    this.footprints.setItems(items);
    this.pointer.refresh();
  }

  setDeliveryHighlighted(id: string | null): void {
    this.footprints.setHovered(id);
  }

  setDeliverySelected(id: string | null, opts?: { zoom?: boolean }): void {
    this.footprints.setSelected(id);
    const entry = id === null ? undefined : this.footprints.get(id);
    if (entry && opts?.zoom) fitLonLatBoxes(this.map, [entry.bbox]);
  }

  showDeliveryQuicklook(quicklook: { id: string; dataUrl: string; footprint: Polygon } | null): void {
    this.quicklook.show(quicklook);
  }

  zoomToDeliveries(): void {
    fitLonLatBoxes(this.map, this.footprints.bboxes());
  }

  onDeliveryHover(cb: (id: string | null) => void): () => void {
    return this.pointer.hovered.add(cb);
  }

  onDeliveryClick(cb: (id: string) => void): () => void {
    return this.pointer.clicked.add(cb);
  }

  /** For tests: ids drawn in the current view CRS, the selected one, the quicklook shown. */
  probe(): { drawn: string[]; selected: string | null; quicklook: string | null } {
    const drawn = this.items.filter((item) => this.footprints.get(item.id)?.geometry).map((item) => item.id);
    return { drawn, selected: this.footprints.getSelected(), quicklook: this.quicklook.getShownId() };
  }

  /** Footprints are kept in EPSG:4326 and re-read; outside a local CRS's extent they are clipped. */
  setProjection(projection: OlProjection): void {
    const extent = projection.isGlobal() ? undefined : (projection.getExtent() ?? undefined);
    for (const layer of [...this.layers().below, ...this.layers().above]) layer.setExtent(extent);
    this.footprints.setProjection(projection);
    this.pointer.refresh();
  }

  dispose(): void {
    this.pointer.dispose();
    this.quicklook.dispose();
  }
}
