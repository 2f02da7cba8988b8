import type { ArchiveOrderRequest, CallOptions, ProviderOrder, ProviderPrice, WithRaw } from '../types';
import { OrderReply, PriceReply, toOrder, toPrice } from '../common/replies';
import { backendSourceOf } from './contracts';
import type { OneAtlasContext } from './context';
import { oneAtlasOrderBody } from './orderBody';

/**
 * Price (a read: retried on 429/503) and order (a commit: one POST, never retried; an ambiguous
 * failure surfaces as ORDER_AMBIGUOUS for the caller to reconcile by customer reference).
 */

export async function price(ctx: OneAtlasContext, req: ArchiveOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderPrice>> {
  const body = oneAtlasOrderBody(req, await backendSourceOf(ctx, req.contractId, opts));
  const { value, raw } = await ctx.api.json({ method: 'POST', url: ctx.url('order', '/api/v1/prices'), kind: 'read', body: { json: body } }, PriceReply, opts);
  return { value: toPrice(value), raw };
}

export async function order(ctx: OneAtlasContext, req: ArchiveOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderOrder>> {
  // Read before the POST: nothing about the order itself is retried.
  const body = oneAtlasOrderBody(req, await backendSourceOf(ctx, req.contractId, opts));
  const { value, raw } = await ctx.api.json({ method: 'POST', url: ctx.url('order', '/api/v1/orders'), kind: 'commit', body: { json: body } }, OrderReply, opts);
  return { value: toOrder(value), raw };
}
