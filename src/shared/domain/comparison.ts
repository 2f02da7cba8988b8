import { z } from 'zod';

/**
 * Price comparison for one AOI: archive scenes under each archive product type and tasking product
 * types, across the user's accounts and providers, priced side by side. Rows are stored with the time
 * they were priced; a price older than a day is shown as stale.
 */

export const ComparisonOfferSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('archive'), accountId: z.string().min(1), contractId: z.string().min(1), productTypeId: z.string().min(1), searchId: z.string().min(1), sceneId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('tasking'), accountId: z.string().min(1), contractId: z.string().min(1), productTypeId: z.string().min(1) }).strict(),
]);
export type ComparisonOffer = z.infer<typeof ComparisonOfferSchema>;

/** One offer as the picker and the table name it. */
export const ComparisonLabelSchema = z.object({
  /** The provider kind's display name, e.g. "Airbus OneAtlas". */
  provider: z.string(),
  accountName: z.string(),
  /** The product type's label (and the scene for archive). */
  product: z.string(),
  /** "Archive", or the tasking programming type ("OneDay", "OneNow", "OnePlan", "OneSeries"). */
  type: z.string(),
});
export type ComparisonLabel = z.infer<typeof ComparisonLabelSchema>;

export const ComparisonCandidateSchema = z.object({ offer: ComparisonOfferSchema, label: ComparisonLabelSchema });
export type ComparisonCandidate = z.infer<typeof ComparisonCandidateSchema>;

export const ComparisonRowSchema = z.object({
  offer: ComparisonOfferSchema,
  label: ComparisonLabelSchema,
  /** Area the price is billed on (km²), from the provider's price lines. */
  areaBilledKm2: z.number().nullable(),
  /** The product's minimum order area when it lifted the billed area above the AOI's, else null. */
  minimumAppliedKm2: z.number().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  /** The contract's credit left after this amount, when the provider states the credit. */
  creditAfter: z.number().nullable(),
  /** Tasking: the earliest acquisition offered (attempts) or the start of the period asked (feasibility). */
  earliestAcquisition: z.string().nullable(),
  /** The provider's price id, when priced. */
  quoteId: z.string().nullable(),
  pricedAt: z.string(),
  /** Why this row has no price: said per row, the others still priced. */
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }).nullable(),
});
export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;

export const ComparisonSchema = z.object({
  id: z.string(),
  aoiId: z.string(),
  aoiAreaKm2: z.number(),
  createdAt: z.string(),
  rows: z.array(ComparisonRowSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** A stored price older than this is shown as stale and priced again before it is ordered. */
export const PRICE_STALE_AFTER_MS = 24 * 60 * 60 * 1000;
export const isPriceStale = (pricedAt: string, now: number): boolean => now - Date.parse(pricedAt) > PRICE_STALE_AFTER_MS;
