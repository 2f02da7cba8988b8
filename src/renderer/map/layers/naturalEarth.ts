import LayerGroup from 'ol/layer/Group';
import type VectorLayer from 'ol/layer/Vector';
import type OlMap from 'ol/Map';
import type { ProjectionLike } from 'ol/proj';
import type VectorSource from 'ol/source/Vector';
import countries110m from 'world-atlas/countries-110m.json';
import { createBasemapLayer, createBasemapSource, type CountriesTopology } from '../basemapLayer';
import { metresPerUnit } from './resolution';

/**
 * The three Natural Earth scales world-atlas ships, coarse to fine, and the ground resolution
 * (metres per pixel) below which each one takes over: 110m for the world, 50m from about zoom 5,
 * 10m from about zoom 8. Only 110m (about 100 kB) is in the start-up bundle; 50m and 10m (0.7 and
 * 3.6 MB) are separate chunks, imported the first time the view comes close enough to need them.
 */
const SCALES = [
  { name: '110m', finerThan: Infinity, load: () => Promise.resolve(countries110m) },
  { name: '50m', finerThan: 6000, load: () => import('world-atlas/countries-50m.json').then((m) => m.default) },
  { name: '10m', finerThan: 600, load: () => import('world-atlas/countries-10m.json').then((m) => m.default) },
] as const;

interface Scale {
  name: string;
  finerThan: number;
  layer: VectorLayer<VectorSource>;
  topology?: CountriesTopology;
  loading?: Promise<void>;
  /** The projection the layer's source was built in; rebuilt lazily when the view's differs. */
  builtFor?: ProjectionLike;
}

/**
 * The offline basemap: one layer per scale in a group, each shown in its resolution band. A scale
 * that is not loaded yet leaves its band to the next coarser one, so the map is never blank while a
 * finer scale arrives (that is also the rule while a projection switch rebuilds a scale's source).
 */
export class NaturalEarthBasemap {
  readonly layer: LayerGroup;
  private readonly scales: Scale[];
  private projection: ProjectionLike = 'EPSG:3857';
  private extent: number[] | undefined;
  private map: OlMap | null = null;
  private readonly loaded = new Set<() => void>();

  constructor() {
    this.scales = SCALES.map((s) => ({ name: s.name, finerThan: s.finerThan, layer: createBasemapLayer(null, `basemap-${s.name}`) }));
    const coarsest = this.scales[0]!;
    coarsest.topology = countries110m as unknown as CountriesTopology;
    this.build(coarsest);
    this.layer = new LayerGroup({ layers: this.scales.map((s) => s.layer), properties: { name: 'basemap' } });
    this.updateBands();
  }

  /** Follows the view: loads and builds the scale the current resolution needs. */
  attach(map: OlMap): () => void {
    this.map = map;
    const onMove = () => this.ensureScale();
    map.on('moveend', onMove);
    this.ensureScale();
    return () => map.un('moveend', onMove);
  }

  setProjection(projection: ProjectionLike, extent: number[] | undefined): void {
    this.projection = projection;
    this.extent = extent;
    for (const scale of this.scales) {
      scale.layer.setExtent(extent);
      // Only the coarsest is rebuilt at once; finer ones when the view next needs them (building 10m
      // for the whole world costs a noticeable fraction of a second).
      if (scale === this.scales[0]) this.build(scale);
    }
    this.updateBands();
    this.ensureScale();
  }

  /** For tests: the scale names whose sources are built in the current projection. */
  readyScales(): string[] {
    return this.scales.filter((s) => s.builtFor === this.projection && s.layer.getSource()).map((s) => s.name);
  }

  /** Resolves once the scale the current view needs is drawn-ready (tests and screenshots). */
  whenSettled(): Promise<void> {
    const needed = this.neededScale();
    if (!needed || this.isReady(needed)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.isReady(needed)) {
          this.loaded.delete(check);
          resolve();
        }
      };
      this.loaded.add(check);
    });
  }

  private isReady(scale: Scale): boolean {
    return scale.builtFor === this.projection && scale.layer.getSource() !== null;
  }

  private neededScale(): Scale | undefined {
    const resolution = this.map?.getView().getResolution();
    if (resolution === undefined) return undefined;
    const metres = resolution * metresPerUnit(this.projection);
    return [...this.scales].reverse().find((s) => metres < s.finerThan);
  }

  private ensureScale(): void {
    const scale = this.neededScale();
    if (!scale || this.isReady(scale)) return;
    if (scale.topology) {
      this.build(scale);
      return;
    }
    const index = this.scales.indexOf(scale);
    scale.loading ??= SCALES[index]!.load().then((topology) => {
      scale.topology = topology as unknown as CountriesTopology;
      this.build(scale);
    });
  }

  private build(scale: Scale): void {
    if (!scale.topology) return;
    scale.layer.setSource(createBasemapSource(scale.topology, this.projection));
    scale.layer.setExtent(this.extent);
    scale.builtFor = this.projection;
    this.updateBands();
    for (const listener of [...this.loaded]) listener();
  }

  /**
   * Each ready scale shows from its own threshold down to the next ready finer one's; a scale not
   * ready in the current projection is hidden and its band falls to the coarser one above it.
   */
  private updateBands(): void {
    const mpu = metresPerUnit(this.projection);
    let finerEdge = 0;
    for (let i = this.scales.length - 1; i >= 0; i--) {
      const scale = this.scales[i]!;
      const ready = this.isReady(scale);
      scale.layer.setVisible(ready);
      if (!ready) continue;
      scale.layer.setMinResolution(finerEdge / mpu);
      scale.layer.setMaxResolution(i === 0 ? Infinity : scale.finerThan / mpu);
      finerEdge = scale.finerThan;
    }
  }
}
