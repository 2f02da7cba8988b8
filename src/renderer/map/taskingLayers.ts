import type { MultiPolygon as GeoJsonMultiPolygon, Polygon as GeoJsonPolygon } from 'geojson';
import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import { wrapX } from 'ol/coordinate';
import type { Coordinate } from 'ol/coordinate';
import type { Extent } from 'ol/extent';
import type Geometry from 'ol/geom/Geometry';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import VectorLayer from 'ol/layer/Vector';
import VectorImageLayer from 'ol/layer/VectorImage';
import { get as getProjection, getTransform } from 'ol/proj';
import type { ProjectionLike } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import RBush from 'ol/structs/RBush';
import type Style from 'ol/style/Style';
import { emphasisStyle, HOVERED, SELECTED } from './footprintStyles';
import type { LonLatBbox } from './projectionExtent';
import { lonLatParts, partsArea, partsBbox, projectParts } from './taskingGeometry';
import type { Rings } from './taskingGeometry';

/** How one item is drawn: its shared style and its place in the drawing order (higher on top). */
export interface Drawn {
  styles: Style[];
  weight: number;
}

export interface TaskingFootprintItem {
  id: string;
  /** A MultiPolygon too (a delivered product across the antimeridian); attempts and segments are Polygons. */
  footprint: GeoJsonPolygon | GeoJsonMultiPolygon;
  label: string;
}

interface Entry<T> {
  item: T;
  /** In the view CRS; undefined when the CRS cannot show it (listed, not drawn). */
  geometry: Polygon | MultiPolygon | undefined;
  bbox: LonLatBbox;
  parts: Rings[];
  /** Computed when first needed (only items under the pointer are ever ranked by size). */
  area?: number;
  weight: number;
}

const weightOf = (feature: FeatureLike): number => Number(feature.get('weight'));

const areaOf = (entry: Entry<unknown>): number => (entry.area ??= partsArea(entry.parts));

/** Items of one style are drawn as one multipolygon per cell of this many degrees (so panning culls them). */
const CELL_DEGREES = 2;

/** Flat coordinates of one drawn batch (one style, one cell), grown item by item. */
interface Batch {
  styles: Style[];
  weight: number;
  flat: number[];
  endss: number[][];
}

function appendTo(batch: Batch, geometry: Polygon | MultiPolygon): void {
  const offset = batch.flat.length;
  const flat = geometry.getFlatCoordinates();
  for (let i = 0; i < flat.length; i++) batch.flat.push(flat[i] as number);
  const endss = geometry instanceof Polygon ? [geometry.getEnds()] : geometry.getEndss();
  for (const ends of endss) batch.endss.push(ends.map((end) => end + offset));
}

/**
 * Attempts or segments on an image-mode layer (drawn once per view change, moved as a picture while
 * panning). Items sharing a style are drawn together, as one multipolygon per style and map cell,
 * not one OpenLayers feature each: 10,000 segments make a few dozen features, so setting them costs
 * no 10,000 feature objects and listeners, and a redraw walks a few dozen styles. Hit testing uses
 * an R-tree of the items themselves. The hovered and the selected item are also on a small vector
 * layer above, redrawn every frame, so hover never re-renders the many. Items are kept in EPSG:4326
 * and re-read when the view CRS changes.
 */
export class TaskingFootprints<T extends TaskingFootprintItem> {
  private readonly source = new VectorSource<Feature<Geometry>>({ useSpatialIndex: true });
  private readonly emphasisSource = new VectorSource<Feature<Geometry>>({ useSpatialIndex: false });
  private readonly index = new RBush<Entry<T>>();
  readonly layer: VectorImageLayer<VectorSource<Feature<Geometry>>>;
  readonly emphasisLayer: VectorLayer<VectorSource<Feature<Geometry>>>;
  private entries = new Map<string, Entry<T>>();
  private emphasisFeatures = new Map<string, Feature<Geometry>>();
  private items: readonly T[] = [];
  private projection: ProjectionLike = 'EPSG:3857';
  private hovered: string | null = null;
  private selected: string | null = null;

