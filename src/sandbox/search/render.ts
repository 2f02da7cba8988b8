import { isLand } from '../geo/landmask';
import { KM_PER_DEG, rad } from '../geo/sphere';
import type { Scene } from './catalogue';
import { hash32 } from './ids';
import { encodePng } from './png';

/**
 * Procedural quicklooks: terrain from value noise in *geographic* coordinates (so two scenes of the
 * same place show the same fields and lakes), clouds from per-scene noise thresholded to the scene's
 * cloud cover, brightness from the sun elevation. Deterministic for (seed, scene, size).
 */

/** Value-noise octave sampled from a precomputed lattice covering the image's extent. */
class Lattice {
  private readonly values: Float32Array;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cols: number;

  constructor(seed: number, salt: number, xmin: number, ymin: number, xmax: number, ymax: number) {
    this.x0 = Math.floor(xmin);
    this.y0 = Math.floor(ymin);
    this.cols = Math.floor(xmax) - this.x0 + 2;
    const rows = Math.floor(ymax) - this.y0 + 2;
    this.values = new Float32Array(this.cols * rows);
    for (let j = 0; j < rows; j++) for (let i = 0; i < this.cols; i++) this.values[j * this.cols + i] = hash32(seed, salt, this.x0 + i, this.y0 + j) / 4294967296;
  }

  at(x: number, y: number): number {
    const fx = Math.floor(x);
    const fy = Math.floor(y);
    const tx = x - fx;
    const ty = y - fy;
    const sx = tx * tx * (3 - 2 * tx);
    const sy = ty * ty * (3 - 2 * ty);
    const i = (fy - this.y0) * this.cols + (fx - this.x0);
    const v = this.values;
    const a = (v[i] as number) + ((v[i + 1] as number) - (v[i] as number)) * sx;
    const b = (v[i + this.cols] as number) + ((v[i + this.cols + 1] as number) - (v[i + this.cols] as number)) * sx;
    return a + (b - a) * sy;
  }
}

/** Fractal noise over several octaves, each `scaleKm` halving. */
function fbm(seed: number, salt: number, scaleKm: number, octaves: number, xs: Float64Array, ys: Float64Array): Float32Array {
  const out = new Float32Array(xs.length);
  let amp = 0.5;
  let total = 0;
  for (let o = 0; o < octaves; o++) {
    const s = scaleKm / 2 ** o;
    let xmin = Infinity, ymin = Infinity, xmax = -Infinity, ymax = -Infinity; // prettier-ignore
    for (let k = 0; k < xs.length; k++) {
      xmin = Math.min(xmin, (xs[k] as number) / s);
      xmax = Math.max(xmax, (xs[k] as number) / s);
      ymin = Math.min(ymin, (ys[k] as number) / s);
      ymax = Math.max(ymax, (ys[k] as number) / s);
    }
    const lat = new Lattice(seed, salt * 16 + o, xmin, ymin, xmax, ymax);
    for (let k = 0; k < xs.length; k++) out[k] = (out[k] as number) + amp * lat.at((xs[k] as number) / s, (ys[k] as number) / s);
    total += amp;
    amp /= 2;
  }
  for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / total;
  return out;
}

/** The value below which `share` of the samples fall (histogram, 512 bins). */
function quantile(values: Float32Array, share: number): number {
  const bins = new Uint32Array(512);
  for (const v of values) {
    const i = Math.min(511, Math.max(0, Math.floor(v * 512)));
    bins[i] = (bins[i] as number) + 1;
  }
  let acc = 0;
  for (let b = 0; b < 512; b++) {
    acc += bins[b] as number;
    if (acc >= share * values.length) return (b + 1) / 512;
  }
  return 1;
}

/** Image size for a longest side, keeping the scene's across/along aspect (clamped to 1:4). */
export function imageSize(scene: Scene, longest: number): [number, number] {
  const aspect = Math.min(4, Math.max(0.25, scene.widthKm / scene.lengthKm));
  return aspect >= 1 ? [longest, Math.max(8, Math.round(longest / aspect))] : [Math.max(8, Math.round(longest * aspect)), longest];
}

