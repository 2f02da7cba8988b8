/// <reference lib="webworker" />
import { rasterise, unpremultiply, type RasterFrame, type RasterLook } from './footprintRaster';

/**
 * Rasterises footprint outlines off the page's thread: the page keeps drawing frames (and answering
 * input) while this draws the rows it was given; each worker takes a band of rows, so the machine's
 * cores share a redraw. The segments are sent once per data change, the frames as often as the view
 * settles.
 */
export type RasterCommand =
  | { kind: 'segments'; segments: Float64Array; looks: RasterLook[] }
  | { kind: 'draw'; id: number; frame: RasterFrame; rows: [number, number] };

export interface RasterBand {
  id: number;
  rows: [number, number];
  /** Straight (not premultiplied) RGBA of the band, `frame.width` × (rows[1] − rows[0]). */
  pixels: Uint8ClampedArray<ArrayBuffer>;
}

declare const self: DedicatedWorkerGlobalScope;
let segments: Float64Array = new Float64Array(0);
let looks: RasterLook[] = [];

self.onmessage = (event: MessageEvent<RasterCommand>) => {
  const command = event.data;
  if (command.kind === 'segments') {
    segments = command.segments;
    looks = command.looks;
    return;
  }
  const { frame, rows, id } = command;
  const [top, bottom] = rows;
  const height = Math.max(0, bottom - top);
  const words = new Uint32Array(frame.width * height);
  // The band is the frame moved up by `top` device pixels (the transform's y offset is in CSS pixels).
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = frame.transform;
  rasterise(words, segments, looks, { ...frame, height, transform: [a, b, c, d, e, f - top / frame.pixelRatio] });
  const pixels = new Uint8ClampedArray(words.buffer);
  unpremultiply(pixels);
  const band: RasterBand = { id, rows, pixels };
  self.postMessage(band, [words.buffer]);
};
