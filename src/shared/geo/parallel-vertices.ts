/**
 * Vertices along parallels, kept through a planar clip. polygon-clipping drops vertices that are
 * collinear in lon/lat; along a parallel those are the very vertices that make geodesic edges follow
 * it (a cap's rim 1° apart came back from the antimeridian split as one 360° edge, then four 90°
 * chords: 5.68 instead of 8.76 million km²). The split indexes its input's vertices by latitude and
 * puts them back on every output edge that runs along a parallel.
 */

type Ring = [number, number][];

/** Input vertices by latitude, longitudes folded into [-180, 180] and sorted. */
export type ParallelIndex = Map<number, number[]>;

export function indexParallelVertices(rings: Ring[]): ParallelIndex {
  const index: ParallelIndex = new Map();
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      if (Math.abs(lat) === 90) continue;
      const lons = index.get(lat) ?? [];
      // Into the world copy [-180 + 360k, 180 + 360k) holding it, as the split folds its pieces.
      lons.push(lon - 360 * Math.floor((lon + 180) / 360));
      index.set(lat, lons);
    }
  }
  for (const lons of index.values()) lons.sort((a, b) => a - b);
  return index;
}

/** Index of the first element of sorted `values` greater than `value`. */
function upperBound(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `ring` with the indexed vertices that lie strictly inside its edges along parallels put back. */
export function restoreParallelVertices(ring: Ring, index: ParallelIndex): Ring {
  const out: Ring = [];
  ring.forEach((point, i) => {
    const prev = ring[i - 1];
    const lons = prev && prev[1] === point[1] ? index.get(point[1]) : undefined;
    if (prev && lons) {
      const lo = Math.min(prev[0], point[0]);
      const hi = Math.max(prev[0], point[0]);
      const between: number[] = [];
      for (let k = upperBound(lons, lo); k < lons.length && (lons[k] as number) < hi; k++) {
        if (lons[k] !== between[between.length - 1]) between.push(lons[k] as number);
      }
      if (prev[0] > point[0]) between.reverse();
      for (const lon of between) out.push([lon, point[1]]);
    }
    out.push(point);
  });
  return out;
}
