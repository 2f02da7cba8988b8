import type {
  Feature as GeoFeature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import GeoJSON from 'ol/format/GeoJSON';
import { get as getProjection } from 'ol/proj';
import type { ProjectionLike } from 'ol/proj';
import { apply as applyTransform } from 'ol/transform';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ringsCrossAntimeridian, splitAtAntimeridian, splitLineAtAntimeridian } from '../../shared/geo/antimeridian';
import { clipCollection } from './basemapClip';
import { splitPolygonFast } from './layers/fastSplit';

/** Calm, low-contrast basemap so that footprints and AOIs drawn on top stand out. */
export const BASEMAP_COLORS = {
  ocean: '#dde8f0',
  /** Beyond a local CRS's extent: no data, distinct from sea. */
  outside: '#c9ced4',
  land: '#f5f3ee',
  border: '#b9b4a8',
  coast: '#a3b5c2',
  graticule: 'rgba(72, 98, 122, 0.22)',
  label: '#5b6b78',
  labelHalo: 'rgba(245, 243, 238, 0.9)',
} as const;

type CountryProperties = { name: string };
export type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProperties> }>;

type BasemapProperties = { kind: 'land' | 'border' | 'coast'; name?: string };
type BasemapCollection = FeatureCollection<Geometry, BasemapProperties>;

// One GeoJSON per Natural Earth scale, made on first use and kept (projection switches reuse it).
const geoJsonCache = new WeakMap<CountriesTopology, BasemapCollection>();

/**
 * Natural Earth still cuts a few Fijian islands (Taveuni, the tip of Vanua Levu) along ±180°. Those
 * edges are not coastline, so they are left out of the outlines.
 */
function withoutMeridianEdges(geometry: LineString | MultiLineString): MultiLineString {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const out: Position[][] = [];
  for (const line of lines) {
    let current: Position[] = [];
    for (const point of line) {
      const prev = current[current.length - 1];
      const lon = point[0] ?? 0;
      if (prev && Math.abs(lon) === 180 && prev[0] === lon) {
        if (current.length > 1) out.push(current);
        current = [];
      }
      current.push(point);
    }
    if (current.length > 1) out.push(current);
  }
  return { type: 'MultiLineString', coordinates: out };
}

/**
 * The antimeridian cut, member by member: splitAtAntimeridian clips and re-unites every member of a
 * multipolygon once one crosses, and at 10m Russia alone has hundreds of islands (seconds of work).
 * Only the few members that cross are cut; the rest are kept as they are.
 */
function splitPolygonMembers(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const out: Position[][][] = [];
  for (const rings of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
    if (!ringsCrossAntimeridian(rings)) {
      out.push(rings);
      continue;
    }
    const fast = splitPolygonFast(rings);
    if (fast) {
      out.push(...fast);
      continue;
    }
    const split = splitAtAntimeridian({ type: 'Polygon', coordinates: rings });
    if (split.type === 'Polygon') out.push(split.coordinates);
    else out.push(...split.coordinates);
  }
  return { type: 'MultiPolygon', coordinates: out };
}

function splitLineMembers(geometry: MultiLineString): MultiLineString {
  const out: Position[][] = [];
  for (const line of geometry.coordinates) {
    if (!ringsCrossAntimeridian([line])) {
      out.push(line);
      continue;
    }
    const split = splitLineAtAntimeridian({ type: 'LineString', coordinates: line });
    if (split.type === 'LineString') out.push(split.coordinates);
    else out.push(...split.coordinates);
  }
  return { type: 'MultiLineString', coordinates: out };
}

/**
 * Natural Earth countries as GeoJSON, cut at the antimeridian: world-atlas is stitched (Fiji,
 * Chukotka and Antarctica cross 180° the short way) and a planar renderer would otherwise draw
 * those edges right across the map. Outlines come from the topology's arcs so that shared borders
 * are drawn once and the artificial cuts along ±180° are not stroked at all.
 */
