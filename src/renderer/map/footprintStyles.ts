import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';

/**
 * Footprint styles. Thousands of footprints share a handful of Style objects: one per cloud bucket
 * and one per emphasis state, built once, so a render never allocates styles.
 *
 * Cloud cover is encoded by lightness and saturation, not hue alone (colour-blind safe): a clear
 * scene is a strong blue outline, a cloudy one fades to a thin grey. Emphasis uses shape as well as
 * colour: hover is a thick dark line with a white halo, selection adds a yellow fill, the basket a
 * dashed purple line (Okabe–Ito colours, which stay distinct under every common colour deficiency).
 */

/** Upper bounds (inclusive, %) of the cloud buckets; `null` cloud cover gets its own bucket. */
export const CLOUD_BUCKET_LIMITS = [10, 25, 50, 75, 100] as const;
export const UNKNOWN_CLOUD_BUCKET = CLOUD_BUCKET_LIMITS.length;

/** Bucket index of a cloud cover in percent (0 = clearest); unknown or invalid → `UNKNOWN_CLOUD_BUCKET`. */
export function cloudBucket(cloudCover: number | null): number {
  if (cloudCover === null || !Number.isFinite(cloudCover)) return UNKNOWN_CLOUD_BUCKET;
  const clamped = Math.min(100, Math.max(0, cloudCover));
  const index = CLOUD_BUCKET_LIMITS.findIndex((limit) => clamped <= limit);
  return index === -1 ? CLOUD_BUCKET_LIMITS.length - 1 : index;
}

const CLEAR: readonly [number, number, number] = [0, 95, 178]; // Okabe–Ito blue, slightly deepened
const CLOUDY: readonly [number, number, number] = [150, 155, 162]; // neutral grey

export interface RampStep {
  /** rgba() of the outline. */
  stroke: string;
  /** The same colour as numbers (0–255, alpha 0–1), for the WebGL layer. */
  rgba: readonly [number, number, number, number];
  width: number;
  dashed: boolean;
}

/** The ramp step of a bucket: colour from blue to grey, opacity and width falling with cloud. */
export function rampStep(bucket: number): RampStep {
  if (bucket >= UNKNOWN_CLOUD_BUCKET) {
    return { stroke: 'rgba(110, 110, 110, 0.6)', rgba: [110, 110, 110, 0.6], width: 1, dashed: true };
  }
  const t = bucket / (CLOUD_BUCKET_LIMITS.length - 1);
  const mix = (i: 0 | 1 | 2): number => Math.round((CLEAR[i] ?? 0) + ((CLOUDY[i] ?? 0) - (CLEAR[i] ?? 0)) * t);
  const alpha = Number((0.85 - 0.5 * t).toFixed(2));
  return { stroke: `rgba(${mix(0)}, ${mix(1)}, ${mix(2)}, ${alpha.toFixed(2)})`, rgba: [mix(0), mix(1), mix(2), alpha], width: 1.4 - 0.6 * t, dashed: false };
}

const bucketStyles: readonly Style[] = Array.from({ length: UNKNOWN_CLOUD_BUCKET + 1 }, (_, bucket) => {
  const step = rampStep(bucket);
  // Outlines only: hit testing uses the spatial index, not pixels, and thousands of overlapping
  // fills (even faint ones) add up to one opaque blob that hides the basemap and the ramp.
  return new Style({
    stroke: new Stroke({ color: step.stroke, width: step.width, ...(step.dashed ? { lineDash: [3, 3] } : {}) }),
  });
});

export function bucketStyle(bucket: number): Style {
  return bucketStyles[bucket] ?? (bucketStyles[UNKNOWN_CLOUD_BUCKET] as Style);
}

export const EMPHASIS_COLORS = {
  hover: '#111418',
  halo: 'rgba(255, 255, 255, 0.95)',
  selected: '#f0e442',
  selectedFill: 'rgba(240, 228, 66, 0.16)',
  selectedEdge: '#3d3a00',
  basket: '#cc79a7',
} as const;

const halo = (width: number): Style => new Style({ stroke: new Stroke({ color: EMPHASIS_COLORS.halo, width }) });

/** Bit flags of a footprint's emphasis state; every combination has one cached style array. */
export const HOVERED = 1;
export const SELECTED = 2;
export const IN_BASKET = 4;

function buildEmphasis(state: number): Style[] {
  const styles: Style[] = [];
  if (state & SELECTED) {
    // Dark edge under the yellow line keeps it visible on a bright quicklook or pale basemap.
    styles.push(
      new Style({ fill: new Fill({ color: EMPHASIS_COLORS.selectedFill }), stroke: new Stroke({ color: EMPHASIS_COLORS.selectedEdge, width: 5.5 }) }),
      new Style({ stroke: new Stroke({ color: EMPHASIS_COLORS.selected, width: 3 }) }),
    );
  } else if (state & HOVERED) {
    styles.push(halo(5), new Style({ stroke: new Stroke({ color: EMPHASIS_COLORS.hover, width: 2.5 }) }));
  } else if (state & IN_BASKET) {
    styles.push(halo(4));
  }
  if (state & IN_BASKET) {
    styles.push(new Style({ stroke: new Stroke({ color: EMPHASIS_COLORS.basket, width: 2.5, lineDash: [8, 5] }) }));
  }
  if (state & SELECTED && state & HOVERED) {
    // A hovered selection gets a thin dark inner line so hover feedback never disappears.
    styles.push(new Style({ stroke: new Stroke({ color: EMPHASIS_COLORS.hover, width: 1 }) }));
  }
  return styles;
}

const emphasisStyles: readonly Style[][] = Array.from({ length: 8 }, (_, state) => buildEmphasis(state));

export function emphasisStyle(state: number): Style[] {
  return emphasisStyles[state & 7] ?? [];
}
