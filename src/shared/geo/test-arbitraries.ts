import type { MultiPolygon, Polygon, Position } from 'geojson';
import fc from 'fast-check';

/**
 * Generators of valid AOI geometries for the property tests (test-only; nothing in the app imports
 * this). Star-shaped rings around a centre are simple by construction: angles strictly increase
 * and no gap between them exceeds ~0.7π (at least 5 vertices, evenly spread with jitter), so every
 * chord stays at least 0.4 × the smallest radius from the centre, and a hole smaller than that is
 * inside.
 */

function starRing(cx: number, cy: number, radii: number[], jitter: number[], clockwise: boolean): Position[] {
  const n = radii.length;
  const ring = radii.map((r, k): Position => {
    const angle = ((k + 0.8 * (jitter[k] ?? 0)) / n) * 2 * Math.PI;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
  if (clockwise) ring.reverse();
  ring.push([...(ring[0] as Position)]);
  return ring;
}

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** A valid polygon in canonical form (right-hand winding), optionally with one hole. */
export function polygonArb(options: { cx?: fc.Arbitrary<number>; cy?: fc.Arbitrary<number>; maxRadius?: number } = {}): fc.Arbitrary<Polygon> {
  const maxRadius = options.maxRadius ?? 5;
  return fc
    .record({
      cx: options.cx ?? fc.double({ min: -170, max: 170, noNaN: true }),
      cy: options.cy ?? fc.double({ min: -80, max: 80, noNaN: true }),
      n: fc.integer({ min: 5, max: 24 }),
      scale: fc.double({ min: 0.01, max: maxRadius, noNaN: true }),
      hole: fc.boolean(),
      seed: fc.array(unit, { minLength: 96, maxLength: 96 }),
    })
    .map(({ cx, cy, n, scale, hole, seed }) => {
      // Radii in [0.5, 1] × scale keep the ring star-shaped and far from the centre.
      const radii = seed.slice(0, n).map((s) => scale * (0.5 + 0.5 * s));
      const jitter = seed.slice(24, 24 + n);
      const rings = [starRing(cx, cy, radii, jitter, false)];
      if (hole) {
        const holeRadii = seed.slice(48, 53).map((s) => scale * (0.05 + 0.1 * s));
        rings.push(starRing(cx, cy, holeRadii, seed.slice(72, 77), true));
      }
      return { type: 'Polygon' as const, coordinates: rings };
    })
    .filter((p) => !hasRepeatedPositions(p.coordinates));
}

function hasRepeatedPositions(rings: Position[][]): boolean {
  return rings.some((ring) => {
    const keys = new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`));
    return keys.size !== ring.length - 1;
  });
}

/** 1–3 polygons in separate 20° cells, so members never touch. */
export const multiPolygonArb: fc.Arbitrary<MultiPolygon> = fc
  .uniqueArray(fc.integer({ min: 0, max: 7 * 16 - 1 }), { minLength: 1, maxLength: 3 })
  .chain((cells) =>
    fc.tuple(
      ...cells.map((cell) =>
        polygonArb({
          cx: fc.constant(-160 + 20 * (cell % 16)),
          cy: fc.constant(-60 + 20 * Math.floor(cell / 16)),
          maxRadius: 8,
        }),
      ),
    ),
  )
  .map((polygons) => ({ type: 'MultiPolygon' as const, coordinates: polygons.map((p) => p.coordinates) }));

export const aoiGeometryArb: fc.Arbitrary<Polygon | MultiPolygon> = fc.oneof(polygonArb(), multiPolygonArb);

/** AOIs as stored: a name and a canonical geometry. */
export const aoisArb = fc.array(
  fc.record({
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''),
    geometry: aoiGeometryArb,
  }),
  { minLength: 1, maxLength: 4 },
);