function basemapGeoJson(world: CountriesTopology): BasemapCollection {
  const cached = geoJsonCache.get(world);
  if (cached) return cached;
  const countries = feature(world, world.objects.countries).features as GeoFeature<
    Polygon | MultiPolygon | null,
    CountryProperties
  >[];
  const features: GeoFeature<Geometry, BasemapProperties>[] = [];
  for (const country of countries) {
    if (!country.geometry) continue;
    features.push({
      type: 'Feature',
      id: country.id,
      properties: { kind: 'land', name: country.properties.name },
      geometry: splitPolygonMembers(country.geometry),
    });
  }
  const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
  const coasts = mesh(world, world.objects.countries, (a, b) => a === b);
  const outline = (lines: MultiLineString): MultiLineString =>
    withoutMeridianEdges(splitLineMembers(lines));
  features.push(
    { type: 'Feature', properties: { kind: 'coast' }, geometry: outline(coasts) },
    { type: 'Feature', properties: { kind: 'border' }, geometry: outline(borders) },
  );
  const collection: BasemapCollection = { type: 'FeatureCollection', features };
  geoJsonCache.set(world, collection);
  return collection;
}

// The land-coloured outline hides the anti-aliasing seam where two fills meet (the cut at ±180°,
// shared borders), through which the ocean background would otherwise show as a faint line.
const landStyle = new Style({
  fill: new Fill({ color: BASEMAP_COLORS.land }),
  stroke: new Stroke({ color: BASEMAP_COLORS.land, width: 1 }),
});

const styles: Record<BasemapProperties['kind'], Style> = {
  land: landStyle,
  coast: new Style({ stroke: new Stroke({ color: BASEMAP_COLORS.coast, width: 0.8 }) }),
  border: new Style({ stroke: new Stroke({ color: BASEMAP_COLORS.border, width: 0.7 }) }),
};

/**
 * The basemap's features in a view projection. Global projections (3857, 4326) take the whole
 * world; a local CRS gets the part of the world its view can show (its world extent), cut before
 * projecting so that far-away land does not come back as garbage shapes across the view.
 */
export function createBasemapSource(world: CountriesTopology, projection: ProjectionLike = 'EPSG:3857'): VectorSource {
  const olProjection = getProjection(projection);
  const worldExtent = olProjection?.getWorldExtent();
  const local = olProjection !== null && !olProjection.isGlobal() && worldExtent !== null;
  const data = local && worldExtent ? clipCollection(basemapGeoJson(world), worldExtent as [number, number, number, number]) : basemapGeoJson(world);
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });
  return new VectorSource({ features: format.readFeatures(data), wrapX: !local });
}

/**
 * The offline basemap: land on an ocean background, coastlines and country borders, in one layer
 * (OpenLayers draws all polygon fills of a layer before its lines). The ocean is painted into the
 * canvas rather than left to CSS, so the canvas itself is never blank; that fill covers everything
 * drawn before it, so this layer must stay at the bottom of the map. Outside a local CRS's extent
 * there is no data at all, and that is painted as such instead of as sea.
 */
export function createBasemapLayer(source: VectorSource | null, name = 'basemap'): VectorLayer<VectorSource> {
  const layer = new VectorLayer({
    source: source ?? undefined,
    style: (feature) => styles[feature.get('kind') as BasemapProperties['kind']] ?? landStyle,
    properties: { name },
    // The basemap never changes: during pans and zooms the last frame is transformed instead.
    updateWhileAnimating: false,
    updateWhileInteracting: false,
  });
  layer.on('prerender', (event) => {
    const context = event.context;
    if (!context || !('fillRect' in context)) return;
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    const viewProjection = event.frameState?.viewState.projection;
    const extent = viewProjection && !viewProjection.isGlobal() ? viewProjection.getExtent() : null;
    if (extent && event.frameState) {
      context.fillStyle = BASEMAP_COLORS.outside;
      context.fillRect(0, 0, context.canvas.width, context.canvas.height);
      const ratio = event.frameState.pixelRatio;
      const [minX = 0, minY = 0, maxX = 0, maxY = 0] = extent;
      const [x1 = 0, y1 = 0] = applyTransform(event.frameState.coordinateToPixelTransform, [minX, maxY]);
      const [x2 = 0, y2 = 0] = applyTransform(event.frameState.coordinateToPixelTransform, [maxX, minY]);
      context.fillStyle = BASEMAP_COLORS.ocean;
      context.fillRect(x1 * ratio, y1 * ratio, (x2 - x1) * ratio, (y2 - y1) * ratio);
    } else {
      context.fillStyle = BASEMAP_COLORS.ocean;
      context.fillRect(0, 0, context.canvas.width, context.canvas.height);
    }
    context.restore();
  });
  return layer;
}
