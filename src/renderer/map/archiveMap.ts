import type { Polygon } from 'geojson';
import type OlMap from 'ol/Map';
import type OlProjection from 'ol/proj/Projection';
import type { ArchiveMapPort, FootprintItem } from './archivePort';
import type { AoiGeometry } from './aoiGeometry';
import { geometryBbox } from './aoiGeometry';
import { FootprintLayer } from './footprintLayer';
import { FootprintPointer } from './footprintPointer';
import { fitLonLatBoxes } from './fitLonLatBoxes';
import { QuicklookLayer } from './quicklookLayer';

export interface ArchiveMapOptions {
  /** True while an AOI is being drawn: clicks then belong to the drawing, not to footprints. */
  busy: () => boolean;
  /** The AOI the search ran with (the active one), included by `zoomToFootprints`. */
  searchAoi: () => AoiGeometry | undefined;
  describedElement?: HTMLElement;
}


/**
 * The archive search results on the map (the ArchiveMapPort): footprints, their hover / selection /
 * basket states, and the draped quicklook. MapController adds the layers and forwards the port.
 */
export class ArchiveMap implements ArchiveMapPort {
  readonly footprints = new FootprintLayer();
  readonly quicklook = new QuicklookLayer();
  private readonly pointer: FootprintPointer;

  constructor(
    private readonly map: OlMap,
    private readonly options: ArchiveMapOptions,
  ) {
    this.pointer = new FootprintPointer(map, {
      idsAt: (coordinate) => this.footprints.idsAt(coordinate),
      labelOf: (id) => this.footprints.get(id)?.item.label,
      selected: () => this.footprints.getSelected(),
      busy: options.busy,
      describedElement: options.describedElement,
    });
  }

  /** The archive layers, bottom to top: footprints, quicklook, then the emphasised few. */
  layers(): { below: [FootprintLayer['layer'], QuicklookLayer['layer']]; above: FootprintLayer['emphasisLayer'] } {
    return { below: [this.footprints.layer, this.quicklook.layer], above: this.footprints.emphasisLayer };
  }

  setFootprints(items: FootprintItem[]): void {
    this.footprints.setItems(items);
    this.pointer.refresh();
  }

  setHighlighted(id: string | null): void {
    this.footprints.setHovered(id);
  }

  setSelected(id: string | null, opts?: { zoom?: boolean }): void {
    this.footprints.setSelected(id);
    if (id !== null && opts?.zoom) {
      const entry = this.footprints.get(id);
      if (entry) fitLonLatBoxes(this.map, [entry.bbox], 250);
    }
  }

  setBasket(ids: string[]): void {
    this.footprints.setBasket(ids);
  }

  showQuicklook(quicklook: { id: string; dataUrl: string; footprint: Polygon } | null): void {
    this.quicklook.show(quicklook);
  }

  zoomToFootprints(): void {
    const boxes = this.footprints.bboxes();
    const aoi = this.options.searchAoi();
    if (aoi) boxes.push(geometryBbox(aoi));
    fitLonLatBoxes(this.map, boxes, 250);
  }

  onFootprintHover(cb: (id: string | null) => void): () => void {
    return this.pointer.hovered.add(cb);
  }

  onFootprintClick(cb: (id: string) => void): () => void {
    return this.pointer.clicked.add(cb);
  }

  /** Footprints are kept in EPSG:4326 and re-read; outside a local CRS's extent they are clipped. */
  setProjection(projection: OlProjection): void {
    const extent = projection.isGlobal() ? undefined : (projection.getExtent() ?? undefined);
    this.footprints.setProjection(projection);
    this.footprints.layer.setExtent(extent);
    this.footprints.emphasisLayer.setExtent(extent);
    this.quicklook.setExtent(extent);
    this.pointer.refresh();
  }

  dispose(): void {
    this.pointer.dispose();
    this.quicklook.dispose();
  }
}
