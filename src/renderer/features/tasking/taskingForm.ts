import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import type { ProductCatalogue } from '../../../shared/domain/archive';
import { evaluateOptions, type OptionChoices, type OptionsEvaluation } from '../../../shared/domain/option-constraints';
import { isAttemptProgType, type TaskingDraft, type TaskingProductType, type TaskingQuery } from '../../../shared/domain/tasking';
import {
  aoiShapeProblem,
  cloudCoverProblem,
  incidenceProblem,
  minimumAreaProblem,
  notificationThresholdProblem,
  orderDeclarationProblems,
  periodProblem,
  type TaskingProblem,
} from '../../../shared/domain/tasking-rules';
import { defaultAttemptWindow, TASKING_DEFAULT_PARAMS } from '../../../shared/domain/tasking-defaults';
import { customerReferenceError } from '../../ui/purchase/customerReference';
import { fromLocalInput, toLocalInput } from '../../ui/localTime';

/** The acquisition parameters as typed; dates are `datetime-local` text in the user's time zone, '' = not given. */
export interface TaskingParams {
  start: string;
  end: string;
  acquisitionMode: 'MONO' | 'STEREO' | 'TRISTEREO';
  maxCloudCover: string;
  maxIncidenceAngle: string;
  /** OnePlan/OneSeries: '' = the accepted cloud cover. */
  notificationThreshold: string;
}

/** The order's declarations as typed. */
export interface TaskingOrderValues {
  choices: OptionChoices;
  deliveryType: string;
  primaryMarket: string;
  secondaryMarket: string;
  country: string;
  endUserName: string;
  /** Comma- or space-separated. */
  emails: string;
  comments: string;
  customerReference: string;
}

/** Sensible defaults (shared with the price comparison): from the next hour, over two weeks. */
export function defaultParams(now: number): TaskingParams {
  const { start, end } = defaultAttemptWindow(now);
  const d = TASKING_DEFAULT_PARAMS;
  return { start: toLocalInput(start), end: toLocalInput(end), acquisitionMode: d.acquisitionMode, maxCloudCover: String(d.maxCloudCover), maxIncidenceAngle: String(d.maxIncidenceAngle), notificationThreshold: '' };
}

const num = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/** Which period fields an offer asks for: OneNow only a start; OneDay a window to look in; OnePlan/OneSeries a period. */
export const periodFieldsOf = (offer: TaskingProductType): { end: 'none' | 'optional' | 'required' } =>
  offer.progType === 'ONENOW' ? { end: 'none' } : offer.progType === 'ONEDAY' ? { end: 'optional' } : { end: 'required' };

export interface QueryOutcome {
  query: TaskingQuery | null;
  problems: TaskingProblem[];
}

/**
 * The feasibility/attempts request for the parameters, or every reason it cannot be sent yet (each a
 * sentence with the field it concerns), from the same rules main applies.
 */
export function buildQuery(ctx: { accountId: string; contractId: string; offer: TaskingProductType | undefined; offers: TaskingProductType[]; aoi: Aoi | undefined }, p: TaskingParams, now: number): QueryOutcome {
  const problems: TaskingProblem[] = [];
  const push = (x: TaskingProblem | null) => void (x && problems.push(x));
  const { offer, aoi } = ctx;
  if (!ctx.accountId || !ctx.contractId) problems.push({ field: 'contractId', message: 'Choose an account and a contract.' });
  if (!offer) problems.push({ field: 'productTypeId', message: 'Choose a tasking offer.' });
  if (!aoi) problems.push({ field: 'aoiId', message: 'Choose or draw an AOI in the AOIs section.' });
  else {
    push(aoiShapeProblem(aoi.name, aoi.geometry as unknown as Polygon | MultiPolygon));
    if (offer) push(minimumAreaProblem(aoi.areaKm2, offer, ctx.offers));
  }
  const maxCloudCover = num(p.maxCloudCover);
  const maxIncidenceAngle = num(p.maxIncidenceAngle);
  push(cloudCoverProblem(maxCloudCover));
  push(incidenceProblem(maxIncidenceAngle));
  const start = fromLocalInput(p.start);
  const wantsEnd = offer ? periodFieldsOf(offer).end : 'optional';
  const end = wantsEnd === 'none' || p.end.trim() === '' ? null : fromLocalInput(p.end);
  if (!start) problems.push({ field: 'start', message: 'Give the start date and time.' });
  else if (wantsEnd === 'required' && p.end.trim() === '') problems.push({ field: 'end', message: 'Give the end of the acquisition period.' });
  else if (wantsEnd !== 'none' && p.end.trim() !== '' && !end) problems.push({ field: 'end', message: 'The end is not a date and time.' });
  else push(periodProblem(start, end, now, { start: 'start', end: 'end' }));
  if (offer && !isAttemptProgType(offer.progType)) push(notificationThresholdProblem(p.notificationThreshold.trim() === '' ? null : num(p.notificationThreshold), maxCloudCover));
  if (problems.length > 0 || !offer || !aoi || !start) return { query: null, problems };
  return {
    query: { accountId: ctx.accountId, contractId: ctx.contractId, productTypeId: offer.productTypeId, aoiId: aoi.id, start, end, acquisitionMode: p.acquisitionMode, maxCloudCover, maxIncidenceAngle },
    problems,
  };
}