  /** `drawer` is asked once per list for the function that styles its items (a style may depend on the count). */
  constructor(
    name: string,
    private readonly drawer: (items: readonly T[]) => (item: T) => Drawn,
  ) {
    this.layer = new VectorImageLayer({
      source: this.source,
      style: (feature: FeatureLike) => feature.get('styles') as Style[],
      renderOrder: (a: FeatureLike, b: FeatureLike) => weightOf(a) - weightOf(b),
      imageRatio: 1.5,
      properties: { name },
    });
    this.emphasisLayer = new VectorLayer({
      source: this.emphasisSource,
      style: (feature: FeatureLike) => emphasisStyle(this.stateOf(String(feature.getId()))),
      // The selection on top of the hovered one.
      renderOrder: (a: FeatureLike, b: FeatureLike) => this.stateOf(String(a.getId())) - this.stateOf(String(b.getId())),
      updateWhileAnimating: true,
      updateWhileInteracting: true,
      properties: { name: `${name}-emphasis` },
    });
  }

  /** Replaces every item; the same list (same item objects) again is a no-op. */
  setItems(items: readonly T[]): void {
    const same = items.length === this.items.length && items.every((item, i) => item === this.items[i]);
    if (same) return;
    this.items = items.slice();
    this.rebuild();
  }

  setProjection(projection: ProjectionLike): void {
    this.projection = projection;
    this.rebuild();
  }

  setHovered(id: string | null): void {
    if (id === this.hovered) return;
    this.hovered = id;
    this.syncEmphasis();
  }

  setSelected(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    this.syncEmphasis();
  }

  getSelected(): string | null {
    return this.selected;
  }

  get(id: string): { item: T; bbox: LonLatBbox; geometry: Geometry | undefined } | undefined {
    const entry = this.entries.get(id);
    return entry && { item: entry.item, bbox: entry.bbox, geometry: entry.geometry };
  }

  bboxes(): LonLatBbox[] {
    return [...this.entries.values()].map((entry) => entry.bbox);
  }

  isShown(): boolean {
    return this.layer.getVisible() && this.entries.size > 0;
  }

  /** Ids of the items containing a view coordinate (any world copy), smallest first; none while hidden. */
  idsAt(coordinate: Coordinate): string[] {
    if (!this.layer.getVisible() || this.entries.size === 0) return [];
    const projection = getProjection(this.projection);
    const point = projection?.canWrapX() ? wrapX(coordinate.slice(), projection) : coordinate;
    const [x = NaN, y = NaN] = point;
    return this.index
      .getInExtent([x, y, x, y])
      .filter((entry) => entry.geometry?.intersectsCoordinate(point))
      .sort((a, b) => areaOf(a) - areaOf(b) || b.weight - a.weight)
      .map((entry) => entry.item.id);
  }

  private rebuild(): void {
    const transform = getTransform('EPSG:4326', this.projection);
    const draw = this.drawer(this.items);
    const entries = new Map<string, Entry<T>>();
    const batches = new Map<Style[], Map<string, Batch>>();
    const extents: Extent[] = [];
    const indexed: Entry<T>[] = [];
    for (const item of this.items) {
      if (entries.has(item.id)) continue;
      const parts = lonLatParts(item.footprint);
      const geometry = projectParts(parts, transform);
      const { styles, weight } = draw(item);
      const bbox = partsBbox(parts);
      const entry: Entry<T> = { item, geometry, bbox, parts, weight };
      entries.set(item.id, entry);
      if (!geometry) continue;
      extents.push(geometry.getExtent());
      indexed.push(entry);
      let cells = batches.get(styles);
      if (!cells) batches.set(styles, (cells = new Map()));
      const cell = `${Math.floor(bbox[0] / CELL_DEGREES)},${Math.floor(bbox[1] / CELL_DEGREES)}`;
      let batch = cells.get(cell);
      if (!batch) cells.set(cell, (batch = { styles, weight, flat: [], endss: [] }));
      appendTo(batch, geometry);
    }
    this.entries = entries;
    this.index.clear();
    this.index.load(extents, indexed);
    const features: Feature<Geometry>[] = [];
    for (const cells of batches.values()) {
      for (const { styles, weight, flat, endss } of cells.values()) {
        const feature = new Feature<Geometry>(new MultiPolygon(flat, 'XY', endss));
        feature.setProperties({ styles, weight }, true);
        features.push(feature);
      }
    }
    this.source.clear(true);
    this.source.addFeatures(features);
    this.emphasisFeatures = new Map();
    this.syncEmphasis();
  }

