import Collection from 'ol/Collection';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import type Geometry from 'ol/geom/Geometry';
import MultiPoint from 'ol/geom/MultiPoint';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import type Polygon from 'ol/geom/Polygon';
import VectorLayer from 'ol/layer/Vector';
import type { ProjectionLike } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import Text from 'ol/style/Text';
import type { FeatureLike } from 'ol/Feature';
import type { Aoi } from '../../shared/domain/aoi';
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

const SNAP_TARGET_LIMIT = 2_000;

interface Entry {
  aoi: Aoi;
  feature: Feature<Geometry>;
  /** Geometry the user edited and the store has not yet answered for (EPSG:4326). */
  pending: AoiGeometry | null;
}

/**
 * All AOIs on one layer. Features are built from the stored EPSG:4326 geometry for the current
 * view projection and rebuilt only when an AOI changes (id + updatedAt), so React can push the
 * whole list on every render. Two collections feed the editing interactions: the active AOI
 * (modify, translate) and the others (snap targets).
 */
export class AoiLayer {
  readonly source = new VectorSource<Feature<Geometry>>();
  readonly layer = new VectorLayer({
    source: this.source,
    style: (feature: FeatureLike) => this.styleFor(feature),
    properties: { name: 'aois' },
    updateWhileInteracting: true,
  });
  readonly activeFeatures = new Collection<Feature<Geometry>>();
  readonly otherFeatures = new Collection<Feature<Geometry>>();
  private readonly entries = new Map<string, Entry>();
  private readonly activeStyleCache = new Map<string, Style[]>();
  private activeId: string | null = null;
  private format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

  setAois(aois: readonly Aoi[], activeId: string | null): void {
    const seen = new Set<string>();
    // Added in one bulk call: one spatial-index load and one change event for a 25,000-AOI import.
    const added: Feature<Geometry>[] = [];
    for (const aoi of aois) {
      seen.add(aoi.id);
      const entry = this.entries.get(aoi.id);
      if (!entry) {
        const feature = new Feature<Geometry>({ geometry: this.readGeometry(aoi.geometry as AoiGeometry), name: aoi.name });
        feature.setId(aoi.id);
        this.entries.set(aoi.id, { aoi, feature, pending: null });
        added.push(feature);
        continue;
      }
      if (entry.aoi.updatedAt === aoi.updatedAt && entry.aoi.name === aoi.name) continue;
      // A newer version from the store supersedes whatever edit was waiting for it.
      const geometryChanged = entry.aoi.updatedAt !== aoi.updatedAt || entry.pending !== null;
      entry.aoi = aoi;
      entry.pending = null;
      if (geometryChanged) entry.feature.setGeometry(this.readGeometry(aoi.geometry as AoiGeometry));
      entry.feature.set('name', aoi.name);
    }
    if (added.length > 0) this.source.addFeatures(added);
    for (const [id, entry] of this.entries) {
      if (seen.has(id)) continue;
      this.source.removeFeature(entry.feature);
      this.entries.delete(id);
    }
    this.activeId = activeId !== null && this.entries.has(activeId) ? activeId : null;
    this.syncCollections();
    this.layer.changed();
  }

  /** Re-reads every AOI for a new view projection (stored geometry is always EPSG:4326). */
  setProjection(projection: ProjectionLike): void {
    this.format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });
    for (const entry of this.entries.values()) {
      entry.feature.setGeometry(this.readGeometry(entry.pending ?? (entry.aoi.geometry as AoiGeometry)));
    }
  }

  getActiveId(): string | null {
    return this.activeId;
  }

  getFeature(id: string): Feature<Geometry> | undefined {
    return this.entries.get(id)?.feature;
  }

  /** The AOI's geometry as the map shows it (a pending edit, else the stored one), EPSG:4326. */
  getGeometry(id: string): AoiGeometry | undefined {
    const entry = this.entries.get(id);
    return entry ? (entry.pending ?? (entry.aoi.geometry as AoiGeometry)) : undefined;
  }

  /** Keeps an edited shape on screen until the store answers with a newer `updatedAt`. */
  markPending(id: string, geometry: AoiGeometry): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.pending = geometry;
    entry.feature.setGeometry(this.readGeometry(geometry));
  }

  /** Drops a pending edit (the store refused it) and shows the stored geometry again. */
  revert(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.pending = null;
    entry.feature.setGeometry(this.readGeometry(entry.aoi.geometry as AoiGeometry));
  }

  private readGeometry(geometry: AoiGeometry): Geometry | undefined {
    return this.format.readGeometry(geometry) ?? undefined;
  }

  private syncCollections(): void {
    const active = this.activeId ? this.entries.get(this.activeId)?.feature : undefined;
    if (this.activeFeatures.item(0) !== active || this.activeFeatures.getLength() !== (active ? 1 : 0)) {
      this.activeFeatures.clear();
      if (active) this.activeFeatures.push(active);
    }
    // Snapping indexes every target and follows its changes: past a few thousand AOIs that costs
    // seconds per change, so a huge collection snaps to the active AOI's own vertices only.
    const others = this.entries.size > SNAP_TARGET_LIMIT ? [] : [...this.entries.values()].map((e) => e.feature).filter((f) => f !== active);
    const current = this.otherFeatures.getArray();
    const same = current.length === others.length && current.every((f, i) => f === others[i]);
    if (!same) {
      this.otherFeatures.clear();
      this.otherFeatures.extend(others);
    }
  }

  private styleFor(feature: FeatureLike): Style | Style[] {
    if (feature.getId() !== this.activeId) return otherStyle;
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
