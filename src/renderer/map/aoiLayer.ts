import Collection from 'ol/Collection';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import type Geometry from 'ol/geom/Geometry';
import MultiPoint from 'ol/geom/MultiPoint';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import type Polygon from 'ol/geom/Polygon';
import LayerGroup from 'ol/layer/Group';
import VectorLayer from 'ol/layer/Vector';
import type { ProjectionLike } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import Text from 'ol/style/Text';
import type { FeatureLike } from 'ol/Feature';
import type { Aoi, AoiBox, AoiShape, AoiSummary } from '../../shared/domain/aoi';
import type { AoiGeometry } from './aoiGeometry';


export const AOI_COLORS = {
  active: '#e8590c',
  activeFill: 'rgba(232, 89, 12, 0.14)',
  other: 'rgba(52, 78, 110, 0.75)',
  otherFill: 'rgba(52, 78, 110, 0.07)',
  label: '#ffffff',
  labelHalo: 'rgba(32, 36, 43, 0.85)',
} as const;

const otherStyle = new Style({
  stroke: new Stroke({ color: AOI_COLORS.other, width: 1.5, lineDash: [6, 4] }),
  fill: new Fill({ color: AOI_COLORS.otherFill }),
});

// Vertex handles make the active AOI visibly editable before the pointer finds a vertex.
const vertexStyle = new Style({
  image: new CircleStyle({
    radius: 3.5,
    fill: new Fill({ color: '#ffffff' }),
    stroke: new Stroke({ color: AOI_COLORS.active, width: 1.5 }),
  }),
  geometry: (feature) => {
    const geometry = feature.getGeometry() as Polygon | MultiPolygon | undefined;
    if (!geometry) return undefined;
    const rings = geometry.getType() === 'Polygon' ? (geometry as Polygon).getCoordinates() : (geometry as MultiPolygon).getCoordinates().flat();
    // The closing position repeats the first; one handle per vertex.
    return new MultiPoint(rings.flatMap((ring) => ring.slice(0, -1)));
  },
});

/** One label per AOI: OpenLayers would label every part of a MultiPolygon (both halves of a split AOI). */
function labelAnchor(feature: FeatureLike): Geometry | undefined {
  const geometry = feature.getGeometry() as Polygon | MultiPolygon | undefined;
  if (!geometry || geometry.getType() === 'Polygon') return geometry as Geometry | undefined;
  const parts = (geometry as MultiPolygon).getPolygons();
  const largest = parts.reduce<Polygon | undefined>((best, part) => (!best || part.getArea() > best.getArea() ? part : best), undefined);
  return largest?.getInteriorPoint();
}

function activeStyles(name: string): Style[] {
  return [
    new Style({
      stroke: new Stroke({ color: AOI_COLORS.active, width: 2.5 }),
      fill: new Fill({ color: AOI_COLORS.activeFill }),
      zIndex: 1,
    }),
    new Style({
      geometry: labelAnchor,
      text: new Text({
        text: name,
        font: '600 12px system-ui, "Segoe UI", Roboto, sans-serif',
        fill: new Fill({ color: AOI_COLORS.label }),
        stroke: new Stroke({ color: AOI_COLORS.labelHalo, width: 3.5 }),
        overflow: true,
      }),
      zIndex: 2,
    }),
    vertexStyle,
  ];
}

const SNAP_TARGET_LIMIT = 250;
/** Features built per animation frame: each frame stays a short task whatever the view holds. */
const BUILD_PER_FRAME = 250;

interface Shown {
  shape: AoiShape;
  tolerance: number;
  feature: Feature<Geometry>;
}

/**
 * The AOIs on the map: the active one at full detail (editable, its edits kept on screen until the
 * store answers), and the others in the view as main sends them for its scale (`setShapes`). Features
 * are built a few hundred per frame and rebuilt only when an AOI changes (id + updatedAt), so a view
 * with thousands of AOIs never costs one long task. Two collections feed the editing interactions:
 * the active AOI (modify, translate) and the others (snap targets).
 */
