import { z } from 'zod';
import { ComparisonCandidateSchema, ComparisonOfferSchema, ComparisonSchema } from '../../domain/comparison';
import { channelsOf, Id } from './define';

// Price comparison for one AOI across accounts and providers. Each row fails on its own: one refusal
// never hides the other prices.
export const comparisonContract = channelsOf('comparison')({
  /**
   * What can be compared for this AOI: every archive product type of every archive account's contracts
   * that fits each given scene of the search, and every tasking product type of every tasking account.
   * `problems` names accounts that could not be read (offline, no secret) without failing the rest.
   */
  'comparison.candidates': {
    request: z.object({ aoiId: Id, searchId: Id.nullable(), sceneIds: z.array(Id).max(50) }).strict(),
    response: z.object({ candidates: z.array(ComparisonCandidateSchema), problems: z.array(z.object({ accountName: z.string(), message: z.string() })) }),
  },
  /** Prices every offer (in parallel, a few at a time), stores the rows with their time and answers them. */
  'comparison.run': { request: z.object({ aoiId: Id, offers: z.array(ComparisonOfferSchema).min(1).max(24) }).strict(), response: ComparisonSchema },
  /** The last stored comparison for this AOI (works offline), or null. */
  'comparison.latest': { request: z.object({ aoiId: Id }).strict(), response: ComparisonSchema.nullable() },
});
