import { describe, expect, it } from 'vitest';
import { AOI_COLORS } from './aoiLayer';
import { UNKNOWN_INCIDENCE_BUCKET } from './incidenceColours';
import {
  ATTEMPT_FILL_LIMIT,
  attemptFillAlpha,
  attemptStyle,
  attemptWeight,
  FEASIBILITY_COLOURS,
  feasibilityKind,
  feasibilityStyle,
  SEGMENT_WEIGHT,
  segmentKind,
  segmentStyle,
} from './taskingStyles';
import type { Style } from 'ol/style';

const dashed = (styles: Style[]): boolean => styles.some((s) => (s.getStroke()?.getLineDash()?.length ?? 0) > 0);
const filled = (styles: Style[]): boolean => styles.some((s) => s.getFill() !== null);

describe('attempt styles', () => {
  it('shares one style per bucket, expiry and fill level', () => {
    expect(attemptStyle(1, false, 0.05)).toBe(attemptStyle(1, false, 0.05));
    expect(attemptStyle(1, true, 0.05)).not.toBe(attemptStyle(1, false, 0.05));
  });

  it('draws an expired attempt dashed and unfilled, a live one filled and solid', () => {
    expect(dashed(attemptStyle(0, true, 0.1))).toBe(true);
    expect(filled(attemptStyle(0, true, 0.1))).toBe(false);
    expect(dashed(attemptStyle(0, false, 0.1))).toBe(false);
    expect(filled(attemptStyle(UNKNOWN_INCIDENCE_BUCKET, false, 0.1))).toBe(true);
  });

  it('thins the fill as attempts stack up, within bounds', () => {
    expect(attemptFillAlpha(1)).toBeGreaterThan(attemptFillAlpha(10));
    expect(attemptFillAlpha(10)).toBeGreaterThan(attemptFillAlpha(30));
    expect(attemptFillAlpha(0)).toBe(attemptFillAlpha(1));
    // 30 stacked attempts stay well short of opaque.
    expect(1 - (1 - attemptFillAlpha(30)) ** 30).toBeLessThan(0.45);
    expect(attemptFillAlpha(ATTEMPT_FILL_LIMIT)).toBeGreaterThan(0);
    // Past the limit a fill would be invisible, and is left out.
    expect(attemptFillAlpha(ATTEMPT_FILL_LIMIT + 1)).toBe(0);
    expect(filled(attemptStyle(0, false, 0))).toBe(false);
  });

  it('puts expired attempts under live ones and near-nadir ones on top', () => {
    expect(attemptWeight(3, false)).toBeGreaterThan(attemptWeight(0, true));
    expect(attemptWeight(0, false)).toBeGreaterThan(attemptWeight(3, false));
  });
});

describe('feasibility styles', () => {
  it('classifies the answer, "not available" whatever its classification', () => {
    expect(feasibilityKind('EASY', true)).toBe('easy');
    expect(feasibilityKind('CHALLENGING', true)).toBe('challenging');
    expect(feasibilityKind(null, true)).toBe('available');
    expect(feasibilityKind('EASY', false)).toBe('unavailable');
  });

  it('dashes "not available" only and labels the AOI with the answer', () => {
    expect(dashed([feasibilityStyle('unavailable', 'x').area])).toBe(true);
    expect(dashed([feasibilityStyle('easy', 'x').area])).toBe(false);
    expect(feasibilityStyle('easy', 'Feasibility: EASY').label.getText()?.getText()).toBe('Feasibility: EASY');
    expect(feasibilityStyle('easy', 'a')).toBe(feasibilityStyle('easy', 'a'));
  });

  it('never uses the AOI layer colour', () => {
    const aoi = AOI_COLORS.active.toLowerCase();
    for (const { rgb } of Object.values(FEASIBILITY_COLOURS)) expect(`#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`).not.toBe(aoi);
  });
});

describe('segment styles', () => {
  it('maps provider statuses to kinds, case-insensitively', () => {
    expect(['Proposed', 'VALIDATED', 'Refused', 'Planned', ' proposed '].map(segmentKind)).toEqual(['proposed', 'validated', 'refused', 'other', 'proposed']);
  });

  it('makes proposed stand out, refused faded and dashed', () => {
    expect(filled(segmentStyle('proposed'))).toBe(true);
    expect(dashed(segmentStyle('refused'))).toBe(true);
    expect(filled(segmentStyle('refused'))).toBe(false);
    expect(SEGMENT_WEIGHT.proposed).toBeGreaterThan(SEGMENT_WEIGHT.validated);
    expect(SEGMENT_WEIGHT.refused).toBeLessThan(SEGMENT_WEIGHT.other);
  });
});