export class AoiLayer {
  /** The other AOIs in view. */
  readonly source = new VectorSource<Feature<Geometry>>();
  private readonly activeSource = new VectorSource<Feature<Geometry>>();
  /**
   * The active AOI on a layer of its own, above the others: the editing interactions look for it
   * under the pointer on every move, and on this layer that is one feature, not the whole view's.
   */
  readonly activeLayer = new VectorLayer({
    source: this.activeSource,
    style: (feature: FeatureLike) => this.activeStyleFor(feature),
    properties: { name: 'aoi-active' },
    updateWhileInteracting: true,
  });
  /** Both, switched (visibility, opacity) as one. */
  readonly layer = new LayerGroup({
    layers: [new VectorLayer({ source: this.source, style: otherStyle, properties: { name: 'aois-others' } }), this.activeLayer],
    properties: { name: 'aois' },
  });
  readonly activeFeatures = new Collection<Feature<Geometry>>();
  readonly otherFeatures = new Collection<Feature<Geometry>>();
  private active: { aoi: Aoi; feature: Feature<Geometry>; pending: AoiGeometry | null } | null = null;
  private readonly shown = new Map<string, Shown>();
  private readonly boxes = new Map<string, AoiBox>();
  private readonly activeStyleCache = new Map<string, Style[]>();
  private queue: AoiShape[] = [];
  private queueTolerance = 0;
  private frame = 0;
  private format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

  /** Every AOI's box (for zooming to any of them) and the active AOI, drawn in full and editable. */
  setAois(aois: readonly AoiSummary[], active: Aoi | null): void {
    this.boxes.clear();
    for (const a of aois) if (a.box) this.boxes.set(a.id, a.box);
    this.setActive(active);
  }

  /**
   * The other AOIs in view, as main sent them thinned to `tolerance` (degrees): those no longer in the
   * view go at once; new ones, changed ones and those thinned for another scale are built frame by
   * frame (a shown one keeps its old drawing until then).
   */
  setShapes(shapes: readonly AoiShape[], tolerance: number): void {
    const activeId = this.active?.aoi.id;
    const wanted = new Map(shapes.filter((s) => s.id !== activeId).map((s) => [s.id, s]));
    const gone: Feature<Geometry>[] = [];
    for (const [id, shown] of this.shown) {
      if (wanted.has(id)) continue;
      gone.push(shown.feature);
      this.shown.delete(id);
    }
    if (gone.length > 0) this.source.removeFeatures(gone);
    this.queue = [...wanted.values()].filter((s) => {
      const shown = this.shown.get(s.id);
      return !shown || shown.shape.updatedAt !== s.updatedAt || shown.shape.name !== s.name || shown.tolerance !== tolerance;
    });
    this.queueTolerance = tolerance;
    this.schedule();
  }

