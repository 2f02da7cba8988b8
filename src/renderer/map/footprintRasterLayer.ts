import { getWidth } from 'ol/extent';
import Layer from 'ol/layer/Layer';
import type { FrameState } from 'ol/Map';
import type VectorSource from 'ol/source/Vector';
import { create as createTransform, makeInverse, multiply, toString as cssMatrix, type Transform } from 'ol/transform';
import ViewHint from 'ol/ViewHint';
import type { RasterFrame, RasterLook } from './footprintRaster';
import type { RasterBand, RasterCommand } from './footprintRaster.worker';

/** At most this many world copies are drawn side by side (a view zoomed far out over a wrapping CRS). */
const MAX_WORLD_COPIES = 8;

/** The x offsets of the world copies the frame shows; [0] when the view's CRS does not wrap. */
export function worldOffsets(frameState: Pick<FrameState, 'extent' | 'viewState'>): number[] {
  const projection = frameState.viewState.projection;
  const world = projection.getExtent();
  const extent = frameState.extent;
  if (!projection.canWrapX() || !world || !extent) return [0];
  const [worldWest = 0] = world;
  const [west = 0, , east = 0] = extent;
  const width = getWidth(world);
  const first = Math.floor((west - worldWest) / width);
  const last = Math.floor((east - worldWest) / width);
  const offsets: number[] = [];
  for (let k = first; k <= last && offsets.length < MAX_WORLD_COPIES; k++) offsets.push(k * width);
  return offsets;
}

function rasterFrame(frameState: FrameState): RasterFrame {
  const [width = 0, height = 0] = frameState.size;
  return {
    width: Math.round(width * frameState.pixelRatio),
    height: Math.round(height * frameState.pixelRatio),
    pixelRatio: frameState.pixelRatio,
    transform: Array.from(frameState.coordinateToPixelTransform),
    worldOffsets: worldOffsets(frameState),
  };
}

/** What a drawn image depends on besides the data: the same key, the same pixels. */
function frameKey(frame: RasterFrame): string {
  return `${frame.width}x${frame.height}@${frame.pixelRatio} ${frame.transform.join(',')} ${frame.worldOffsets.join(',')}`;
}

export interface FootprintRasterLayer {
  layer: Layer;
  /** Replaces the drawn edges (packSegments' layout). */
  setSegments(segments: Float64Array): void;
}

interface Request {
  id: number;
  key: string;
  version: number;
  transform: Transform;
  frame: RasterFrame;
  bands: RasterBand[];
}

/**
 * The footprint outlines as an OpenLayers layer: one canvas, rasterised by footprintRaster.ts in
 * workers (one band of rows per core, at most two), so a redraw never blocks the page and the cores
 * share it. Like an image layer it draws when the view settles: while the view animates or is dragged,
 * or a new image is being drawn, the last image is moved and scaled by a CSS transform; a render that
 * changes nothing (a hover on the emphasis layer above) reuses it. While an image is being drawn the
 * source says it is loading, so the map's `rendercomplete` waits for it. The vector source stays the
 * layer's source (hit testing reads its R-tree; its change events make the image stale) but OpenLayers
 * never draws it. Undefined without a DOM or workers (unit tests): the caller keeps the vector layer.
 */
export function createFootprintRasterLayer(source: VectorSource, looks: readonly RasterLook[], name: string): FootprintRasterLayer | undefined {
  if (typeof document === 'undefined' || typeof Worker === 'undefined') return undefined;
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;transform-origin:0 0';
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  const workers = Array.from({ length: Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)) }, () => new Worker(new URL('./footprintRaster.worker.ts', import.meta.url), { type: 'module' }));
  let version = 0;
  let nextId = 0;
  let drawn: { key: string; version: number; transform: Transform } | undefined;
  let pending: Request | undefined;
  const inverse = createTransform();

  const finish = (request: Request): void => {
    const { frame } = request;
    if (canvas.width !== frame.width || canvas.height !== frame.height) {
      canvas.width = frame.width;
      canvas.height = frame.height;
    } else context.clearRect(0, 0, frame.width, frame.height);
    for (const band of request.bands) {
      if (band.pixels.length > 0) context.putImageData(new ImageData(band.pixels, frame.width, band.rows[1] - band.rows[0]), 0, band.rows[0]);
    }
    drawn = { key: request.key, version: request.version, transform: request.transform };
    pending = undefined;
    source.loading = false;
    layer.changed();
  };
  for (const worker of workers) {
    worker.onmessage = (event: MessageEvent<RasterBand>) => {
      if (!pending || event.data.id !== pending.id) return;
      pending.bands.push(event.data);
      if (pending.bands.length === workers.length) finish(pending);
    };
  }

  const request = (frame: RasterFrame, key: string, transform: Transform): void => {
    pending = { id: ++nextId, key, version, transform, frame, bands: [] };
    source.loading = true;
    const band = Math.ceil(frame.height / workers.length);
    workers.forEach((worker, i) => {
      const rows: [number, number] = [Math.min(frame.height, i * band), Math.min(frame.height, (i + 1) * band)];
      worker.postMessage({ kind: 'draw', id: nextId, frame, rows } satisfies RasterCommand);
    });
  };

  const layer = new Layer({
    source,
    properties: { name },
    render: (frameState: FrameState) => {
      const frame = rasterFrame(frameState);
      const moving = (frameState.viewHints[ViewHint.ANIMATING] ?? 0) > 0 || (frameState.viewHints[ViewHint.INTERACTING] ?? 0) > 0;
      const key = frameKey(frame);
      const current = drawn?.version === version && drawn.key === key;
      const asked = pending?.version === version && pending.key === key;
      if (!current && !asked && !moving && frame.width > 0 && frame.height > 0) {
        request(frame, key, frameState.coordinateToPixelTransform.slice() as Transform);
      }
      // The last image, shown in the current view: current ∘ drawn⁻¹ (CSS pixels).
      canvas.style.transform = !drawn || current ? '' : cssMatrix(multiply(frameState.coordinateToPixelTransform.slice() as Transform, makeInverse(inverse, drawn.transform)));
      canvas.style.visibility = drawn ? '' : 'hidden';
      return canvas;
    },
  });
  // Any change of the source (features added, removed or marked changed) makes the drawn image stale.
  source.on('change', () => version++);
  return {
    layer,
    setSegments: (segments) => {
      for (const worker of workers) worker.postMessage({ kind: 'segments', segments, looks: [...looks] } satisfies RasterCommand);
      version++;
      layer.changed();
    },
  };
}