  private stateOf(id: string): number {
    return (id === this.hovered ? HOVERED : 0) | (id === this.selected ? SELECTED : 0);
  }

  private syncEmphasis(): void {
    const features: Feature<Geometry>[] = [];
    for (const id of new Set([this.hovered, this.selected])) {
      const geometry = id === null ? undefined : this.entries.get(id)?.geometry;
      if (id === null || !geometry) continue;
      let feature = this.emphasisFeatures.get(id);
      if (!feature) {
        feature = new Feature<Geometry>(geometry);
        feature.setId(id);
        this.emphasisFeatures.set(id, feature);
      }
      features.push(feature);
    }
    this.emphasisSource.clear(true);
    this.emphasisSource.addFeatures(features);
  }
}

const NO_STYLES: Style[] = [];

/**
 * One polygon (the feasibility AOI, a tasking's AOI) with its styles, re-read when the view CRS
 * changes. `labelLayer` draws the same feature with `labelStyles`, to be stacked higher than `layer`.
 */
export class OutlineLayer {
  private readonly source = new VectorSource<Feature<Geometry>>({ useSpatialIndex: false });
  readonly layer: VectorLayer<VectorSource<Feature<Geometry>>>;
  readonly labelLayer: VectorLayer<VectorSource<Feature<Geometry>>>;
  private polygon: GeoJsonPolygon | null = null;
  private styles: Style[] = NO_STYLES;
  private labelStyles: Style[] = NO_STYLES;
  private projection: ProjectionLike = 'EPSG:3857';
  private box: LonLatBbox | null = null;

  constructor(name: string) {
    this.layer = new VectorLayer({ source: this.source, style: () => this.styles, properties: { name }, updateWhileInteracting: true });
    this.labelLayer = new VectorLayer({ source: this.source, style: () => this.labelStyles, properties: { name: `${name}-label` }, updateWhileInteracting: true });
  }

  /** Shows `polygon` (EPSG:4326) with `styles`; null clears. No-op when all are the same objects. */
  set(polygon: GeoJsonPolygon | null, styles: Style[], labelStyles: Style[] = NO_STYLES): void {
    if (polygon === this.polygon && styles === this.styles && labelStyles === this.labelStyles) return;
    const moved = polygon !== this.polygon;
    this.polygon = polygon;
    this.styles = styles;
    this.labelStyles = labelStyles;
    if (moved) this.rebuild();
    this.layer.changed();
    this.labelLayer.changed();
  }

  setProjection(projection: ProjectionLike): void {
    this.projection = projection;
    this.rebuild();
  }

  bbox(): LonLatBbox | null {
    return this.box;
  }

  isShown(): boolean {
    return this.layer.getVisible() && this.box !== null;
  }

  private rebuild(): void {
    this.source.clear(true);
    this.box = null;
    if (!this.polygon) return;
    const parts = lonLatParts(this.polygon);
    this.box = partsBbox(parts);
    const geometry = projectParts(parts, getTransform('EPSG:4326', this.projection));
    if (geometry) this.source.addFeature(new Feature<Geometry>({ geometry }));
  }
}
