import { z } from 'zod';
import { OptionChoiceSchema, PriceQuoteSchema } from './archive';

/**
 * One Tasking (OneAtlas) as the product sees it: the offers a contract sells, feasibility, attempts,
 * prices, and the taskings an order creates with the segments (acquisitions) they deliver. Providers map
 * their JSON to these shapes at the edge (src/main/providers) and keep the raw payload beside them.
 */

export const PROG_TYPES = ['ONEDAY', 'ONENOW', 'ONEPLAN', 'ONESERIES'] as const;
export const ProgTypeSchema = z.enum(PROG_TYPES);
export type ProgType = z.infer<typeof ProgTypeSchema>;

/** OneDay and OneNow are ordered from a chosen attempt (its segmentKey); OnePlan/OneSeries from a feasibility. */
export const isAttemptProgType = (p: ProgType): p is 'ONEDAY' | 'ONENOW' => p === 'ONEDAY' || p === 'ONENOW';

/** The largest AOI ring a tasking request may carry (the OneAtlas tasking schema's `maxItems: 999`). */
export const TASKING_MAX_VERTICES = 999;

const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) });

/** A product type whose technicalProduct.source is `tasking`, with the offer it sells. */
export const TaskingProductTypeSchema = z.object({
  productTypeId: z.string(),
  label: z.string(),
  /** SPOT, PLEIADES, PLEIADESNEO… as the provider names the mission. */
  mission: z.string(),
  progType: ProgTypeSchema,
  /** Taskings are priced (and attempts offered) from this area up (km²). */
  minimumOrderAreaKm2: z.number().nullable(),
  resolutionM: z.number().nullable(),
});
export type TaskingProductType = z.infer<typeof TaskingProductTypeSchema>;

export const AcquisitionModeSchema = z.enum(['MONO', 'STEREO', 'TRISTEREO']);

/** What feasibility and attempts are asked for. Dates are ISO date-times; `end` null lets the provider choose. */
export const TaskingQuerySchema = z.object({
  accountId: z.string().min(1),
  contractId: z.string().min(1),
  productTypeId: z.string().min(1),
  aoiId: z.string().min(1),
  start: z.string().min(1),
  end: z.string().min(1).nullable(),
  acquisitionMode: AcquisitionModeSchema,
  /** Range-checked by the service (with a sentence), not here, so the form gets the reason. */
  maxCloudCover: z.number(),
  maxIncidenceAngle: z.number(),
});
export type TaskingQuery = z.infer<typeof TaskingQuerySchema>;

export const ProviderIssueSchema = z.object({ code: z.string(), message: z.string() });

export const FeasibilitySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  contractId: z.string(),
  productTypeId: z.string(),
  mission: z.string(),
  progType: ProgTypeSchema,
  classification: z.enum(['EASY', 'CHALLENGING']).nullable(),
  automation: z.enum(['AUTOMATIC', 'MANUAL']).nullable(),
  automationName: z.string().nullable(),
  available: z.boolean(),
  /** The provider's reasons when not available (each with a sentence for the user). */
  errors: z.array(ProviderIssueSchema),
  /** Pléiades Neo feasibilities expire; null where the provider gives no date. */
  expirationDate: z.string().nullable(),
  query: TaskingQuerySchema,
  createdAt: z.string(),
});
export type Feasibility = z.infer<typeof FeasibilitySchema>;

