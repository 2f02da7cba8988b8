import { describe, expect, it } from 'vitest';
import { rasterise, SEGMENT_FLOATS, unpremultiply, type RasterFrame, type RasterLook } from './footprintRaster';
import { packSegments } from './footprintSegments';

const BLUE: RasterLook = { rgba: [0, 0, 255, 1], width: 1, dashed: false };
const GREY: RasterLook = { rgba: [100, 100, 100, 1], width: 1, dashed: true };
// View units = CSS pixels, y pointing down as on screen: the identity transform.
const frame = (width: number, height: number, worldOffsets: number[] = [0]): RasterFrame => ({ width, height, pixelRatio: 1, transform: [1, 0, 0, 1, 0, 0], worldOffsets });

function draw(segments: number[][], looks: RasterLook[], f: RasterFrame): Uint8ClampedArray {
  const words = new Uint32Array(f.width * f.height);
  rasterise(words, Float64Array.from(segments.flat()), looks, f);
  const pixels = new Uint8ClampedArray(words.buffer);
  unpremultiply(pixels);
  return pixels;
}
const alphaAt = (pixels: Uint8ClampedArray, width: number, x: number, y: number) => pixels[(y * width + x) * 4 + 3]!;

describe('rasterise', () => {
  it('draws a horizontal edge on the row it lies on, in its colour, and nothing elsewhere', () => {
    const pixels = draw([[2, 5, 17, 5, 0]], [BLUE], frame(20, 10));
    for (let x = 2; x <= 17; x++) {
      expect(alphaAt(pixels, 20, x, 5)).toBeGreaterThan(250);
      expect(Array.from(pixels.slice((5 * 20 + x) * 4, (5 * 20 + x) * 4 + 3))).toEqual([0, 0, 255]);
    }
    expect(alphaAt(pixels, 20, 10, 4)).toBe(0);
    expect(alphaAt(pixels, 20, 10, 6)).toBe(0);
    expect(alphaAt(pixels, 20, 0, 5)).toBe(0);
    expect(alphaAt(pixels, 20, 19, 5)).toBe(0);
  });

  it('shares a line between two pixels across by where it passes (anti-aliasing)', () => {
    const pixels = draw([[0, 3.25, 9, 3.25, 0]], [BLUE], frame(10, 8));
    expect(alphaAt(pixels, 10, 4, 3)).toBeGreaterThan(alphaAt(pixels, 10, 4, 4));
    expect(alphaAt(pixels, 10, 4, 4)).toBeGreaterThan(40);
    expect(alphaAt(pixels, 10, 4, 3) + alphaAt(pixels, 10, 4, 4)).toBeGreaterThan(240);
  });

  it('walks steep edges row by row', () => {
    const pixels = draw([[4, 0, 4, 9, 0]], [BLUE], frame(10, 10));
    for (let y = 0; y <= 9; y++) expect(alphaAt(pixels, 10, 4, y)).toBeGreaterThan(250);
    expect(alphaAt(pixels, 10, 5, 5)).toBe(0);
  });

  it('dashes the dashed look: 3 pixels drawn, 3 left out', () => {
    const pixels = draw([[0, 2, 11, 2, 0]], [GREY], frame(12, 4));
    const drawn = Array.from({ length: 12 }, (_, x) => alphaAt(pixels, 12, x, 2) > 0);
    expect(drawn).toEqual([true, true, true, false, false, false, true, true, true, false, false, false]);
  });

  it('clips an edge far longer than the canvas to it, and draws each world copy at its offset', () => {
    const long = draw([[-1e7, 1, 1e7, 1, 0]], [BLUE], frame(8, 3));
    for (let x = 0; x < 8; x++) expect(alphaAt(long, 8, x, 1)).toBeGreaterThan(250);
    const copies = draw([[1, 1, 2, 1, 0]], [BLUE], frame(30, 3, [0, 10, 20]));
    for (const x of [1, 11, 21]) expect(alphaAt(copies, 30, x, 1)).toBeGreaterThan(250);
    expect(alphaAt(copies, 30, 6, 1)).toBe(0);
  });

  it('blends a translucent edge over another', () => {
    const half: RasterLook = { rgba: [255, 0, 0, 0.5], width: 1, dashed: false };
    const pixels = draw([[0, 1, 5, 1, 1], [0, 1, 5, 1, 0]], [half, BLUE], frame(6, 3));
    const i = (1 * 6 + 2) * 4;
    // Red at 50 % over opaque blue: opaque, half red, half blue.
    expect(pixels[i + 3]).toBeGreaterThan(250);
    expect(pixels[i]).toBeGreaterThan(110);
    expect(pixels[i + 2]).toBeGreaterThan(110);
  });
});

describe('packSegments', () => {
  it('packs every edge, closes an open ring, and puts cloudier buckets first', () => {
    const clear = { flat: [0, 0, 1, 0, 1, 1, 0, 0], ends: [8], bucket: 0 };
    const cloudy = { flat: [5, 5, 6, 5, 6, 6], ends: [6], bucket: 3 };
    const packed = packSegments([clear, cloudy], 4);
    expect(packed.length / SEGMENT_FLOATS).toBe(3 + 3);
    expect(Array.from(packed.slice(0, SEGMENT_FLOATS))).toEqual([5, 5, 6, 5, 3]);
    // The open ring's closing edge, back to its first point.
    expect(Array.from(packed.slice(2 * SEGMENT_FLOATS, 3 * SEGMENT_FLOATS))).toEqual([6, 6, 5, 5, 3]);
    expect(packed[3 * SEGMENT_FLOATS + 4]).toBe(0);
  });
});
