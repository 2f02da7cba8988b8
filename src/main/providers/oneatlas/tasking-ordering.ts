import { OrderReply, PriceReply, toOrder, toPrice } from '../common/replies';
import type { TaskingOrderRequest } from '../tasking';
import type { CallOptions, ProviderOrder, ProviderPrice, WithRaw } from '../types';
import type { OneAtlasContext } from './context';
import { taskingOrderBody } from './tasking-body';

/**
 * Tasking price (a read: retried on 429/503) and order (a commit: one POST, never retried; an
 * ambiguous failure surfaces as ORDER_AMBIGUOUS for the service to reconcile by customer reference).
 */

export async function taskingPrice(ctx: OneAtlasContext, req: TaskingOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderPrice>> {
  const { value, raw } = await ctx.api.json({ method: 'POST', url: ctx.url('order', '/api/v1/prices'), kind: 'read', body: { json: taskingOrderBody(req) } }, PriceReply, opts);
  return { value: toPrice(value), raw };
}

export async function taskingOrder(ctx: OneAtlasContext, req: TaskingOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderOrder>> {
  const { value, raw } = await ctx.api.json({ method: 'POST', url: ctx.url('order', '/api/v1/orders'), kind: 'commit', body: { json: taskingOrderBody(req) } }, OrderReply, opts);
  return { value: toOrder(value), raw };
}
