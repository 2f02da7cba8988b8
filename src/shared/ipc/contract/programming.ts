import { z } from 'zod';
import { ProgrammingDraftSchema, ProgrammingOrderSchema } from '../../domain/programming';
import { CachedSchema, channelsOf, Id } from './define';

const ByOrder = z.object({ accountId: Id, orderId: Id }).strict();
/** `tracked`: the account's service offers the list/detail extension, so statuses move; else what was sent is all there is. */
const OrderList = z.object({ orders: z.array(ProgrammingOrderSchema), tracked: z.boolean() });

// Origen programming orders (Chang Guang optical, Spacety SAR). Bad input is refused with a sentence
// naming the draft field before anything is sent; reads answer the stored orders offline.
export const programmingContract = channelsOf('programming')({
  // `confirmed: true` is the confirmation dialog's (provider, resolution, window, recurrence, AOI area).
  'programming.create': { request: z.object({ draft: ProgrammingDraftSchema.strict(), confirmed: z.literal(true) }).strict(), response: ProgrammingOrderSchema },
  /** Stored orders of an account, refreshed through the service's list extension where it offers one. */
  'programming.list': { request: z.object({ accountId: Id }).strict(), response: CachedSchema(OrderList) },
  'programming.detail': { request: ByOrder, response: CachedSchema(ProgrammingOrderSchema) },
  /** Reads every stored order's status again, recording each change with its date. */
  'programming.refresh': { request: z.object({ accountId: Id }).strict(), response: OrderList },
});
