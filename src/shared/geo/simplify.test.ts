import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaKm2, vertexCount } from './area';
import { simplifyToMaxVertices, type SimplifyResult } from './simplify';
import { checkAoiGeometry } from './validate';

/** A closed counter-clockwise ring of n vertices around (cx, cy), radius varying with `wobble`. */
function circle(cx: number, cy: number, r: number, n: number, wobble = (_a: number) => 1): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    ring.push([cx + r * wobble(a) * Math.cos(a), cy + r * wobble(a) * Math.sin(a)]);
  }
  ring.push([...(ring[0] as Position)]);
  return ring;
}

function success(result: SimplifyResult): Extract<SimplifyResult, { ok: true }> {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function expectValid(g: Polygon | MultiPolygon): void {
  expect(checkAoiGeometry(g)).toEqual({ ok: true, geometry: g, repairs: [] });
}

describe('simplifyToMaxVertices', () => {
  it('returns a geometry that already fits unchanged', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [circle(2, 48, 0.1, 50)] };
    expect(simplifyToMaxVertices(g)).toEqual({ ok: true, geometry: g, areaChangePercent: 0, verticesBefore: 51, verticesAfter: 51, droppedRings: 0 });
  });

  it('reduces a 5,000-vertex circle to ≤ 999 positions with a tiny area change', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [circle(2, 48, 0.2, 5000)] };
    const result = success(simplifyToMaxVertices(g));
    expect(result.verticesBefore).toBe(5001);
    expect(result.verticesAfter).toBeLessThanOrEqual(999);
    expect(vertexCount(result.geometry)).toBe(result.verticesAfter);
    expect(Math.abs(result.areaChangePercent)).toBeLessThan(0.01);
    const expected = ((geodesicAreaKm2(result.geometry) - geodesicAreaKm2(g)) / geodesicAreaKm2(g)) * 100;
    expect(result.areaChangePercent).toBeCloseTo(expected, 10);
    expectValid(result.geometry);
  });

  it('honours small budgets and keeps a hole inside its shell', () => {
    const shell = circle(10, 10, 1, 2000, (a) => 1 + 0.05 * Math.sin(40 * a));
    const hole = circle(10, 10, 0.9, 1000, (a) => 1 + 0.05 * Math.cos(37 * a)).reverse();
    const result = success(simplifyToMaxVertices({ type: 'Polygon', coordinates: [shell, hole] }, 60));
    expect(result.verticesAfter).toBeLessThanOrEqual(60);
    expect((result.geometry as Polygon).coordinates).toHaveLength(2);
    expectValid(result.geometry);
  });

  it('never makes a comb with narrow gaps self-intersect', () => {
    // Teeth 0.01° apart with a deep, jagged outline: naive simplification bridges the gaps.
    const ring: Position[] = [[0, 0], [10, 0]];
    for (let t = 49; t >= 0; t--) {
      const x0 = t * 0.2;
      for (let k = 0; k <= 20; k++) ring.push([x0 + 0.19 - 0.0005 * (k % 2), 1 + k * 0.2]);
      for (let k = 20; k >= 0; k--) ring.push([x0 + 0.01 + 0.0005 * (k % 2), 1 + k * 0.2]);
    }
    ring.push([0, 0]);
    const g: Polygon = { type: 'Polygon', coordinates: [ring] };
    expectValid(g);
    for (const max of [999, 400, 250]) {
      const result = success(simplifyToMaxVertices(g, max));
      expect(result.verticesAfter).toBeLessThanOrEqual(max);
      expectValid(result.geometry);
    }
  });

  it('drops the smallest rings when the budget cannot hold every ring', () => {
    const islands = Array.from({ length: 300 }, (_, i) => [circle((i % 20) * 2, Math.floor(i / 20) * 2, 0.2 + (i === 7 ? 0.5 : 0), 8)]);
    const result = success(simplifyToMaxVertices({ type: 'MultiPolygon', coordinates: islands }, 999));
    expect(result.droppedRings).toBeGreaterThanOrEqual(300 - 249);
    expect(result.verticesAfter).toBeLessThanOrEqual(999);
    expect(result.areaChangePercent).toBeLessThan(0);
    // The big island is kept.
    const big = (result.geometry as MultiPolygon).coordinates.filter((p) => geodesicAreaKm2({ type: 'Polygon', coordinates: p }) > 10_000);
    expect(big).toHaveLength(1);
    expectValid(result.geometry);
  });

  it('refuses invalid input and impossible budgets', () => {
    expect(simplifyToMaxVertices({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }).ok).toBe(false);
    expect(simplifyToMaxVertices({ type: 'Polygon', coordinates: [circle(0, 0, 1, 10)] }, 3).ok).toBe(false);
  });

  it('always yields a valid geometry within budget for random wiggly polygons', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 1500 }),
        fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 3, max: 120 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 8, max: 300 }),
        (n, amps, freqs, max) => {
          const wobble = (a: number): number => 1 + amps.reduce((s, amp, i) => s + amp * Math.sin((freqs[i] ?? 1) * a) / 3, 0);
          const g: Polygon = { type: 'Polygon', coordinates: [circle(0, 0, 1, n, wobble)] };
          if (!checkAoiGeometry(g).ok) return;
          const result = simplifyToMaxVertices(g, max);
          if (!result.ok) return;
          expect(result.verticesAfter).toBeLessThanOrEqual(max);
          expectValid(result.geometry);
        },
      ),
      { numRuns: 40 },
    );
  });
});
