import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import { wrapX } from 'ol/coordinate';
import type { Coordinate } from 'ol/coordinate';
import type Geometry from 'ol/geom/Geometry';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import type Layer from 'ol/layer/Layer';
import VectorLayer from 'ol/layer/Vector';
import VectorImageLayer from 'ol/layer/VectorImage';
import { get as getProjection, getTransform } from 'ol/proj';
import type { ProjectionLike, TransformFunction } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { splitAtAntimeridian } from '../../shared/geo/antimeridian';
import type { FootprintItem } from './archivePort';
import { geometryBbox } from './aoiGeometry';
import { approxArea } from './footprintExtent';
import { createFootprintRasterLayer, type FootprintRasterLayer } from './footprintRasterLayer';
import { packSegments, type OutlineSource } from './footprintSegments';
import { bucketStyle, cloudBucket, emphasisStyle, HOVERED, IN_BASKET, rampStep, SELECTED, UNKNOWN_CLOUD_BUCKET } from './footprintStyles';
import type { LonLatBbox } from './projectionExtent';

interface Entry {
  item: FootprintItem;
  feature: Feature<Geometry>;
  bbox: LonLatBbox;
  /** For hit priority: the smallest footprint under the pointer wins. */
  area: number;
  bucket: number;
}

type Rings = number[][][];

/** Footprint parts in lon/lat, cut at ±180 like stored AOIs so no edge spans the world. */
function lonLatParts(item: FootprintItem): Rings[] {
  const split = splitAtAntimeridian(item.footprint);
  return split.type === 'Polygon' ? [split.coordinates] : split.coordinates;
}

function project(parts: Rings[], transform: TransformFunction | null): Geometry | undefined {
  if (!transform) return undefined;
  const flat: number[] = [];
  const endss: number[][] = [];
  for (const rings of parts) {
    const ends: number[] = [];
    for (const ring of rings) {
      for (const [x = NaN, y = NaN] of ring) flat.push(x, y);
      ends.push(flat.length);
    }
    endss.push(ends);
  }
  transform(flat, flat, 2);
  // Outside a local CRS's domain proj4 gives NaN or Infinity; such a footprint is simply not drawn.
  if (!flat.every(Number.isFinite)) return undefined;
  if (endss.length === 1) return new Polygon(flat, 'XY', endss[0]);
  return new MultiPolygon(flat, 'XY', endss);
}

const BUCKETS = UNKNOWN_CLOUD_BUCKET + 1;

/** The outline of a drawn footprint as the raster layer packs it. */
function outlineOf(geometry: Geometry, bucket: number): OutlineSource | undefined {
  if (geometry instanceof Polygon) return { flat: geometry.getFlatCoordinates(), ends: geometry.getEnds(), bucket };
  if (geometry instanceof MultiPolygon) return { flat: geometry.getFlatCoordinates(), ends: geometry.getEndss().flat(), bucket };
  return undefined;
}

/**
 * Scene footprints. The many are rasterised in workers (footprintRasterLayer.ts) into one image, drawn
 * when the view settles and moved as a picture while it animates: a full redraw of 20,000 went from
 * 360–1,160 ms of page-thread canvas work (an image-mode vector layer) to ~120 ms off the page's thread
 * (bench/footprints). Where there are no workers or no DOM (unit tests) they stay on that image-mode
 * layer, styled by one shared Style per cloud bucket. The few that carry state (hovered, selected, in
 * the basket) are also on a small vector layer above, redrawn every frame, so hovering never redraws
 * thousands of outlines.
 */
export class FootprintLayer {
  private readonly source = new VectorSource<Feature<Geometry>>({ useSpatialIndex: true });
  private readonly emphasisSource = new VectorSource<Feature<Geometry>>({ useSpatialIndex: false });
  private readonly raster: FootprintRasterLayer | undefined = createFootprintRasterLayer(
    this.source,
    Array.from({ length: BUCKETS }, (_, bucket) => rampStep(bucket)),
    'footprints',
  );
  readonly layer: Layer =
    this.raster?.layer ??
    new VectorImageLayer({
      source: this.source,
      style: (feature: FeatureLike) => bucketStyle(Number(feature.get('bucket'))),
      // Cloudy scenes underneath, clear ones on top: the candidates worth looking at stay visible.
      renderOrder: (a: FeatureLike, b: FeatureLike) => Number(b.get('bucket')) - Number(a.get('bucket')),
      imageRatio: 1.5,
      properties: { name: 'footprints' },
    });
  readonly emphasisLayer = new VectorLayer({
    source: this.emphasisSource,
    style: (feature: FeatureLike) => emphasisStyle(this.stateOf(String(feature.getId()))),
    renderOrder: (a: FeatureLike, b: FeatureLike) => this.weight(String(a.getId())) - this.weight(String(b.getId())),
    updateWhileAnimating: true,
    updateWhileInteracting: true,
    properties: { name: 'footprint-emphasis' },
  });
  private entries = new Map<string, Entry>();
  private items: readonly FootprintItem[] = [];
  private projection: ProjectionLike = 'EPSG:3857';
  private hovered: string | null = null;
  private selected: string | null = null;
  private basket = new Set<string>();

