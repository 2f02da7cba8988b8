import { z } from 'zod';
import type { ProviderOrder, ProviderPrice } from '../types';

/**
 * The price and order replies, the same documented shapes on OneAtlas and the legacy GeoAPI
 * (`PriceResponse`, `OrderResponse`), mapped to the provider-neutral values.
 */

export const PriceReply = z
  .object({
    currency: z.string().min(1),
    discountPercentage: z.number().nullish(),
    discountValue: z.number().nullish(),
    totalAmount: z.number().nullish(),
    totalAmountCurrency: z.number().nullish(),
    productTypes: z.array(z.object({ productTypeId: z.string(), areaKm2: z.number(), amount: z.number() })),
  })
  .refine((p) => typeof (p.totalAmount ?? p.totalAmountCurrency) === 'number', { message: 'no total amount', path: ['totalAmount'] });

export function toPrice(p: z.infer<typeof PriceReply>): ProviderPrice {
  return {
    currency: p.currency,
    lines: p.productTypes.map((l) => ({ productTypeId: l.productTypeId, areaKm2: l.areaKm2, amount: l.amount })),
    discountPercentage: p.discountPercentage ?? 0,
    discountValue: p.discountValue ?? 0,
    // The legacy API names the total `totalAmountCurrency` (guides 000/001); OneAtlas `totalAmount`.
    totalAmount: p.totalAmount ?? p.totalAmountCurrency ?? 0,
  };
}

export const OrderReply = z
  .object({
    salesOrderId: z.string().nullish(),
    quotationId: z.string().nullish(),
    currency: z.string().nullish(),
    totalAmount: z.number().nullish(),
  })
  .refine((o) => !!(o.salesOrderId || o.quotationId), { message: 'neither salesOrderId nor quotationId', path: ['salesOrderId'] });

export function toOrder(o: z.infer<typeof OrderReply>): ProviderOrder {
  return {
    salesOrderId: o.salesOrderId ?? null,
    quotationId: o.quotationId ?? null,
    // The reply carries no status; an accepted order is running (the OneAtlas archive guide: IN_PROGRESS).
    status: 'IN_PROGRESS',
    currency: o.currency ?? null,
    totalAmount: o.totalAmount ?? null,
  };
}