export const splitEmails = (text: string): string[] => text.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);

export interface DraftOutcome {
  draft: TaskingDraft | null;
  evaluation: OptionsEvaluation;
  problems: TaskingProblem[];
  /** The delivery type used: the chosen one, else the first offered (every provider lists its standard one first). */
  deliveryType: string;
}

const offered = (list: { value: string }[], value: string) => value !== '' && list.some((v) => v.value === value);

/**
 * The one request that prices and orders the tasking: the query it follows (its attempt or feasibility
 * answer), the production options and the declarations. Markets and country are never guessed.
 */
export function buildTaskingDraft(
  query: TaskingQuery,
  offer: TaskingProductType,
  basis: { attemptId: string | null; feasibilityId: string | null },
  params: TaskingParams,
  catalogue: ProductCatalogue,
  v: TaskingOrderValues,
): DraftOutcome {
  const evaluation = evaluateOptions(catalogue.options, v.choices);
  const problems: TaskingProblem[] = [];
  const attempt = isAttemptProgType(offer.progType);
  if (attempt && !basis.attemptId) problems.push({ field: 'attemptId', message: offer.progType === 'ONENOW' ? 'Ask for attempts: OneNow orders the package offered.' : 'Choose one of the attempts offered.' });
  if (!attempt && !basis.feasibilityId) problems.push({ field: 'feasibilityId', message: 'Check feasibility first: the order follows its answer.' });
  const deliveryType = offered(catalogue.deliveryTypes, v.deliveryType) ? v.deliveryType : (catalogue.deliveryTypes[0]?.value ?? '');
  if (!deliveryType) problems.push({ field: 'deliveryType', message: 'The provider offers no delivery type for this product.' });
  const emails = splitEmails(v.emails);
  const primaryOk = offered(catalogue.primaryMarkets, v.primaryMarket);
  problems.push(...orderDeclarationProblems(primaryOk ? v.primaryMarket : '', emails));
  const secondary = catalogue.secondaryMarkets[v.primaryMarket] ?? [];
  if (secondary.length > 0 && !offered(secondary, v.secondaryMarket)) problems.push({ field: 'secondaryMarket', message: 'Choose the secondary market.' });
  if (catalogue.countries.length > 0 && !offered(catalogue.countries, v.country)) problems.push({ field: 'country', message: 'Choose the end user’s country.' });
  const refError = customerReferenceError(v.customerReference);
  if (refError) problems.push({ field: 'customerReference', message: refError });
  if (!evaluation.valid) problems.push({ field: 'options', message: `${Object.keys(evaluation.errors).length} production option(s) need attention.` });
  if (problems.length > 0) return { draft: null, evaluation, problems, deliveryType };
  const threshold = params.notificationThreshold.trim();
  return {
    draft: {
      accountId: query.accountId,
      contractId: query.contractId,
      productTypeId: query.productTypeId,
      aoiId: query.aoiId,
      attemptId: attempt ? basis.attemptId : null,
      feasibilityId: attempt ? null : basis.feasibilityId,
      period: attempt || query.end === null ? null : { start: query.start, end: query.end },
      acquisitionMode: query.acquisitionMode,
      maxCloudCover: query.maxCloudCover,
      maxIncidenceAngle: query.maxIncidenceAngle,
      notificationThreshold: attempt || threshold === '' ? null : Number(threshold),
      options: evaluation.choices,
      deliveryType,
      primaryMarket: v.primaryMarket,
      secondaryMarket: secondary.length > 0 ? v.secondaryMarket : null,
      country: catalogue.countries.length > 0 ? v.country : null,
      endUserName: v.endUserName.trim() || null,
      notificationEmails: emails,
      comments: v.comments.trim() || null,
      customerReference: v.customerReference.trim(),
    },
    evaluation,
    problems,
    deliveryType,
  };
}

/** The first sentence for a field, to show beside it. */
export const problemFor = (problems: TaskingProblem[], field: string): string | undefined => problems.find((p) => p.field === field)?.message;
