import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import {
  PROGRAMMING_PROVIDER_INFO,
  resolutionsOf,
  summariseRecurrence,
  type ProgrammingDraft,
  type ProgrammingProvider,
  type Recurrence,
  type RecurrenceUnit,
} from '../../../shared/domain/programming';
import { aoiProblem, draftProblems, type ProgrammingProblem } from '../../../shared/domain/programming-rules';
import { fromLocalInput, toLocalInput } from '../../ui/localTime';

/**
 * The programming form as typed, and the one pure step from it to the draft `programming.create` takes.
 * Every refusal comes from the shared rules (the same main applies), each with the draft field it
 * concerns so the form shows it beside that field; nothing is sent while one stands.
 */

/** Dates are `datetime-local` text in the user's time zone; numbers as typed ('' = not given). */
export interface ProgrammingValues {
  provider: ProgrammingProvider;
  resolutionType: string;
  /** Optical only; '' = the provider's default. Ignored (never sent) for SAR. */
  maxCloud: string;
  start: string;
  end: string;
  recurring: boolean;
  every: string;
  unit: RecurrenceUnit | '';
}


const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Each provider's workhorse mode: Very High 0.5 m for Jilin-1, Stripmap 3 m for Spacety. */
export const DEFAULT_RESOLUTION: Record<ProgrammingProvider, number> = { changguang: 2, tianyi: 5 };

/** Optical at 0.5 m, once, from the next full hour plus one, over two weeks, 20 % cloud. */
export function defaultValues(now: number): ProgrammingValues {
  const start = Math.ceil((now + HOUR) / HOUR) * HOUR;
  return { provider: 'changguang', resolutionType: String(DEFAULT_RESOLUTION.changguang), maxCloud: '20', start: toLocalInput(start), end: toLocalInput(start + 14 * DAY), recurring: false, every: '1', unit: 'week' };
}

/** Switching provider: its own workhorse resolution when the one chosen is not its; cloud only for optical. */
export function withProvider(v: ProgrammingValues, provider: ProgrammingProvider): ProgrammingValues {
  const keeps = resolutionsOf(provider).some((r) => String(r.type) === v.resolutionType);
  const optical = PROGRAMMING_PROVIDER_INFO[provider].sensor === 'optical';
  return { ...v, provider, resolutionType: keeps ? v.resolutionType : String(DEFAULT_RESOLUTION[provider]), maxCloud: optical ? (isOptical(v.provider) ? v.maxCloud : '20') : '' };
}

const num = (text: string): number => (text.trim() === '' ? NaN : Number(text));

export const isOptical = (p: ProgrammingProvider): boolean => PROGRAMMING_PROVIDER_INFO[p].sensor === 'optical';

export interface DraftOutcome {
  draft: ProgrammingDraft | null;
  problems: ProgrammingProblem[];
  /** "every 2 weeks from … to …: 5 acquisitions", once the window and recurrence can be read. */
  summary: { text: string; acquisitions: number } | null;
  /** The window as ISO instants, for the UTC side of the form and the confirmation. */
  window: { start: string | null; end: string | null };
}

/** The draft for the values and the active AOI, or every reason it cannot be sent yet, in form order. */
export function buildProgrammingDraft(ctx: { accountId: string; aoi: Aoi | undefined }, v: ProgrammingValues, now: number): DraftOutcome {
  const problems: ProgrammingProblem[] = [];
  const { aoi } = ctx;
  if (!aoi) problems.push({ field: 'aoiId', message: 'Choose or draw an AOI in the AOIs section: the order covers the active AOI.' });
  else {
    const shape = aoiProblem(aoi.name, aoi.geometry as unknown as Polygon | MultiPolygon);
    if (shape) problems.push(shape);
  }
  const start = fromLocalInput(v.start);
  const end = fromLocalInput(v.end);
  const recurrence: Recurrence | null = v.recurring ? { every: v.every.trim() === '' ? null : num(v.every), unit: v.unit === '' ? null : v.unit } : null;
  const maxCloud = isOptical(v.provider) && v.maxCloud.trim() !== '' ? num(v.maxCloud) : null;
  const resolutionType = num(v.resolutionType);
  if (!start) problems.push({ field: 'start', message: 'Give the start of the window: a date and a time.' });
  if (!end) problems.push({ field: 'end', message: 'Give the end of the window: a date and a time.' });
  // With a date missing the shared window rule would only repeat it: the others still speak.
  const ruled = draftProblems({ provider: v.provider, resolutionType, start: start ?? '', end: end ?? '', recurrence, maxCloud }, now).filter(
    (p) => (start && end) || (p.field !== 'start' && p.field !== 'end'),
  );
  problems.push(...ruled);
  const summary = start && end ? summariseRecurrence(start, end, recurrence) : null;
  const window = { start, end };
  if (problems.length > 0 || !aoi || !start || !end) return { draft: null, problems, summary, window };
  return {
    draft: { accountId: ctx.accountId, aoiId: aoi.id, provider: v.provider, resolutionType, start, end, recurrence, maxCloud },
    problems,
    summary,
    window,
  };
}

/** The first sentence for a field, to show beside it. */
export const problemFor = (problems: ProgrammingProblem[], field: string): string | undefined => problems.find((p) => p.field === field)?.message;

/** "Every 2 weeks" / "Once": the recurrence of a draft or an order, short. */
export function recurrenceText(r: { every: number | null; unit: RecurrenceUnit | null } | null): string {
  if (!r || r.every === null || r.unit === null) return 'Once';
  return r.every === 1 ? `Every ${r.unit}` : `Every ${r.every} ${r.unit}s`;
}
