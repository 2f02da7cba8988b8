import { z } from 'zod';
import { OrderSchema } from '../../domain/archive';
import { channelsOf, Empty, Id } from './define';

export const ordersContract = channelsOf('orders')({
  'orders.list': { request: Empty, response: z.array(OrderSchema) },
  'orders.refresh': { request: z.object({ accountId: Id.optional() }).strict(), response: z.array(OrderSchema) },
});
