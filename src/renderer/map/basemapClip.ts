import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import type { MultiPolygon as ClipMultiPolygon, Polygon as ClipPolygon } from 'polygon-clipping';

/** [west, south, east, north] in degrees; west > east across the antimeridian. */
type Box = [number, number, number, number];
type Rect = [number, number, number, number];

/**
 * A local CRS (a conic for France, a UTM zone) maps the far side of the world to wild coordinates,
 * and polygons that straddle its cut meridian turn into shapes across the whole view. The basemap
 * is therefore cut to the lon/lat region the view can show before it is projected.
 */
export function clipCollection<P>(collection: FeatureCollection<Geometry, P>, box: Box): FeatureCollection<Geometry, P> {
  const rects: Rect[] = box[0] <= box[2] ? [box] : [[box[0], box[1], 180, box[3]], [-180, box[1], box[2], box[3]]];
  const features: Feature<Geometry, P>[] = [];
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    let clipped: Geometry | null = null;
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') clipped = clipPolygons(geometry, rects);
    else if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') clipped = clipLines(geometry, rects);
    else clipped = geometry;
    if (clipped) features.push({ ...feature, geometry: clipped });
  }
  return { type: 'FeatureCollection', features };
}

function polygonBounds(rings: Position[][]): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x = 0, y = 0] of rings[0] ?? []) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

const contains = (outer: Rect, inner: Rect): boolean =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
const disjoint = (a: Rect, b: Rect): boolean => a[2] < b[0] || a[0] > b[2] || a[3] < b[1] || a[1] > b[3];

function clipPolygons(geometry: Polygon | MultiPolygon, rects: Rect[]): MultiPolygon | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: Position[][][] = [];
  for (const rings of polygons) {
    const bounds = polygonBounds(rings);
    for (const rect of rects) {
      if (disjoint(bounds, rect)) continue;
      // Most polygons are wholly in or out: only the ones on the edge pay for a real clip.
      if (contains(rect, bounds)) {
        out.push(rings);
        continue;
      }
      const window: ClipPolygon = [
        [
          [rect[0], rect[1]],
          [rect[2], rect[1]],
          [rect[2], rect[3]],
          [rect[0], rect[3]],
          [rect[0], rect[1]],
        ],
      ];
      const result: ClipMultiPolygon = polygonClipping.intersection(rings as ClipPolygon, window);
      out.push(...result);
    }
  }
  return out.length > 0 ? { type: 'MultiPolygon', coordinates: out } : null;
}

/** Liang–Barsky: the part of segment p→q inside the rectangle, as parameters along it, or null. */
function clipSegment(p: Position, q: Position, rect: Rect): [number, number] | null {
  const x0 = p[0] ?? 0;
  const y0 = p[1] ?? 0;
  const dx = (q[0] ?? 0) - x0;
  const dy = (q[1] ?? 0) - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x0 - rect[0]],
    [dx, rect[2] - x0],
    [-dy, y0 - rect[1]],
    [dy, rect[3] - y0],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return null;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}

const at = (p: Position, q: Position, t: number): Position => [
  (p[0] ?? 0) + t * ((q[0] ?? 0) - (p[0] ?? 0)),
  (p[1] ?? 0) + t * ((q[1] ?? 0) - (p[1] ?? 0)),
];

function clipLines(geometry: { type: 'LineString' | 'MultiLineString'; coordinates: Position[] | Position[][] }, rects: Rect[]): MultiLineString | null {
  const lines = (geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates) as Position[][];
  const out: Position[][] = [];
  for (const rect of rects) {
    for (const line of lines) {
      let current: Position[] = [];
      for (let i = 1; i < line.length; i++) {
        const p = line[i - 1] as Position;
        const q = line[i] as Position;
        const span = clipSegment(p, q, rect);
        if (!span) {
          if (current.length > 1) out.push(current);
          current = [];
          continue;
        }
        const start = span[0] === 0 ? p : at(p, q, span[0]);
        if (current.length === 0 || span[0] > 0) {
          if (current.length > 1) out.push(current);
          current = [start];
        }
        current.push(span[1] === 1 ? q : at(p, q, span[1]));
        if (span[1] < 1) {
          out.push(current);
          current = [];
        }
      }
      if (current.length > 1) out.push(current);
    }
  }
  return out.length > 0 ? { type: 'MultiLineString', coordinates: out } : null;
}
