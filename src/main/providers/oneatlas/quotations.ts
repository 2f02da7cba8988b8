import { z } from 'zod';
import { ProviderError } from '../../http';
import type { ArchiveOrderRequest, CallOptions, ProviderOrder, ProviderQuotation, WithRaw } from '../types';
import { enc, type OneAtlasContext } from './context';
import { oneAtlasOrderBody } from './orderBody';

/**
 * Pléiades Neo quotations (the OneAtlas archive guide, step 4 and "Manage quotations"): request one, then accept it
 * (which creates the order: a commit, never retried), refuse it with a documented reason, or export
 * it as PDF. Requesting a quotation is a commit too: a duplicate would be a second live offer.
 */

const QuotationReply = z.object({
  quotationId: z.string().min(1),
  currency: z.string().min(1),
  discountPercentage: z.number().nullish(),
  discountValue: z.number().nullish(),
  totalAmount: z.number(),
});
const AcceptReply = z.object({ quotationId: z.string().nullish(), salesOrderId: z.string().min(1), status: z.string().nullish(), quotationStatus: z.string().nullish() });

export async function requestQuotation(ctx: OneAtlasContext, req: ArchiveOrderRequest, opts?: CallOptions): Promise<WithRaw<ProviderQuotation>> {
  const body = oneAtlasOrderBody(req, 'neo');
  const { value, raw } = await ctx.api.json({ method: 'POST', url: ctx.url('order', '/api/v1/quotations'), kind: 'commit', body: { json: body } }, QuotationReply, opts);
  return {
    value: { quotationId: value.quotationId, currency: value.currency, discountPercentage: value.discountPercentage ?? 0, discountValue: value.discountValue ?? 0, totalAmount: value.totalAmount },
    raw,
  };
}

const quotationUrl = (ctx: OneAtlasContext, contractId: string, quotationId: string, action: 'accept' | 'refuse') =>
  ctx.url('order', `/api/v1/contracts/${enc(contractId)}/quotations/${enc(quotationId)}/${action}`);

export async function acceptQuotation(ctx: OneAtlasContext, contractId: string, quotationId: string, opts?: CallOptions): Promise<WithRaw<ProviderOrder>> {
  const { value, raw } = await ctx.api.json({ method: 'PUT', url: quotationUrl(ctx, contractId, quotationId, 'accept'), kind: 'commit' }, AcceptReply, opts);
  return { value: { salesOrderId: value.salesOrderId, quotationId: value.quotationId ?? quotationId, status: value.status ?? 'IN_PROGRESS', currency: null, totalAmount: null }, raw };
}

export async function refuseQuotation(ctx: OneAtlasContext, contractId: string, quotationId: string, reasonId: number, opts?: CallOptions): Promise<void> {
  await ctx.api.ok({ method: 'PUT', url: quotationUrl(ctx, contractId, quotationId, 'refuse'), kind: 'write', body: { json: { rejectionReasonId: reasonId } } }, opts);
}

export async function exportQuotationPdf(ctx: OneAtlasContext, quotationId: string, opts?: CallOptions): Promise<Uint8Array> {
  const { bytes } = await ctx.api.bytes(
    { method: 'GET', url: ctx.url('order', `/api/v1/quotations/${enc(quotationId)}/export`), kind: 'read', headers: { accept: 'application/pdf' } },
    /^application\/(pdf|octet-stream)$/,
    opts,
  );
  // Stored for offline viewing: it has to be a PDF, whatever the media type claimed.
  if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') {
    throw new ProviderError('PROVIDER_MALFORMED', `The export of quotation ${quotationId} is not a PDF.`, { path: 'body' });
  }
  return bytes;
}
