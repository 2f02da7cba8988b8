/**
 * How cached scenes are indexed (migration 012). The R*Tree holds one *box* per few scenes stored
 * together instead of one entry per scene: a page of new scenes is split into groups of up to
 * BOX_SLOTS that lie close in place and time, each group gets a box id, and its scenes get the rowids
 * `box × BOX_SLOTS + slot`. A query walks the rtree for boxes, reads each box's scenes as one short
 * rowid range (neighbouring rows on one or two pages) and checks every scene's own bounds and date.
 *
 * Why: the per-scene rtree was most of the cost of caching a page (one insert per scene into a 3-D
 * R*Tree, ~20 µs of CPU and ~100 of the page's ~210 written 4 KB pages at 1M scenes) and of a query
 * (one random row lookup per hit, each on a different page). Packed boxes write ~1/16 of the entries
 * and make the rows a query reads adjacent.
 */

/** Scenes per box; a power of two so a scene's box is its rowid shifted right. */
export const BOX_SLOTS = 16;

/** The rtree's time axis unit (see migration 004): 10 days in ms, comparable in extent to degrees. */
export const RTREE_TIME_UNIT_MS = 864_000_000;

/** What packing needs of a scene: its footprint bounds and acquisition time. */
export interface Placed {
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  acquired_at: number;
}

/** An rtree row: [id, min_lon, max_lon, min_lat, max_lat, t_min, t_max]. */
export type BoxRow = [id: number, minLon: number, maxLon: number, minLat: number, maxLat: number, tMin: number, tMax: number];

export const boxOfRowid = (rowid: number): number => Math.floor(rowid / BOX_SLOTS);

/** The first box id free after `maxRowid`, the largest scene rowid stored (null when none is). */
export const nextBoxAfter = (maxRowid: number | null): number => (maxRowid === null ? 1 : boxOfRowid(maxRowid) + 1);

const axes: ((p: Placed) => number)[] = [
  (p) => p.min_lon + p.max_lon, // twice the centre: only compared with each other
  (p) => p.min_lat + p.max_lat,
  (p) => (2 * p.acquired_at) / RTREE_TIME_UNIT_MS,
];

/**
 * Splits scenes into groups of at most BOX_SLOTS that are close together: halves along the axis
 * (longitude, latitude or time, in the rtree's units) where the centres spread most, until a part fits
 * one box. The left half is always a whole number of boxes, so all boxes but one are full. A search
 * page is one place over years, so it mostly splits by time: a box is one place over a month or two.
 */
export function packIntoGroups<T extends Placed>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  const split = (part: T[]): void => {
    if (part.length <= BOX_SLOTS) {
      if (part.length > 0) groups.push(part);
      return;
    }
    let widest = axes[0] as (p: Placed) => number;
    let widestSpread = -1;
    for (const axis of axes) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const p of part) {
        const v = axis(p);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi - lo > widestSpread) {
        widestSpread = hi - lo;
        widest = axis;
      }
    }
    const sorted = part.map((p) => [widest(p), p] as const).sort((a, b) => a[0] - b[0]);
    const left = BOX_SLOTS * Math.ceil(part.length / BOX_SLOTS / 2);
    split(sorted.slice(0, left).map(([, p]) => p));
    split(sorted.slice(left).map(([, p]) => p));
  };
  split([...items]);
  return groups;
}

/** The rtree row covering a group's scenes. */
export function boxRow(id: number, group: readonly Placed[]): BoxRow {
  const row: BoxRow = [id, Infinity, -Infinity, Infinity, -Infinity, Infinity, -Infinity];
  for (const p of group) {
    const t = p.acquired_at / RTREE_TIME_UNIT_MS;
    if (p.min_lon < row[1]) row[1] = p.min_lon;
    if (p.max_lon > row[2]) row[2] = p.max_lon;
    if (p.min_lat < row[3]) row[3] = p.min_lat;
    if (p.max_lat > row[4]) row[4] = p.max_lat;
    if (t < row[5]) row[5] = t;
    if (t > row[6]) row[6] = t;
  }
  return row;
}
