import type { Polygon } from 'geojson';
import ImageLayer from 'ol/layer/Image';
import ImageStatic from 'ol/source/ImageStatic';
import { warpQuicklook } from './quicklookWarp';

export interface Quicklook {
  id: string;
  dataUrl: string;
  footprint: Polygon;
}

function decode(dataUrl: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = dataUrl;
  return image.decode().then(() => image);
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/**
 * One draped quicklook at a time. The image is warped onto its footprint in EPSG:4326 once (see
 * quicklookWarp) and shown through an ImageStatic source declared in EPSG:4326, which OpenLayers
 * reprojects into the view's CRS, so projection switches need nothing from us. Loading is async;
 * a newer call (or null) supersedes one still loading.
 */
export class QuicklookLayer {
  readonly layer = new ImageLayer<ImageStatic>({ properties: { name: 'quicklook' }, zIndex: 0 });
  private generation = 0;
  private shown: { id: string; dataUrl: string; footprint: Polygon } | null = null;
  private objectUrl: string | null = null;
  private loaded: (() => void) | null = null;

  show(quicklook: Quicklook | null): void {
    const same = quicklook && this.shown && quicklook.id === this.shown.id && quicklook.dataUrl === this.shown.dataUrl && quicklook.footprint === this.shown.footprint;
    if (same || (!quicklook && !this.shown)) return;
    const generation = ++this.generation;
    this.shown = quicklook;
    if (!quicklook) {
      this.replace(null, null);
      return;
    }
    void this.load(quicklook, generation);
  }

  getShownId(): string | null {
    return this.shown?.id ?? null;
  }

  /** For tests and benches: resolves once the current quicklook (if any) is on the layer. */
  whenLoaded(): Promise<void> {
    if (!this.shown || this.layer.getSource()) return Promise.resolve();
    return new Promise((resolve) => (this.loaded = resolve));
  }

  /** Hides the quicklook outside a local CRS's extent, like the basemap. */
  setExtent(extent: number[] | undefined): void {
    this.layer.setExtent(extent);
  }

  dispose(): void {
    this.generation++;
    this.replace(null, null);
  }

  private async load(quicklook: Quicklook, generation: number): Promise<void> {
    try {
      const image = await decode(quicklook.dataUrl);
      if (generation !== this.generation) return;
      const warped = warpQuicklook(image, quicklook.footprint);
      const blob = warped && (await toBlob(warped.canvas));
      if (generation !== this.generation) return;
      if (!warped || !blob) {
        this.replace(null, null);
        return;
      }
      const url = URL.createObjectURL(blob);
      this.replace(new ImageStatic({ url, imageExtent: warped.extent, projection: 'EPSG:4326', interpolate: true }), url);
    } catch (error) {
      // A broken image must not break the map; the footprint stays selected without a picture.
      if (generation === this.generation) this.replace(null, null);
      console.warn('Quicklook could not be shown', error);
    }
  }

  private replace(source: ImageStatic | null, url: string | null): void {
    this.layer.setSource(source);
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = url;
    const loaded = this.loaded;
    this.loaded = null;
    loaded?.();
  }
}
