import { z } from 'zod';
import { OrderSchema } from '../../domain/archive';
import {
  AttemptSetSchema,
  FeasibilitySchema,
  TaskingDraftSchema,
  TaskingPriceSchema,
  TaskingProductTypeSchema,
  TaskingQuerySchema,
  TaskingSchema,
  TaskingSegmentSchema,
} from '../../domain/tasking';
import { CachedSchema, channelsOf, Id } from './define';

const ByTasking = z.object({ accountId: Id, contractId: Id, taskingId: Id }).strict();
const BySegment = z.object({ accountId: Id, contractId: Id, taskingId: Id, segmentId: Id }).strict();

// One Tasking. Reads of what was ordered (list, detail, segments) fall back to stored copies offline and
// say so through `offline`; everything else needs the provider. Bad input is refused before anything
// is sent, with a sentence naming the field.
export const taskingContract = channelsOf('tasking')({
  /** The contract's tasking offers (product types whose source is `tasking`). */
  'tasking.productTypes': { request: z.object({ accountId: Id, contractId: Id }).strict(), response: CachedSchema(z.array(TaskingProductTypeSchema)) },
  'tasking.feasibility': { request: TaskingQuerySchema.strict(), response: FeasibilitySchema },
  /** ONEDAY/ONENOW acquisitions to choose from, each with its signed segmentKey and order deadline. */
  'tasking.attempts': { request: TaskingQuerySchema.strict(), response: AttemptSetSchema },
  'tasking.price': { request: TaskingDraftSchema.strict(), response: TaskingPriceSchema },
  // `confirmed: true` is the explicit confirmation of the dialog showing price, contract and credit.
  'tasking.order': {
    request: z.object({ draft: TaskingDraftSchema.strict(), priceId: Id, confirmed: z.literal(true) }).strict(),
    response: z.object({ order: OrderSchema, taskings: z.array(TaskingSchema) }),
  },
  /** Stored taskings of one account's contract, refreshed from the provider when it can be reached. */
  'tasking.list': { request: z.object({ accountId: Id, contractId: Id }).strict(), response: CachedSchema(z.array(TaskingSchema)) },
  'tasking.detail': { request: ByTasking, response: CachedSchema(TaskingSchema) },
  'tasking.segments': { request: ByTasking, response: CachedSchema(z.array(TaskingSegmentSchema)) },
  'tasking.acceptSegment': { request: BySegment, response: TaskingSegmentSchema },
  'tasking.refuseSegment': { request: BySegment.extend({ reason: z.string().trim().min(1).max(1000) }).strict(), response: TaskingSegmentSchema },
  'tasking.cancel': { request: ByTasking.extend({ confirmed: z.literal(true) }).strict(), response: TaskingSchema },
  /** Reads every stored tasking's status (and its segments) again, recording each change with its date. */
  'tasking.refresh': { request: z.object({ accountId: Id, contractId: Id }).strict(), response: z.array(TaskingSchema) },
});
