import type { ArchiveProviderKind } from '../../../shared/domain/providers';
import type { SearchParams } from '../../../shared/domain/archive';
import { CONSTELLATIONS as ALL_CONSTELLATIONS, CONSTELLATIONS_OF } from '../../../shared/domain/constellations';

/** The search form's fields as typed (numbers stay strings until submitted so typing is never fought). */
export interface SearchFormValues {
  /** '' = the active AOI. */
  aoiId: string;
  from: string;
  to: string;
  maxCloudCover: string;
  maxIncidenceAngle: string;
  constellations: string[];
  sort: SearchParams['sort'];
  pageSize: string;
}

export type SearchFormErrors = Partial<Record<keyof SearchFormValues, string>>;

/** Constellations per provider (the shared vocabulary); an empty choice means "all the provider offers". */
export const CONSTELLATIONS: Record<ArchiveProviderKind, { value: string; label: string }[]> = {
  oneatlas: offered('oneatlas'),
  geoapi: offered('geoapi'),
};
function offered(kind: ArchiveProviderKind): { value: string; label: string }[] {
  return ALL_CONSTELLATIONS.filter((c) => CONSTELLATIONS_OF[kind].includes(c.id)).map((c) => ({ value: c.id, label: c.label }));
}

export const SORTS: { value: SearchParams['sort']; label: string }[] = [
  { value: 'date-desc', label: 'Newest first' },
  { value: 'date-asc', label: 'Oldest first' },
  { value: 'cloud-asc', label: 'Least cloud first' },
];

export const PAGE_SIZES = ['50', '100', '200', '500'];

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The last twelve months, little cloud, moderate angles: what a first look usually wants. */
export function defaultSearchForm(now: Date = new Date()): SearchFormValues {
  const from = new Date(now);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { aoiId: '', from: day(from), to: day(now), maxCloudCover: '20', maxIncidenceAngle: '30', constellations: [], sort: 'date-desc', pageSize: '100' };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function numberIn(text: string, min: number, max: number, what: string, integer = false): [number | null, string | null] {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return [null, `${what} must be a number.`];
  if (integer && !Number.isInteger(n)) return [null, `${what} must be a whole number.`];
  if (n < min || n > max) return [null, `${what} must be between ${min} and ${max}.`];
  return [n, null];
}

/** The contract's SearchParams for page 1, or the message per field that stops it. */
export function toSearchParams(
  values: SearchFormValues,
  ctx: { accountId: string; contractId: string | null; activeAoiId: string },
): { params: SearchParams; errors: null } | { params: null; errors: SearchFormErrors } {
  const errors: SearchFormErrors = {};
  const aoiId = values.aoiId || ctx.activeAoiId;
  if (!aoiId) errors.aoiId = 'Choose an AOI (or make one active in the AOIs section).';
  if (!DATE.test(values.from) || Number.isNaN(Date.parse(values.from))) errors.from = 'Start date is required.';
  if (!DATE.test(values.to) || Number.isNaN(Date.parse(values.to))) errors.to = 'End date is required.';
  else if (!errors.from && values.from > values.to) errors.to = 'The end date is before the start date.';
  const [cloud, cloudError] = numberIn(values.maxCloudCover, 0, 100, 'Cloud cover');
  if (cloudError) errors.maxCloudCover = cloudError;
  const [angle, angleError] = numberIn(values.maxIncidenceAngle, 0, 90, 'Incidence angle');
  if (angleError) errors.maxIncidenceAngle = angleError;
  const [pageSize, sizeError] = numberIn(values.pageSize, 1, 500, 'Page size', true);
  if (sizeError) errors.pageSize = sizeError;
  if (Object.keys(errors).length > 0 || cloud === null || angle === null || pageSize === null) return { params: null, errors };
  return {
    params: {
      accountId: ctx.accountId,
      contractId: ctx.contractId,
      aoiId,
      from: values.from,
      to: values.to,
      maxCloudCover: cloud,
      maxIncidenceAngle: angle,
      constellations: values.constellations,
      sort: values.sort,
      pageSize,
      page: 1,
    },
    errors: null,
  };
}
