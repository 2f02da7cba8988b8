import type { Polygon } from 'geojson';
import { openRing, positionsBbox, quicklookCorners } from './quicklookFrame';
import type { LonLat } from './quicklookFrame';

/**
 * Resamples a quicklook from its scene frame into a north-up lon/lat (EPSG:4326) image covering the
 * footprint's box, transparent outside the footprint. OpenLayers then reprojects that like any
 * EPSG:4326 image into whatever CRS the view uses. Done once per quicklook, so panning costs
 * nothing extra. The sandbox's pixel grid is affine in lon/lat around the scene centre; two affine
 * triangles through the four footprint corners follow it, and absorb a slightly bent track.
 */

export interface WarpedQuicklook {
  canvas: HTMLCanvasElement;
  /** [w, s, e, n] degrees of the canvas; e may exceed 180 for a footprint across the antimeridian. */
  extent: [number, number, number, number];
}

/** Longest side of the resampled image: enough for a 1024 px quicklook, bounded memory. */
const MAX_SIDE = 2048;

type Point = [number, number];

/** Affine canvas transform mapping image points i0, i1, i2 onto canvas points p0, p1, p2. */
function affine(i: [Point, Point, Point], p: [Point, Point, Point]): [number, number, number, number, number, number] | null {
  const [[x0, y0], [x1, y1], [x2, y2]] = i;
  const det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (Math.abs(det) < 1e-12) return null;
  const [[u0, v0], [u1, v1], [u2, v2]] = p;
  const a = ((u1 - u0) * (y2 - y0) - (u2 - u0) * (y1 - y0)) / det;
  const c = ((u2 - u0) * (x1 - x0) - (u1 - u0) * (x2 - x0)) / det;
  const b = ((v1 - v0) * (y2 - y0) - (v2 - v0) * (y1 - y0)) / det;
  const d = ((v2 - v0) * (x1 - x0) - (v1 - v0) * (x2 - x0)) / det;
  return [a, b, c, d, u0 - a * x0 - c * y0, v0 - b * x0 - d * y0];
}

/** A triangle grown by `px` away from its centroid: neighbouring triangles overlap, so no hairline seam. */
function grown(t: [Point, Point, Point], px: number): Point[] {
  const cx = (t[0][0] + t[1][0] + t[2][0]) / 3;
  const cy = (t[0][1] + t[1][1] + t[2][1]) / 3;
  return t.map(([x, y]) => {
    const len = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / len) * px, y + ((y - cy) / len) * px];
  });
}

function drawTriangle(ctx: CanvasRenderingContext2D, image: CanvasImageSource, src: [Point, Point, Point], dst: [Point, Point, Point]): void {
  const m = affine(src, dst);
  if (!m) return;
  ctx.save();
  ctx.beginPath();
  for (const [x, y] of grown(dst, 1)) ctx.lineTo(x, y);
  ctx.closePath();
  ctx.clip();
  ctx.setTransform(...m);
  ctx.drawImage(image, 0, 0);
  ctx.restore();
}

export function warpQuicklook(image: HTMLImageElement | HTMLCanvasElement, footprint: Polygon): WarpedQuicklook | null {
  const iw = image.width;
  const ih = image.height;
  const ring = openRing(footprint);
  if (ring.length < 3 || !(iw > 0 && ih > 0)) return null;
  const corners = quicklookCorners(footprint, iw, ih);
  const [w, s, e, n] = positionsBbox(corners ? [...ring, corners.topLeft, corners.topRight, corners.bottomRight, corners.bottomLeft] : ring);
  if (!(e > w && n > s)) return null;
  const scale = Math.min(MAX_SIDE, 1.5 * Math.max(iw, ih)) / Math.max(e - w, n - s);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round((e - w) * scale));
  canvas.height = Math.max(1, Math.round((n - s) * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const toPx = ([lon, lat]: LonLat): Point => [(lon - w) * scale, (n - lat) * scale];
  ctx.imageSmoothingQuality = 'high';
  if (corners) {
    const [tl, tr, br, bl] = [corners.topLeft, corners.topRight, corners.bottomRight, corners.bottomLeft].map(toPx) as [Point, Point, Point, Point];
    drawTriangle(ctx, image, [[0, 0], [iw, 0], [0, ih]], [tl, tr, bl]);
    drawTriangle(ctx, image, [[iw, ih], [0, ih], [iw, 0]], [br, bl, tr]);
  } else {
    // Not a four-cornered strip: the only honest guess left is north-up over the footprint's box.
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  }
  // Keep only what lies inside the footprint (its edges may bend between the corners).
  ctx.globalCompositeOperation = 'destination-in';
  ctx.beginPath();
  for (const p of ring) ctx.lineTo(...toPx(p));
  ctx.closePath();
  ctx.fill();
  return { canvas, extent: [w, s, e, n] };
}
