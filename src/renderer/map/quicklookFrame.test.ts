import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { descendingHeading, quicklookCorners } from './quicklookFrame';
import type { LonLat } from './quicklookFrame';

const KM = 111.195;

/**
 * A strip as the provider sandbox builds it (src/sandbox/search/catalogue.ts): five points down each
 * long side, left side start→end then right side end→start, rewound counter-clockwise; and where
 * the sandbox's renderer puts the image's corners: row 0 at the start, column 0 left of travel.
 */
function strip(center: LonLat, headingDeg: number, widthKm: number, lengthKm: number) {
  const h = (headingDeg * Math.PI) / 180;
  const cos = Math.cos((center[1] * Math.PI) / 180);
  const at = (along: number, across: number): LonLat => [
    center[0] + (along * Math.sin(h) + across * Math.cos(h)) / (KM * cos),
    center[1] + (along * Math.cos(h) - across * Math.sin(h)) / KM,
  ];
  const left: LonLat[] = [];
  const right: LonLat[] = [];
  for (let k = 0; k <= 4; k++) {
    const along = -lengthKm / 2 + (lengthKm * k) / 4;
    left.push(at(along, -widthKm / 2));
    right.push(at(along, widthKm / 2));
  }
  const ring = [...right, ...left.reverse()];
  ring.push(ring[0] as LonLat);
  const expected = {
    topLeft: at(-lengthKm / 2, -widthKm / 2),
    topRight: at(-lengthKm / 2, widthKm / 2),
    bottomRight: at(lengthKm / 2, widthKm / 2),
    bottomLeft: at(lengthKm / 2, -widthKm / 2),
  };
  return { footprint: { type: 'Polygon', coordinates: [ring] } as Polygon, expected };
}

/** Image size as the sandbox picks it (longest side 512, aspect clamped to 1:4). */
function imageSize(widthKm: number, lengthKm: number): [number, number] {
  const aspect = Math.min(4, Math.max(0.25, widthKm / lengthKm));
  return aspect >= 1 ? [512, Math.round(512 / aspect)] : [Math.round(512 * aspect), 512];
}

function expectCorners(actual: ReturnType<typeof quicklookCorners>, expected: Record<string, LonLat>): void {
  expect(actual).not.toBeNull();
  for (const key of ['topLeft', 'topRight', 'bottomRight', 'bottomLeft'] as const) {
    expect(actual?.[key][0]).toBeCloseTo(expected[key]![0], 6);
    expect(actual?.[key][1]).toBeCloseTo(expected[key]![1], 6);
  }
}

describe('quicklookCorners', () => {
  it('puts the first row at the north end and column 0 left of travel (a long Pléiades strip)', () => {
    const heading = descendingHeading(43);
    const { footprint, expected } = strip([1.4, 43.6], heading, 20, 80);
    const [w, h] = imageSize(20, 80);
    const corners = quicklookCorners(footprint, w, h);
    expectCorners(corners, expected);
    // Heading south, left of travel is east: the image is mirrored relative to a north-up map.
    expect(corners!.topLeft[0]).toBeGreaterThan(corners!.topRight[0]);
    expect(corners!.topLeft[1]).toBeGreaterThan(corners!.bottomLeft[1]);
  });

  it('tells along from across by the track heading when the scene is square', () => {
    const heading = descendingHeading(62);
    const { footprint, expected } = strip([25, 62], heading, 61, 60);
    const [w, h] = imageSize(61, 60);
    expectCorners(quicklookCorners(footprint, w, h), expected);
  });

  it('follows the image shape when the scene is wider than long', () => {
    const { footprint, expected } = strip([-55, -25], descendingHeading(-25), 100, 40);
    const [w, h] = imageSize(100, 40);
    expectCorners(quicklookCorners(footprint, w, h), expected);
  });

  it('does not depend on where the ring starts or which way it turns', () => {
    const { footprint, expected } = strip([10, 50], descendingHeading(50), 30, 90);
    const ring = footprint.coordinates[0]!.slice(0, -1);
    const rotated = [...ring.slice(3), ...ring.slice(0, 3)];
    const reversed = [...rotated].reverse();
    const [w, h] = imageSize(30, 90);
    for (const r of [rotated, reversed]) {
      expectCorners(quicklookCorners({ type: 'Polygon', coordinates: [[...r, r[0]!]] }, w, h), expected);
    }
  });

  it('gives up on shapes that are not quadrilaterals', () => {
    expect(quicklookCorners({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] }, 10, 10)).toBeNull();
  });

  it('models the descending track: south-south-west at the equator, turning west towards the pole', () => {
    expect(descendingHeading(0)).toBeGreaterThan(185);
    expect(descendingHeading(0)).toBeLessThan(192);
    expect(descendingHeading(70)).toBeGreaterThan(descendingHeading(40));
  });
});