export function renderScenePng(seed: number, scene: Scene, longest: number): Buffer {
  const [w, h] = imageSize(scene, longest);
  const n = w * h;
  // Pixel centres in km east/north of the map origin, the strip rotated to the ground-track heading.
  const cosLat = Math.cos(rad(scene.center[1]));
  const cx = scene.center[0] * KM_PER_DEG * cosLat;
  const cy = scene.center[1] * KM_PER_DEG;
  const hd = rad(scene.azimuthAngle);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const across = (x / (w - 1 || 1) - 0.5) * scene.widthKm;
      const along = (y / (h - 1 || 1) - 0.5) * scene.lengthKm;
      // along-track unit vector = (sin hd, cos hd) east/north; across = (cos hd, -sin hd) (to the right)
      xs[y * w + x] = cx + along * Math.sin(hd) + across * Math.cos(hd);
      ys[y * w + x] = cy + along * Math.cos(hd) - across * Math.sin(hd);
    }
  }
  const terrain = fbm(seed, 1, 24, 5, xs, ys);
  const moisture = fbm(seed, 2, 9, 4, xs, ys);
  const detail = fbm(seed, 3, 0.8, 2, xs, ys);
  const cloudField = fbm(hash32(seed, scene.key.sat, scene.key.rev, scene.key.slot), 4, 12, 5, xs, ys);
  const cloudLine = quantile(cloudField, 1 - scene.cloudCover / 100);
  const snowLine = quantile(terrain, 1 - scene.snowCover / 100);
  const land = isLand(scene.center);
  const waterLine = land ? 0.3 : 0.85;
  const light = 0.55 + 0.45 * Math.sin(rad(Math.max(10, scene.illuminationElevationAngle)));

  const rgb = new Uint8Array(n * 3);
  for (let k = 0; k < n; k++) {
    const t = terrain[k] as number;
    const m = moisture[k] as number;
    const d = (detail[k] as number) - 0.5;
    let r: number, g: number, b: number; // prettier-ignore
    if (t < waterLine) {
      const depth = (waterLine - t) / waterLine;
      [r, g, b] = [20 + 25 * (1 - depth), 50 + 40 * (1 - depth), 80 + 50 * (1 - depth)];
    } else if (scene.snowCover > 0 && t >= snowLine) {
      [r, g, b] = [225, 228, 235];
    } else {
      // fields and forest when moist, bare soil and rock when dry; a little texture from `detail`
      const wet = Math.min(1, Math.max(0, (m - 0.35) * 2.5));
      r = 150 - 90 * wet + 60 * d;
      g = 130 - 20 * wet + 50 * d;
      b = 95 - 45 * wet + 30 * d;
    }
    const c = cloudField[k] as number;
    const cloud = scene.cloudCover <= 0 ? 0 : Math.min(1, Math.max(0, (c - cloudLine) / 0.04 + 0.5));
    r = r * light * (1 - cloud) + 245 * cloud;
    g = g * light * (1 - cloud) + 246 * cloud;
    b = b * light * (1 - cloud) + 250 * cloud;
    rgb[k * 3] = Math.max(0, Math.min(255, Math.round(r)));
    rgb[k * 3 + 1] = Math.max(0, Math.min(255, Math.round(g)));
    rgb[k * 3 + 2] = Math.max(0, Math.min(255, Math.round(b)));
  }
  return encodePng(w, h, rgb);
}

// Same bytes every time, so cache the last few renders (a result list asks for the same thumbnails).
const CACHE_LIMIT = 128;
const cache = new Map<string, Buffer>();

export function scenePng(seed: number, scene: Scene, longest: number): Buffer {
  const key = `${seed}|${scene.id}|${longest}`;
  let png = cache.get(key);
  if (!png) {
    png = renderScenePng(seed, scene, longest);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, png);
  }
  return png;
}
