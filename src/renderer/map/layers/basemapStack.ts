import Attribution from 'ol/control/Attribution';
import LayerGroup from 'ol/layer/Group';
import type TileLayer from 'ol/layer/Tile';
import type OlMap from 'ol/Map';
import type { ProjectionLike } from 'ol/proj';
import type XYZ from 'ol/source/XYZ';
import { Listeners } from '../listeners';
import type { LayerSwitch } from './layerSwitches';
import { NaturalEarthBasemap } from './naturalEarth';
import { PlacesLayer } from './placesLayer';
import { createTileBasemap, type BasemapChoice, type BasemapStatus } from './tileBasemap';

/**
 * Everything under the graticule, as one group at the bottom of the map: Natural Earth (always
 * drawn: it is what shows wherever a chosen tile basemap has no tile, failed or is offline), the
 * chosen tile basemap over it, and the place names (only with the offline basemap, or while the
 * chosen one is offline: tile basemaps carry their own labels).
 */
export class BasemapStack {
  readonly naturalEarth = new NaturalEarthBasemap();
  readonly places = new PlacesLayer();
  readonly layer: LayerGroup;
  readonly statusChanged = new Listeners<[string, BasemapStatus]>();
  private readonly attribution = new Attribution({ collapsible: false });
  private tiles: TileLayer<XYZ> | null = null;
  private choice: BasemapChoice = { kind: 'offline', id: 'offline' };
  private status: BasemapStatus = 'idle';
  private placesWanted = true;
  private opacity = 1;
  private extent: number[] | undefined;

  constructor() {
    this.layer = new LayerGroup({ layers: [this.naturalEarth.layer, this.places.layer], properties: { name: 'basemaps' } });
  }

  attach(map: OlMap): () => void {
    map.addControl(this.attribution);
    const undo = [this.naturalEarth.attach(map), this.places.attach(map)];
    return () => undo.forEach((u) => u());
  }

  setProjection(projection: ProjectionLike, extent: number[] | undefined): void {
    this.extent = extent;
    this.naturalEarth.setProjection(projection, extent);
    this.places.setProjection(projection, extent);
    this.tiles?.setExtent(extent);
  }

  getChoiceId(): string {
    return this.choice.id;
  }

  /** Puts the chosen basemap over Natural Earth (idempotent for the same id). */
  setChoice(choice: BasemapChoice): void {
    if (choice.id === this.choice.id && choice.kind === this.choice.kind) return;
    this.choice = choice;
    if (this.tiles) {
      this.layer.getLayers().remove(this.tiles);
      this.tiles.getSource()?.clear();
      this.tiles = null;
    }
    this.setStatus('idle');
    if (choice.kind !== 'offline') {
      const id = choice.id;
      this.tiles = createTileBasemap(choice, (status) => {
        if (this.choice.id === id) this.setStatus(status);
      });
      this.tiles.setExtent(this.extent);
      this.layer.getLayers().insertAt(1, this.tiles);
    }
    this.applyOpacity();
    this.updatePlaces();
  }

  getStatus(): BasemapStatus {
    return this.status;
  }

  /** The panel's switches: the chosen basemap's opacity ("basemap") and the place names. */
  basemapSwitch(): LayerSwitch {
    return {
      setVisible: (visible) => this.layer.setVisible(visible),
      setOpacity: (opacity) => {
        this.opacity = opacity;
        this.applyOpacity();
      },
    };
  }

  placesSwitch(): LayerSwitch {
    return {
      setVisible: (visible) => {
        this.placesWanted = visible;
        this.updatePlaces();
      },
      setOpacity: (opacity) => this.places.layer.setOpacity(opacity),
    };
  }

  private applyOpacity(): void {
    // The opacity belongs to what the user chose: the tile layer, or Natural Earth when it is the choice.
    this.tiles?.setOpacity(this.opacity);
    this.naturalEarth.layer.setOpacity(this.tiles ? 1 : this.opacity);
  }

  private setStatus(status: BasemapStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.updatePlaces();
    this.statusChanged.emit(this.choice.id, status);
  }

  private updatePlaces(): void {
    const offlineShown = this.choice.kind === 'offline' || this.status === 'offline';
    const visible = this.placesWanted && offlineShown;
    if (this.places.layer.getVisible() !== visible) this.places.layer.setVisible(visible);
  }
}