  /** Re-reads every AOI for a new view projection (stored geometry is always EPSG:4326). */
  setProjection(projection: ProjectionLike): void {
    this.format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });
    if (this.active) this.active.feature.setGeometry(this.readGeometry(this.active.pending ?? (this.active.aoi.geometry as AoiGeometry)));
    const queued = new Set(this.queue.map((s) => s.id));
    this.queue = [...this.queue, ...[...this.shown.values()].filter((s) => !queued.has(s.shape.id)).map((s) => s.shape)];
    this.schedule();
  }

  getActiveId(): string | null {
    return this.active?.aoi.id ?? null;
  }

  getFeature(id: string): Feature<Geometry> | undefined {
    return this.active?.aoi.id === id ? this.active.feature : this.shown.get(id)?.feature;
  }

  /** The active AOI's geometry as the map shows it (a pending edit, else the stored one), EPSG:4326. */
  getGeometry(id: string): AoiGeometry | undefined {
    return this.active?.aoi.id === id ? (this.active.pending ?? (this.active.aoi.geometry as AoiGeometry)) : undefined;
  }

  /** [west, south, east, north] of any stored AOI, east beyond 180 across the antimeridian. */
  getBox(id: string): AoiBox | undefined {
    return this.boxes.get(id);
  }

  /** Keeps an edited shape on screen until the store answers with a newer `updatedAt`. */
  markPending(id: string, geometry: AoiGeometry): void {
    if (this.active?.aoi.id !== id) return;
    this.active.pending = geometry;
    this.active.feature.setGeometry(this.readGeometry(geometry));
  }

  /** Drops a pending edit (the store refused it) and shows the stored geometry again. */
  revert(id: string): void {
    if (this.active?.aoi.id !== id) return;
    this.active.pending = null;
    this.active.feature.setGeometry(this.readGeometry(this.active.aoi.geometry as AoiGeometry));
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
  }

  private setActive(aoi: Aoi | null): void {
    const current = this.active;
    if (current && aoi && current.aoi.id === aoi.id) {
      if (current.aoi.updatedAt === aoi.updatedAt && current.aoi.name === aoi.name) return;
      // A newer version from the store supersedes whatever edit was waiting for it.
      const geometryChanged = current.aoi.updatedAt !== aoi.updatedAt || current.pending !== null;
      current.aoi = aoi;
      current.pending = null;
      if (geometryChanged) current.feature.setGeometry(this.readGeometry(aoi.geometry as AoiGeometry));
      current.feature.set('name', aoi.name);
      return;
    }
    if (current) this.activeSource.removeFeature(current.feature);
    this.active = null;
    if (aoi) {
      const other = this.shown.get(aoi.id);
      if (other) {
        this.source.removeFeature(other.feature);
        this.shown.delete(aoi.id);
      }
      const feature = new Feature<Geometry>({ geometry: this.readGeometry(aoi.geometry as AoiGeometry), name: aoi.name });
      feature.setId(aoi.id);
      this.active = { aoi, feature, pending: null };
      this.activeSource.addFeature(feature);
    }
    this.syncCollections();
  }

  private schedule(): void {
    if (this.frame || this.queue.length === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.buildSome();
      this.schedule();
    });
  }

  private buildSome(): void {
    const batch = this.queue.splice(0, BUILD_PER_FRAME);
    const added: Feature<Geometry>[] = [];
    for (const shape of batch) {
      if (shape.id === this.active?.aoi.id) continue;
      const geometry = this.readGeometry(shape.geometry as AoiGeometry);
      const existing = this.shown.get(shape.id);
      if (existing) {
        existing.shape = shape;
        existing.tolerance = this.queueTolerance;
        existing.feature.setGeometry(geometry);
        existing.feature.set('name', shape.name, true);
        continue;
      }
      const feature = new Feature<Geometry>({ geometry, name: shape.name });
      feature.setId(shape.id);
      this.shown.set(shape.id, { shape, tolerance: this.queueTolerance, feature });
      added.push(feature);
    }
    // One bulk call per frame: one spatial-index load and one change event.
    if (added.length > 0) this.source.addFeatures(added);
    if (this.queue.length === 0) this.syncCollections();
  }

  private readGeometry(geometry: AoiGeometry): Geometry | undefined {
    return this.format.readGeometry(geometry) ?? undefined;
  }

  private syncCollections(): void {
    const active = this.active?.feature;
    if (this.activeFeatures.item(0) !== active || this.activeFeatures.getLength() !== (active ? 1 : 0)) {
      this.activeFeatures.clear();
      if (active) this.activeFeatures.push(active);
    }
    // Snapping indexes every target and follows its changes: past a few thousand AOIs that costs
    // seconds per change, so a crowded view snaps to the active AOI's own vertices only.
    const others = this.shown.size > SNAP_TARGET_LIMIT ? [] : [...this.shown.values()].map((e) => e.feature);
    const current = this.otherFeatures.getArray();
    const same = current.length === others.length && current.every((f, i) => f === others[i]);
    if (!same) {
      this.otherFeatures.clear();
      this.otherFeatures.extend(others);
    }
  }

  private activeStyleFor(feature: FeatureLike): Style | Style[] {
    const name = String(feature.get('name') ?? '');
    let styles = this.activeStyleCache.get(name);
    if (!styles) {
      if (this.activeStyleCache.size > 50) this.activeStyleCache.clear();
      styles = activeStyles(name);
      this.activeStyleCache.set(name, styles);
    }
    return styles;
  }
}
