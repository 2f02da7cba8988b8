import { FieldError, guarded, objectBody } from '../accounts/errors';
import { requireOneAtlasBearer } from '../auth/guards';
import type { ProductTypeDef } from '../accounts/products';
import { parseOrder, VOUCHERS, type NormalizedItem, type NormalizedOrder } from '../ordering/orderRequest';
import type { SandboxState } from '../state';
import { json, type SandboxContext, type SandboxRequest, type SandboxResponse } from '../types';
import { itemProperty } from './itemProperties';

/**
 * Tasking prices. A tasking is priced on the AOI's geodesic area, raised to the product's
 * `minimumOrderAreaApplied` (the guide's OnePlan example: a 10 km² AOI priced as 500 km² of SPOT).
 * Stereo and tri-stereo acquisitions image the area two and three times, and are priced so.
 * The ordering module's `/prices` and `/orders` delegate tasking items here.
 */

export interface TaskingItemPrice {
  requestedAreaKm2: number;
  priceAreaKm2: number;
  minimumApplied: boolean;
  /** Multiplier for the acquisition mode (1 mono, 2 stereo, 3 tri-stereo). */
  modeFactor: number;
  /** List price before any discount. */
  price: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const MODE_FACTOR: Record<string, number> = { MONO: 1, STEREO: 2, TRISTEREO: 3 };

export function priceTaskingItem(item: Pick<NormalizedItem, 'product' | 'aoi' | 'properties'>): TaskingItemPrice {
  const product: ProductTypeDef = item.product;
  const requested = item.aoi.areaKm2;
  // Tasking is billed in whole square kilometres (the guide prices its 132.26 km² OneDay AOI as 132.0).
  const priceArea = Math.max(Math.round(requested), product.minimumOrderAreaApplied);
  const mode = String(itemProperty(item, 'acquisitionMode') ?? 'MONO');
  const modeFactor = MODE_FACTOR[mode] ?? 1;
  return {
    requestedAreaKm2: round2(requested),
    priceAreaKm2: round2(priceArea),
    minimumApplied: product.minimumOrderAreaApplied > Math.round(requested),
    modeFactor,
    price: round2(priceArea * product.pricePerKm2 * modeFactor),
  };
}

/** The documented price answer for an order whose items are all tasking items. */
export function taskingPriceJson(order: NormalizedOrder) {
  const lines = new Map<ProductTypeDef, { area: number; price: number }>();
  for (const item of order.items) {
    const p = priceTaskingItem(item);
    const line = lines.get(item.product) ?? { area: 0, price: 0 };
    line.area += p.priceAreaKm2;
    line.price += p.price;
    lines.set(item.product, line);
  }
  const discount = order.contract.discountPercentage;
  const productTypes = [...lines].map(([product, l]) => {
    const discountValue = round2((l.price * discount) / 100);
    return {
      amount: round2(l.price - discountValue),
      areaKm2: round2(l.area),
      discountPercentage: discount,
      discountValue,
      price: round2(l.price),
      productTypeId: product.productTypeId,
      items: order.items.filter((i) => i.product === product).map(() => ({ datastripIds: [] as string[] })),
      voucherCode: null,
    };
  });
  const subtotal = round2(productTypes.reduce((s, l) => s + l.amount, 0));
  const voucher = Math.min(90, order.voucherCodes.reduce((s, c) => s + (VOUCHERS[c] ?? 0), 0));
  const discountValue = round2((subtotal * voucher) / 100);
  return {
    contractId: order.contract.contractId,
    currency: order.contract.currency,
    discountPercentage: voucher,
    discountValue,
    productTypes,
    totalAmount: round2(subtotal - discountValue),
  };
}

/** `POST /api/v1/prices` for a tasking body: what the ordering route can hand a tasking body to. */
export function priceTaskingRequest(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const denied = requireOneAtlasBearer(req, ctx);
  if (denied) return denied;
  return guarded('oneatlas', req, () => json(200, taskingPriceJson(parseTaskingOrder(req, 'price', ctx.state))));
}

/** Reads a tasking order with the ordering module's reader (so both agree on every shared rule). */
export function parseTaskingOrder(req: SandboxRequest, mode: 'price' | 'order', state: SandboxState): NormalizedOrder {
  const order = parseOrder('oneatlas', objectBody(req), mode, state);
  const archive = order.items.find((i) => i.product.source !== 'tasking');
  if (archive) throw new FieldError(`items[${archive.index}].productTypeId`, `items[${archive.index}] is an archive product: order archive and tasking items separately`);
  return order;
}
