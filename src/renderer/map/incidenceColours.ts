/**
 * The incidence-angle ramp shared by the attempts layer and the Tasking panel (list swatches, the
 * timeline, a legend), so a colour means the same angle everywhere.
 *
 * Sequential and colour-blind safe: four samples of viridis, whose lightness rises monotonically from
 * near-nadir (deep purple) to oblique (yellow), so the order survives every common colour deficiency
 * and greyscale. Viridis' last step (#fde725) vanishes as an outline on a pale basemap, so the
 * oblique bucket uses a darker yellow that is still lighter than the step before. Unknown is grey.
 */

export interface IncidenceBucket {
  /** Legend text, e.g. "10–20°". */
  label: string;
  /** Opaque CSS colour (hex) for swatches and outlines. */
  colour: string;
  /** The same colour as `r, g, b`, for translucent fills. */
  rgb: readonly [number, number, number];
}

/** Upper bounds (inclusive, degrees) of the buckets: ≤ 30° is the standard angle, beyond it the extended one. */
export const INCIDENCE_LIMITS = [10, 20, 30] as const;

/** Buckets in order: ≤ 10°, 10–20°, 20–30°, > 30°, then unknown. */
export const INCIDENCE_BUCKETS: readonly IncidenceBucket[] = [
  { label: '0–10°', colour: '#440154', rgb: [68, 1, 84] },
  { label: '10–20°', colour: '#31688e', rgb: [49, 104, 142] },
  { label: '20–30°', colour: '#35b779', rgb: [53, 183, 121] },
  { label: '> 30°', colour: '#d9c21a', rgb: [217, 194, 26] },
  { label: 'unknown', colour: '#8c9096', rgb: [140, 144, 150] },
];

export const UNKNOWN_INCIDENCE_BUCKET = INCIDENCE_BUCKETS.length - 1;

/**
 * Bucket index of an incidence angle in degrees (0 = nearest nadir). Upper bounds are inclusive
 * (exactly 30° is still standard); a signed angle counts by its size; null, NaN → unknown.
 */
export function incidenceBucket(angle: number | null | undefined): number {
  if (angle === null || angle === undefined || !Number.isFinite(angle)) return UNKNOWN_INCIDENCE_BUCKET;
  const size = Math.abs(angle);
  const index = INCIDENCE_LIMITS.findIndex((limit) => size <= limit);
  return index === -1 ? INCIDENCE_LIMITS.length : index;
}

/** The bucket of an angle (see incidenceBucket). */
export function incidenceBucketOf(angle: number | null | undefined): IncidenceBucket {
  return INCIDENCE_BUCKETS[incidenceBucket(angle)] as IncidenceBucket;
}

/** Swatch colour of an angle, as the attempts layer draws it. */
export function incidenceColour(angle: number | null | undefined): string {
  return incidenceBucketOf(angle).colour;
}

/** `rgba()` of a bucket's colour at an opacity. */
export function incidenceRgba(bucket: number, alpha: number): string {
  const { rgb } = INCIDENCE_BUCKETS[bucket] ?? (INCIDENCE_BUCKETS[UNKNOWN_INCIDENCE_BUCKET] as IncidenceBucket);
  return `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})`;
}