  /** Replaces every footprint; the same list (same item objects) again is a no-op. */
  setItems(items: readonly FootprintItem[]): void {
    const same = items.length === this.items.length && items.every((item, i) => item === this.items[i]);
    if (same) return;
    this.items = items.slice();
    this.rebuild();
  }

  /** Re-reads every footprint in a new view CRS (they are kept in EPSG:4326). */
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

  setBasket(ids: readonly string[]): void {
    const next = new Set(ids);
    if (next.size === this.basket.size && ids.every((id) => this.basket.has(id))) return;
    this.basket = next;
    this.syncEmphasis();
  }

  getSelected(): string | null {
    return this.selected;
  }

  get(id: string): { item: FootprintItem; bbox: LonLatBbox } | undefined {
    return this.entries.get(id);
  }

  bboxes(): LonLatBbox[] {
    return [...this.entries.values()].map((entry) => entry.bbox);
  }

  /** Ids of the footprints containing a view coordinate, smallest first (any world copy). */
  idsAt(coordinate: Coordinate): string[] {
    const projection = getProjection(this.projection);
    const point = projection?.canWrapX() ? wrapX(coordinate.slice(), projection) : coordinate;
    return this.source
      .getFeaturesAtCoordinate(point)
      .map((feature) => this.entries.get(String(feature.getId())))
      .filter((entry): entry is Entry => entry !== undefined)
      .sort((a, b) => a.area - b.area || a.bucket - b.bucket)
      .map((entry) => entry.item.id);
  }

  private rebuild(): void {
    const transform = getTransform('EPSG:4326', this.projection);
    const entries = new Map<string, Entry>();
    const features: Feature<Geometry>[] = [];
    for (const item of this.items) {
      if (entries.has(item.id)) continue;
      const parts = lonLatParts(item);
      const geometry = project(parts, transform);
      const bucket = cloudBucket(item.cloudCover);
      const feature = new Feature<Geometry>({ geometry, bucket });
      feature.setId(item.id);
      const area = parts.reduce((sum, rings) => sum + approxArea(rings[0] ?? []), 0);
      const bbox = geometryBbox(parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] ?? [] } : { type: 'MultiPolygon', coordinates: parts });
      entries.set(item.id, { item, feature, bbox, area, bucket });
      if (geometry) features.push(feature);
    }
    this.entries = entries;
    // One bulk insert: the R-tree is bulk-loaded and the layer renders once, not 20,000 times.
    this.source.clear(true);
    this.source.addFeatures(features);
    if (this.raster) {
      const outlines: OutlineSource[] = [];
      for (const feature of features) {
        const outline = outlineOf(feature.getGeometry() as Geometry, Number(feature.get('bucket')));
        if (outline) outlines.push(outline);
      }
      this.raster.setSegments(packSegments(outlines, BUCKETS));
    }
    this.syncEmphasis();
  }

  private stateOf(id: string): number {
    return (id === this.hovered ? HOVERED : 0) | (id === this.selected ? SELECTED : 0) | (this.basket.has(id) ? IN_BASKET : 0);
  }

  /** Drawing order on the emphasis layer: basket, then hovered, then the selection on top. */
  private weight(id: string): number {
    const state = this.stateOf(id);
    return (state & SELECTED ? 4 : 0) + (state & HOVERED ? 2 : 0) + (state & IN_BASKET ? 1 : 0);
  }

  private syncEmphasis(): void {
    const ids = new Set(this.basket);
    if (this.hovered) ids.add(this.hovered);
    if (this.selected) ids.add(this.selected);
    const features: Feature<Geometry>[] = [];
    for (const id of ids) {
      const feature = this.entries.get(id)?.feature;
      if (feature?.getGeometry()) features.push(feature);
    }
    this.emphasisSource.clear(true);
    this.emphasisSource.addFeatures(features);
  }
}
