/**
 * Footprint strips like the sandbox's: 10-vertex rotated rectangles clustered over western Europe,
 * from a seeded generator so every run draws the same ones. Shared by the footprint and workspace benches.
 */
export const seededRandom = (seed = 7): (() => number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

/** One strip: its closed ring and the lon/lat it was placed at (consumes five draws of `rnd`). */
export function stripRing(rnd: () => number): { ring: [number, number][]; lon: number; lat: number } {
  const lon = -5 + rnd() * 20;
  const lat = 40 + rnd() * 12;
  const width = 14 + rnd() * 50;
  const length = width * (1 + rnd() * 3);
  const h = ((190 + rnd() * 10) * Math.PI) / 180;
  const cos = Math.cos((lat * Math.PI) / 180);
  const at = (along: number, across: number): [number, number] => [
    lon + (along * Math.sin(h) + across * Math.cos(h)) / (111.2 * cos),
    lat + (along * Math.cos(h) - across * Math.sin(h)) / 111.2,
  ];
  const ring: [number, number][] = [];
  for (let k = 0; k <= 4; k++) ring.push(at(-length / 2 + (length * k) / 4, width / 2));
  for (let k = 4; k >= 0; k--) ring.push(at(-length / 2 + (length * k) / 4, -width / 2));
  ring.push(ring[0] as [number, number]);
  return { ring, lon, lat };
}
