import { z } from 'zod';
import { OrderDraftSchema, OrderSchema, QuotationSchema } from '../../domain/archive';
import { channelsOf, Empty, Id } from './define';

// Pléiades Neo quotations: requested from an order draft, then accepted (which places the order) or refused.
export const quotationsContract = channelsOf('quotations')({
  'quotations.list': { request: Empty, response: z.array(QuotationSchema) },
  'quotations.request': { request: OrderDraftSchema.strict(), response: QuotationSchema },
  'quotations.accept': {
    request: z.object({ quotationId: Id, confirmed: z.literal(true) }).strict(),
    response: z.object({ quotation: QuotationSchema, order: OrderSchema }),
  },
  'quotations.refuse': {
    request: z.object({ quotationId: Id, rejectionReasonId: z.number().int().min(1).max(7) }).strict(),
    response: QuotationSchema,
  },
  /** The stored PDF (fetched and kept on first request), base64-encoded. */
  'quotations.pdf': { request: z.object({ quotationId: Id }).strict(), response: z.object({ fileName: z.string(), base64: z.string() }) },
});
