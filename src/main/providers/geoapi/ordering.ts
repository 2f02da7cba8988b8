import { ProviderError } from '../../http';
import { OrderReply, PriceReply, toOrder, toPrice } from '../common/replies';
import type { ArchiveOrderRequest, CallOptions, ProviderOrder, ProviderOrderState, ProviderPrice, WithRaw } from '../types';
import type { GeoApiContext } from './context';

/**
 * The legacy OrderRequest (the GeoAPI archive guide, steps 6-7; the 2017 order spec `OrderRequest`), the same body for `/prices`
 * and `/orders`: scenes by datastrip id, the delivery type as the global `deliveryType` option pair.
 */
export function geoApiOrderBody(req: ArchiveOrderRequest): Record<string, unknown> {
  return {
    aoi: [{ id: 1, name: req.customerReference, geometry: req.aoi }],
    contractId: req.contractId,
    items: req.scenes.map((s) => ({ productTypeId: req.productTypeId, aoiId: 1, datastripIds: [s.sourceId] })),
    optionsPerProductType: [{ productTypeId: req.productTypeId, options: req.options.map(({ key, value }) => ({ key, value })) }],
    primaryMarket: req.primaryMarket,
    ...(req.secondaryMarket ? { secondaryMarket: req.secondaryMarket } : {}),
    customerReference: req.customerReference,
    options: [{ key: 'deliveryType', value: req.deliveryType }],
    voucherCodes: [],
  };
}

export async function price(ctx: GeoApiContext, req: ArchiveOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderPrice>> {
  const { value, raw } = await ctx.order.json({ method: 'POST', url: ctx.url('order', '/api/v1/prices'), kind: 'read', body: { json: geoApiOrderBody(req) } }, PriceReply, opts);
  return { value: toPrice(value), raw };
}

export async function order(ctx: GeoApiContext, req: ArchiveOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderOrder>> {
  const { value, raw } = await ctx.order.json({ method: 'POST', url: ctx.url('order', '/api/v1/orders'), kind: 'commit', body: { json: geoApiOrderBody(req) } }, OrderReply, opts);
  return { value: toOrder(value), raw };
}

/**
 * The legacy order API has no way to list or find orders (its spec has `POST /orders` and nothing to
 * read them back; the guides track orders by e-mail and invoice). Answering "none found" would invite
 * a second order, so this says plainly that the check cannot be made here. What can be compared is the
 * contract's credit (contracts()) against the credit shown when the order was confirmed.
 */
export async function ordersByReference(_ctx: GeoApiContext, customerReference: string): Promise<ProviderOrderState[]> {
  throw new ProviderError(
    'ORDER_LOOKUP_UNSUPPORTED',
    `GeoAPI (legacy) cannot look orders up, so whether order “${customerReference}” was placed cannot be checked here. Compare the contract's remaining credit with the one shown at confirmation, or ask Airbus support, before ordering again.`,
  );
}
