import { SEGMENT_FLOATS } from './footprintRaster';

/**
 * The outline edges of many footprints packed for the raster footprint layer: ax, ay, bx, by in view
 * coordinates and the cloud bucket, cloudier buckets first so clear scenes are drawn last, on top, as
 * the canvas layer orders them.
 */

export interface OutlineSource {
  /** The footprint in view coordinates, as OpenLayers keeps it: flat x,y pairs and ring ends. */
  flat: ArrayLike<number>;
  /** End offsets (in `flat`) of every ring, outer and holes alike: every ring is outlined. */
  ends: readonly number[];
  bucket: number;
}

function closed(flat: ArrayLike<number>, start: number, end: number): boolean {
  return flat[start] === flat[end - 2] && flat[start + 1] === flat[end - 1];
}

/** Packs every ring edge of `outlines`; `buckets` is how many buckets exist (the highest drawn first). */
export function packSegments(outlines: readonly OutlineSource[], buckets: number): Float64Array {
  let count = 0;
  for (const o of outlines) {
    let start = 0;
    for (const end of o.ends) {
      const points = (end - start) / 2;
      // A closed ring repeats its first point; an open one gets its closing edge below.
      if (points >= 2) count += points - 1 + (closed(o.flat, start, end) ? 0 : 1);
      start = end;
    }
  }
  const data = new Float64Array(count * SEGMENT_FLOATS);
  let at = 0;
  const put = (ax: number, ay: number, bx: number, by: number, bucket: number): void => {
    data[at++] = ax;
    data[at++] = ay;
    data[at++] = bx;
    data[at++] = by;
    data[at++] = bucket;
  };
  for (let bucket = buckets - 1; bucket >= 0; bucket--) {
    for (const o of outlines) {
      if (o.bucket !== bucket) continue;
      const f = o.flat;
      let start = 0;
      for (const end of o.ends) {
        if (end - start >= 4) {
          for (let i = start; i + 3 < end; i += 2) put(f[i]!, f[i + 1]!, f[i + 2]!, f[i + 3]!, bucket);
          if (!closed(f, start, end)) put(f[end - 2]!, f[end - 1]!, f[start]!, f[start + 1]!, bucket);
        }
        start = end;
      }
    }
  }
  return data;
}
