import type { Position } from 'geojson';

/**
 * A linear-time antimeridian cut for basemap fills. The general one (shared/geo/antimeridian) clips
 * with polygon-clipping, exact but seconds long for Natural Earth 10m Russia (23k vertices across
 * Chukotka). A basemap fill only needs the right pixels: each ring is unwrapped (every step the
 * short way), then clipped to each world copy's [-180, 180] strip with Sutherland–Hodgman (one pass
 * per strip edge) and shifted home. Concave parts may leave zero-width slivers along ±180, which a
 * fill does not show (outlines come from the topology's arcs, not from these rings). Rings around a
 * pole (Antarctica) need closing through it: null tells the caller to use the general cut.
 */
export function splitPolygonFast(rings: Position[][]): Position[][][] | null {
  const outer = rings[0];
  if (!outer || outer.length < 4) return null;
  const unwrapped = rings.map(unwrap);
  const reference = unwrapped[0]![0]![0]!;
  // Holes join the outer ring's world copy.
  for (const ring of unwrapped.slice(1)) shift(ring, 360 * Math.round((reference - ring[0]![0]!) / 360));
  const lons = unwrapped[0]!.map((p) => p[0]!);
  const min = Math.min(...lons);
  const max = Math.max(...lons);
  if (max - min >= 360) return null;
  const out: Position[][][] = [];
  for (let k = Math.floor((min + 180) / 360); k <= Math.floor((max + 180) / 360); k++) {
    const west = -180 + 360 * k;
    const pieces = unwrapped.map((ring) => clipX(clipX(ring, west, 1), west + 360, -1));
    if (pieces[0]!.length < 4) continue;
    const polygon = pieces.filter((r) => r.length >= 4).map((r) => r.map(([x, y]) => [x! - 360 * k, y!] as Position));
    out.push(polygon);
  }
  return out;
}

function unwrap(ring: Position[]): Position[] {
  const out: Position[] = [];
  let prev: number | undefined;
  for (const [lon = 0, lat = 0] of ring) {
    let x = lon;
    if (prev !== undefined) x = prev + ((((lon - prev + 180) % 360) + 360) % 360) - 180;
    out.push([x, lat]);
    prev = x;
  }
  return out;
}

function shift(ring: Position[], dx: number): void {
  if (dx === 0) return;
  for (const p of ring) p[0] = p[0]! + dx;
}

/** Keeps the part of a closed ring on one side of x = edge (side 1: x ≥ edge, -1: x ≤ edge). */
function clipX(ring: Position[], edge: number, side: 1 | -1): Position[] {
  const inside = (p: Position) => side * (p[0]! - edge) >= 0;
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i]!;
    const q = ring[i + 1]!;
    const pin = inside(p);
    const qin = inside(q);
    if (pin) out.push(p);
    if (pin !== qin) {
      const t = (edge - p[0]!) / (q[0]! - p[0]!);
      out.push([edge, p[1]! + t * (q[1]! - p[1]!)]);
    }
  }
  if (out.length > 0) out.push(out[0]!);
  return out;
}