export const AttemptSchema = z.object({
  /** Local id (one per attempt of one attempts answer). */
  id: z.string(),
  segmentId: z.string(),
  /** Kept exactly as received and sent back as is: the provider signs it. */
  segmentKey: z.string(),
  footprint: Polygon,
  center: z.tuple([z.number(), z.number()]).nullable(),
  satellite: z.string(),
  instrumentMode: z.string().nullable(),
  acquisitionStart: z.string(),
  acquisitionEnd: z.string(),
  orderDeadline: z.string(),
  incidenceAngle: z.number().nullable(),
  acrossTrackAngle: z.number().nullable(),
  /** Derived from the total and across-track angles (the provider does not send it). */
  alongTrackAngle: z.number().nullable(),
  extendedAngle: z.boolean(),
  /** Share (0..1) of the AOI the footprint covers; computed by main. */
  aoiCoverage: z.number().nullable(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const AttemptSetSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  productTypeId: z.string(),
  progType: ProgTypeSchema,
  available: z.boolean(),
  errors: z.array(ProviderIssueSchema),
  attempts: z.array(AttemptSchema),
  query: TaskingQuerySchema,
  createdAt: z.string(),
});
export type AttemptSet = z.infer<typeof AttemptSetSchema>;

/** Everything needed to price and order one tasking; the same request for both. */
export const TaskingDraftSchema = z.object({
  accountId: z.string().min(1),
  contractId: z.string().min(1),
  productTypeId: z.string().min(1),
  aoiId: z.string().min(1),
  /** ONEDAY/ONENOW: the chosen attempt (ONENOW attempts of one answer share their package key). */
  attemptId: z.string().min(1).nullable(),
  /** ONEPLAN/ONESERIES: the feasibility answer ordered from. */
  feasibilityId: z.string().min(1).nullable(),
  /** ONEPLAN/ONESERIES acquisition period (ISO date-times). */
  period: z.object({ start: z.string().min(1), end: z.string().min(1) }).nullable(),
  acquisitionMode: AcquisitionModeSchema,
  maxCloudCover: z.number(),
  maxIncidenceAngle: z.number(),
  /** Cloud cover up to which an acquisition is proposed rather than dropped; null = maxCloudCover. */
  notificationThreshold: z.number().nullable(),
  options: z.array(OptionChoiceSchema),
  deliveryType: z.string().min(1),
  primaryMarket: z.string(),
  secondaryMarket: z.string().nullable(),
  /** End user's country (ISO 3166 alpha-2). */
  country: z.string().nullable(),
  endUserName: z.string().max(200).nullable(),
  notificationEmails: z.array(z.string()),
  comments: z.string().max(1000).nullable(),
  customerReference: z.string().trim().min(1).max(100),
});
export type TaskingDraft = z.infer<typeof TaskingDraftSchema>;

/** A tasking price has the archive price's shape: lines, discount, total and the credit when priced. */
export const TaskingPriceSchema = PriceQuoteSchema;
export type TaskingPrice = z.infer<typeof TaskingPriceSchema>;

export const StatusEventSchema = z.object({ status: z.string(), at: z.string(), note: z.string().nullable() });

/** A tasking's coverage as read at `at`; one is kept whenever the ordered or validated area changes. */
export const CoveragePointSchema = z.object({
  at: z.string(),
  orderedAreaKm2: z.number().nullable(),
  validatedAreaKm2: z.number().nullable(),
  /** validated / ordered area, 0..1. */
  progress: z.number().nullable(),
});
export type CoveragePoint = z.infer<typeof CoveragePointSchema>;

export const TaskingSchema = z.object({
  /** The provider's tasking id (OneAtlas `icr.id`, e.g. ICR_FC_12345). */
  id: z.string(),
  accountId: z.string(),
  contractId: z.string(),
  salesOrderId: z.string().nullable(),
  productTypeId: z.string().nullable(),
  mission: z.string().nullable(),
  programmingType: z.string(),
  /** As the provider words it: "In Progress", "Completed", "Canceled", "Feasibility study in progress"… */
  status: z.string(),
  period: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
  customerReference: z.string().nullable(),
  orderedAreaKm2: z.number().nullable(),
  validatedAreaKm2: z.number().nullable(),
  /** validated / ordered area, 0..1. */
  progress: z.number().nullable(),
  proposedSegmentsCount: z.number().int(),
  totalSegmentsCount: z.number().int(),
  aoi: Polygon.nullable(),
  updatedAt: z.string(),
  events: z.array(StatusEventSchema),
  /** The coverage history (oldest first) behind the burn-up chart; absent where none was recorded. */
  coverage: z.array(CoveragePointSchema).optional(),
});
export type Tasking = z.infer<typeof TaskingSchema>;

export const SEGMENT_STATUSES = ['Proposed', 'Validated', 'Refused'] as const;

export const TaskingSegmentSchema = z.object({
  id: z.string(),
  taskingId: z.string(),
  /** Proposed, Validated, Refused, or whatever else the provider says. */
  status: z.string(),
  catalogId: z.string().nullable(),
  acquisitionDate: z.string().nullable(),
  incidenceAngle: z.number().nullable(),
  clearSkyRate: z.number().nullable(),
  footprint: Polygon.nullable(),
  /** Why the user refused it: kept locally, the provider's refuse call takes no reason. */
  refusalReason: z.string().nullable(),
  updatedAt: z.string(),
  events: z.array(StatusEventSchema),
});
export type TaskingSegment = z.infer<typeof TaskingSegmentSchema>;
