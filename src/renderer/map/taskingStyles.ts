import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import Text from 'ol/style/Text';
import { INCIDENCE_BUCKETS, incidenceRgba } from './incidenceColours';

/**
 * Styles of the tasking layers (attempts, feasibility, segments). As for footprints, the many share
 * a few cached Style objects (one per bucket or status), so drawing hundreds of attempts or 10,000
 * segments never allocates styles; hovered and selected ones are redrawn on a small layer above with
 * the archive's emphasis styles (footprintStyles.ts), so "hovered" and "selected" look the same in
 * every section.
 *
 * Colours are Okabe–Ito or viridis (incidenceColours.ts), and every distinction that matters also
 * has a non-hue cue: expired attempts and refused segments are dashed and faded, a proposed segment
 * is thicker and filled, a feasibility that is not available is dashed.
 */

const HALO = 'rgba(255, 255, 255, 0.7)';

// ---- Attempts: coloured by incidence bucket ----

/** Past this many attempts the fills are left out: each would be too faint to see, yet still cost a full rasterisation. */
export const ATTEMPT_FILL_LIMIT = 40;

/**
 * Fill opacity of one attempt when `count` are shown. Attempts of one answer all cover the same AOI,
 * so their fills stack there: the opacity shrinks with the count to keep the stack near a third
 * opaque (the basemap stays readable); outlines carry the colour. 0 (no fill) past ATTEMPT_FILL_LIMIT.
 * Quantised so styles stay cached.
 */
export function attemptFillAlpha(count: number): number {
  if (count > ATTEMPT_FILL_LIMIT) return 0;
  const alpha = Math.min(0.14, 0.4 / Math.max(1, count));
  return Math.round(alpha * 1000) / 1000;
}

const attemptCache = new Map<string, Style[]>();

/** One attempt's style: its bucket's outline over a light halo and a faint fill; an expired one dashed and faded. */
export function attemptStyle(bucket: number, expired: boolean, fillAlpha: number): Style[] {
  const key = `${bucket}|${expired ? 1 : 0}|${fillAlpha}`;
  let styles = attemptCache.get(key);
  if (!styles) {
    if (attemptCache.size > 200) attemptCache.clear();
    styles = expired
      ? [new Style({ stroke: new Stroke({ color: incidenceRgba(bucket, 0.55), width: 1.2, lineDash: [5, 5] }) })]
      : [
          new Style({ stroke: new Stroke({ color: HALO, width: 3.6 }), ...(fillAlpha > 0 ? { fill: new Fill({ color: incidenceRgba(bucket, fillAlpha) }) } : {}) }),
          new Style({ stroke: new Stroke({ color: incidenceRgba(bucket, 0.95), width: 1.6 }) }),
        ];
    attemptCache.set(key, styles);
  }
  return styles;
}

/** Drawing order weight: expired under the rest, then oblique under near-nadir (the better ones on top). */
export function attemptWeight(bucket: number, expired: boolean): number {
  return (expired ? 0 : 100) + (INCIDENCE_BUCKETS.length - bucket);
}

// ---- Feasibility: the AOI coloured by classification ----

export type FeasibilityKind = 'easy' | 'challenging' | 'available' | 'unavailable';

export const FEASIBILITY_COLOURS: Record<FeasibilityKind, { rgb: readonly [number, number, number]; dashed: boolean }> = {
  easy: { rgb: [0, 158, 115], dashed: false }, // Okabe–Ito bluish green
  // Yellow rather than amber: an amber band beside the active AOI's orange line read as one orange ring.
  challenging: { rgb: [222, 190, 0], dashed: false },
  available: { rgb: [0, 114, 178], dashed: false }, // Okabe–Ito blue: available, no classification given
  unavailable: { rgb: [178, 24, 43], dashed: true }, // dark red, dashed: never hue alone
};

export function feasibilityKind(classification: 'EASY' | 'CHALLENGING' | null, available: boolean): FeasibilityKind {
  if (!available) return 'unavailable';
  if (classification === 'EASY') return 'easy';
  if (classification === 'CHALLENGING') return 'challenging';
  return 'available';
}

const rgba = (rgb: readonly number[], alpha: number): string => `rgba(${rgb.join(', ')}, ${alpha})`;

