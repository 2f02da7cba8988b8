import type { MultiPolygon, Polygon, Position } from 'geojson';
import { findContacts } from '../geo/intersections';
import { formatPoint } from '../geo/issues';
import { PROGRAMMING_PROVIDER_INFO, RESOLUTIONS, resolutionLabel, resolutionOf, resolutionsOf, type ProgrammingDraft, type ProgrammingProvider, type Recurrence } from './programming';

/**
 * The local rules an Origen programming order must pass before anything is sent, each refusal one
 * sentence with the draft field it concerns. The form shows them as the user types; main applies the
 * same functions before the create call (src/main/services/programming/rules.ts), so they cannot disagree.
 */
export interface ProgrammingProblem {
  field: string;
  message: string;
}

const problem = (field: string, message: string): ProgrammingProblem => ({ field, message });
const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function resolutionProblem(provider: ProgrammingProvider, resolutionType: number): ProgrammingProblem | null {
  const wanted = resolutionOf(resolutionType);
  const offered = resolutionsOf(provider).map(resolutionLabel).join('; ');
  const who = PROGRAMMING_PROVIDER_INFO[provider].label;
  if (!wanted) return problem('resolutionType', `Resolution type ${resolutionType} does not exist: the guide numbers them 1 to ${RESOLUTIONS.length}. ${who} offers ${offered}.`);
  if (wanted.provider === provider) return null;
  const owner = PROGRAMMING_PROVIDER_INFO[wanted.provider];
  return problem(
    'resolutionType',
    `${resolutionLabel(wanted)} is ${/^[aeiou]/i.test(owner.sensor) ? 'an' : 'a'} ${owner.sensor} mode of ${owner.label}; ${who} offers ${offered}. Choose one of those, or switch the provider.`,
  );
}

/** A window that starts in the future and ends after it starts. */
export function windowProblem(start: string, end: string, now: number): ProgrammingProblem | null {
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (!ISO_DATE_TIME.test(start) || Number.isNaN(s)) return problem('start', `The start “${start}” is not a date and time (for example 2026-06-01T10:00:00Z).`);
  if (!ISO_DATE_TIME.test(end) || Number.isNaN(e)) return problem('end', `The end “${end}” is not a date and time (for example 2026-06-02T10:00:00Z).`);
  if (e <= s) return problem('end', `The window ends (${minute(e)}) before it starts (${minute(s)}): swap or correct the dates.`);
  if (s < now) return problem('start', `The window starts on ${minute(s)}, which is past: a satellite is programmed for the future. Choose a start after ${minute(now)}.`);
  return null;
}

/** At most once a year per step, as the service counts them: 365 days, 52 weeks or 12 months. */
const UNIT_MAX = { day: 365, week: 52, month: 12 } as const;

export function recurrenceProblem(recurrence: Recurrence | null): ProgrammingProblem | null {
  if (!recurrence) return null;
  const { every, unit } = recurrence;
  if (unit === null) return problem('recurrence.unit', 'A recurring order needs its unit: repeat every so many days, weeks or months.');
  if (every === null) return problem('recurrence.every', `A recurring order needs its interval: every how many ${unit}s?`);
  if (!Number.isInteger(every) || every < 1 || every > UNIT_MAX[unit]) {
    return problem('recurrence.every', `Repeat every 1 to ${UNIT_MAX[unit]} ${unit}s (a whole number); ${every} is outside it.`);
  }
  return null;
}

/** Optical orders may bound cloud cover (0–100 %); radar sees through clouds, so SAR orders carry none. */
export function cloudProblem(provider: ProgrammingProvider, maxCloud: number | null): ProgrammingProblem | null {
  if (maxCloud === null) return null;
  if (PROGRAMMING_PROVIDER_INFO[provider].sensor === 'SAR') {
    return problem('maxCloud', 'Cloud cover is irrelevant for SAR: radar images through clouds. Leave the maximum cloud cover empty for Spacety (tianyi).');
  }
  if (!Number.isInteger(maxCloud) || maxCloud < 0 || maxCloud > 100) return problem('maxCloud', `Maximum cloud cover is a whole percentage from 0 to 100; ${maxCloud} is outside it.`);
  return null;
}

const touchesAntimeridian = (g: MultiPolygon) => g.coordinates.some((p) => (p[0] ?? []).some((pos) => Math.abs(pos[0] ?? 0) === 180));

/**
 * The AOI as the guide's geometry can take it: one polygon, no holes, edges that do not cross. Each
 * refusal names the repair the AOI section offers (its vertex table edits parts, holes and vertices).
 */
export function aoiProblem(name: string, geometry: Polygon | MultiPolygon): ProgrammingProblem | null {
  const polygon = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.length === 1 ? geometry.coordinates[0]! : null;
  if (!polygon) {
    const g = geometry as MultiPolygon;
    const why = touchesAntimeridian(g) ? ' (it crosses the antimeridian, so it is stored split in two)' : '';
    return problem(
      'aoiId',
      `“${name}” has ${g.coordinates.length} separate parts${why}; a programming order covers one polygon. In the AOI section, duplicate it and delete the other parts in its vertex table, or draw one polygon.`,
    );
  }
  if (polygon.length > 1) {
    const holes = polygon.length - 1;
    return problem(
      'aoiId',
      `“${name}” has ${holes === 1 ? 'a hole' : `${holes} holes`}; a programming order takes an outline without holes. In the AOI section, delete the hole rows in its vertex table (or duplicate it first to keep the original).`,
    );
  }
  const ring = polygon[0] as Position[];
  const cross = findContacts([{ positions: ring, polygon: 0, label: 'outline' }], Infinity).find((c) => c.kind === 'cross');
  if (cross) {
    const [[a1, a2], [b1, b2]] = cross.segments;
    return problem(
      'aoiId',
      `“${name}” crosses itself: edges ${a1}→${a2} and ${b1}→${b2} intersect at ${formatPoint(cross.point[0], cross.point[1])}. In the AOI section, move those vertices in its vertex table so the outline no longer crosses, or redraw it.`,
    );
  }
  return null;
}

/** Every rule of a draft but the AOI's (the form checks that against the AOI it shows), in form order. */
export function draftProblems(d: Pick<ProgrammingDraft, 'provider' | 'resolutionType' | 'start' | 'end' | 'recurrence' | 'maxCloud'>, now: number): ProgrammingProblem[] {
  return [resolutionProblem(d.provider, d.resolutionType), windowProblem(d.start, d.end, now), recurrenceProblem(d.recurrence), cloudProblem(d.provider, d.maxCloud)].filter(
    (p): p is ProgrammingProblem => p !== null,
  );
}
