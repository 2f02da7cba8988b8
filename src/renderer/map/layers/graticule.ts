import type { LineString } from 'ol/geom';
import Graticule from 'ol/layer/Graticule';
import { toLonLat } from 'ol/proj';
import type RenderEvent from 'ol/render/Event';
import Stroke from 'ol/style/Stroke';
import { apply as applyTransform } from 'ol/transform';
import type { Transform } from 'ol/transform';
import { BASEMAP_COLORS } from '../basemapLayer';
import { placeGraticuleLabels, visibleBox, type LabelLine, type Pixel } from './graticuleLabels';

const FONT_PX = 10;
const FONT = `500 ${FONT_PX}px system-ui, "Segoe UI", Roboto, sans-serif`;

export function formatDegrees(value: number, positive: string, negative: string): string {
  const abs = Math.abs(value);
  // Intervals are decimal, so at most three decimals are ever meaningful.
  const text = String(Number(abs.toFixed(3)));
  if (abs === 0 || abs === 180) return `${text}°`;
  return `${text}° ${value > 0 ? positive : negative}`;
}

const lonText = (lon: number) => formatDegrees(lon, 'E', 'W');
const latText = (lat: number) => formatDegrees(lat, 'N', 'S');

/** A line's constant coordinate (its longitude or latitude), read back from its middle point. */
function lineValue(line: LineString, projection: Parameters<typeof toLonLat>[1], index: 0 | 1): number {
  const coords = line.getCoordinates();
  const mid = coords[Math.floor(coords.length / 2)];
  if (!mid) return NaN;
  return Math.round(toLonLat(mid, projection)[index]! * 1e6) / 1e6;
}

function toPixels(line: LineString, transform: Transform): Pixel[] {
  return line.getCoordinates().map((c) => applyTransform(transform, [c[0]!, c[1]!]) as Pixel);
}

/**
 * Draws the labels (see graticuleLabels.ts for where they go) after the graticule's lines, straight
 * onto the layer's canvas: OpenLayers' own labels are switched off.
 */
function drawLabels(graticule: Graticule, event: RenderEvent): void {
  const context = event.context;
  const frame = event.frameState;
  if (!context || !('fillText' in context) || !frame) return;
  const projection = frame.viewState.projection;
  const transform = frame.coordinateToPixelTransform;
  const extent = projection.isGlobal() ? null : projection.getExtent();
  const corners: Pixel[] | null = extent
    ? [
        [extent[0]!, extent[1]!],
        [extent[0]!, extent[3]!],
        [extent[2]!, extent[1]!],
        [extent[2]!, extent[3]!],
      ].map((c) => applyTransform(transform, c) as Pixel)
    : null;
  const box = visibleBox(frame.size as [number, number], corners);
  const lines = (list: LineString[], index: 0 | 1): LabelLine[] =>
    list.map((line) => ({ value: lineValue(line, projection, index), points: toPixels(line, transform) })).filter((l) => Number.isFinite(l.value));
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.font = FONT;
  const measure = (text: string) => ({ width: context.measureText(text).width, height: FONT_PX + 2 });
  const placed = placeGraticuleLabels(lines(graticule.getMeridians(), 0), lines(graticule.getParallels(), 1), box, {
    lon: (v) => measure(lonText(v)),
    lat: (v) => measure(latText(v)),
  });
  const ratio = frame.pixelRatio;
  context.scale(ratio, ratio);
  context.textBaseline = 'top';
  context.lineJoin = 'round';
  context.lineWidth = 3;
  context.strokeStyle = BASEMAP_COLORS.labelHalo;
  context.fillStyle = BASEMAP_COLORS.label;
  for (const [labels, text] of [
    [placed.lon, lonText],
    [placed.lat, latText],
  ] as const) {
    for (const label of labels) {
      const t = text(label.value);
      context.strokeText(t, label.x, label.y + 1);
      context.fillText(t, label.x, label.y + 1);
    }
  }
  context.restore();
}

/**
 * Graticule with decimal-degree intervals (the default ones are arc-minutes, which read badly in a
 * decimal coordinate readout). Longitude labels run along the top, latitude labels along the right,
 * away from the scale bar (bottom left) and the zoom buttons (top left).
 */
export function createGraticuleLayer(): Graticule {
  const graticule = new Graticule({
    properties: { name: 'graticule' },
    strokeStyle: new Stroke({ color: BASEMAP_COLORS.graticule, width: 0.75 }),
    showLabels: false,
    wrapX: true,
    targetSize: 110,
    intervals: [90, 45, 30, 20, 10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001],
  });
  graticule.on('postrender', (event) => drawLabels(graticule, event));
  return graticule;
}