/**
 * Pixels from the AOI's edge to the middle of the feasibility band. OpenLayers draws polygons with
 * their rings oriented one way (getOrientedFlatCoordinates), so on screen a negative offset is outside.
 */
const BAND_OFFSET = -5;

const feasibilityCache = new Map<string, { area: Style; label: Style }>();

/**
 * A band just outside the AOI's edge and a tinted fill (`area`), and the answer as a label below the
 * AOI's name (`label`, drawn on a layer above the attempts so no outline crosses it). The AOI layer
 * draws its own line on the edge itself, so the two never hide or look like each other.
 */
export function feasibilityStyle(kind: FeasibilityKind, label: string): { area: Style; label: Style } {
  const key = `${kind}|${label}`;
  let styles = feasibilityCache.get(key);
  if (!styles) {
    if (feasibilityCache.size > 20) feasibilityCache.clear();
    const { rgb, dashed } = FEASIBILITY_COLOURS[kind];
    styles = {
      area: new Style({
        fill: new Fill({ color: rgba(rgb, 0.2) }),
        // Offset outwards, so the band rings the AOI's own line instead of hiding under it.
        stroke: new Stroke({ color: rgba(rgb, 0.85), width: 6, offset: BAND_OFFSET, ...(dashed ? { lineDash: [12, 7] } : {}) }),
      }),
      label: new Style({
        text: new Text({
          text: label,
          font: '600 12px system-ui, "Segoe UI", Roboto, sans-serif',
          fill: new Fill({ color: '#ffffff' }),
          stroke: new Stroke({ color: rgba(rgb.map((c) => Math.round(c * 0.6)), 0.95), width: 4 }),
          offsetY: 20,
          overflow: true,
        }),
      }),
    };
    feasibilityCache.set(key, styles);
  }
  return styles;
}

// ---- Segments: styled by status; the tasking's AOI as an outline ----

export type SegmentKind = 'proposed' | 'validated' | 'refused' | 'other';

/** Proposed (waiting for the user), Validated, Refused, or anything else the provider says. */
export function segmentKind(status: string): SegmentKind {
  const s = status.trim().toLowerCase();
  if (s === 'proposed') return 'proposed';
  if (s === 'validated' || s === 'accepted') return 'validated';
  if (s === 'refused' || s === 'rejected') return 'refused';
  return 'other';
}

export const SEGMENT_COLOURS = {
  proposed: '#e69f00', // Okabe–Ito orange: asks for a decision
  validated: '#0072b2', // Okabe–Ito blue
  refused: 'rgba(110, 110, 110, 0.6)',
  other: 'rgba(60, 70, 85, 0.8)',
  taskingAoi: '#332288', // Tol indigo: not the AOI layer's orange or slate
} as const;

const segmentStyles: Record<SegmentKind, Style[]> = {
  proposed: [
    new Style({ stroke: new Stroke({ color: HALO, width: 4.5 }), fill: new Fill({ color: 'rgba(230, 159, 0, 0.22)' }) }),
    new Style({ stroke: new Stroke({ color: SEGMENT_COLOURS.proposed, width: 2.5 }) }),
  ],
  validated: [
    new Style({ stroke: new Stroke({ color: HALO, width: 3.2 }), fill: new Fill({ color: 'rgba(0, 114, 178, 0.12)' }) }),
    new Style({ stroke: new Stroke({ color: SEGMENT_COLOURS.validated, width: 1.6 }) }),
  ],
  refused: [new Style({ stroke: new Stroke({ color: SEGMENT_COLOURS.refused, width: 1, lineDash: [4, 4] }) })],
  other: [new Style({ stroke: new Stroke({ color: SEGMENT_COLOURS.other, width: 1.2 }) })],
};

export function segmentStyle(kind: SegmentKind): Style[] {
  return segmentStyles[kind];
}

/** Refused under the rest, proposed (the ones to decide on) on top. */
export const SEGMENT_WEIGHT: Record<SegmentKind, number> = { refused: 0, other: 1, validated: 2, proposed: 3 };

export const taskingAoiStyle: Style[] = [
  new Style({ stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.85)', width: 5 }) }),
  new Style({ stroke: new Stroke({ color: SEGMENT_COLOURS.taskingAoi, width: 2.2 }) }),
];
