import { z } from 'zod';

/**
 * Footprints as providers send them. Scene.footprint is a single Polygon (EPSG:4326); a MultiPolygon
 * footprint (a strip split at the antimeridian) keeps its largest part so the scene still draws.
 */

const Position = z.array(z.number()).min(2);
const Ring = z.array(Position).min(4);
export const FootprintSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);

type Pair = [number, number];

/** Planar shoelace area in degrees²: only used to compare the parts of one footprint. */
function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

export function toFootprint(g: z.infer<typeof FootprintSchema>): { type: 'Polygon'; coordinates: Pair[][] } {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.reduce((best, p) => (ringArea(p[0] ?? []) > ringArea(best[0] ?? []) ? p : best));
  return { type: 'Polygon', coordinates: rings.map((r) => r.map((p) => [p[0] ?? 0, p[1] ?? 0] as Pair)) };
}
