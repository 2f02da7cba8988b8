import type { Order, OrderDraft, Quotation } from '../../../shared/domain/archive';
import { DeskFailure } from '../../errors';
import type { ArchiveOrderRequest, ArchiveProvider } from '../../providers/types';
import type { QuotesRepo } from '../../store/quotes-repo';
import { isUnreachable } from '../shared/cached-read';
import { refuseWithoutNotificationEmails } from '../shared/notification-emails';
import { withProvider, type ProviderAccess } from '../shared/provider-access';
import { newOrderRow, type SubmitOnce } from '../shared/submit-once';

/**
 * Pléiades Neo archive is quoted, not priced: request a quotation, then accept it (which places the
 * order, under the same submit-once rule as an order) or refuse it with one of the documented reasons.
 */
export function createQuotationsService(deps: {
  access: ProviderAccess;
  /** The provider request an archive draft makes (the archive room builds it from the stored search). */
  requestFor(draft: OrderDraft): Promise<{ req: ArchiveOrderRequest }>;
  submit: SubmitOnce;
  quotes: QuotesRepo;
  now?: () => Date;
}) {
  const now = () => (deps.now ?? (() => new Date()))().toISOString();
  const flow = (p: ArchiveProvider) => {
    if (!p.quotations) throw new DeskFailure('UNSUPPORTED', 'This provider has no quotations; price the basket instead.');
    return p.quotations;
  };
  const mustGet = (id: string): { quotation: Quotation; draft: OrderDraft } => {
    const quotation = deps.quotes.getQuotation(id);
    const draft = deps.quotes.getQuotationDraft(id);
    if (!quotation || !draft) throw new DeskFailure('NOT_FOUND', `Quotation ${id} is not stored.`);
    return { quotation, draft };
  };
  const mustBeOpen = (q: Quotation) => {
    if (q.status !== 'sent') throw new DeskFailure('QUOTATION_CLOSED', `Quotation ${q.quotationId} was already ${q.status}.`);
  };

  return {
    list: () => deps.quotes.listQuotations(),

    async request(draft: OrderDraft): Promise<Quotation> {
      const { req } = await deps.requestFor(draft);
      const { value, raw } = await withProvider(deps.access, draft.accountId, ({ account, provider, call }) => {
        refuseWithoutNotificationEmails(account.provider, draft.notificationEmails);
        return flow(provider).request(req, call);
      });
      const at = now();
      return deps.quotes.saveQuotation(
        {
        ...value,
        accountId: draft.accountId,
        contractId: draft.contractId,
        customerReference: draft.customerReference,
        status: 'sent',
        rejectionReasonId: null,
        createdAt: at,
        updatedAt: at,
        },
        draft,
        raw,
      );
    },

    async accept(quotationId: string): Promise<{ quotation: Quotation; order: Order }> {
      const { quotation, draft } = mustGet(quotationId);
      mustBeOpen(quotation);
      const order = await withProvider(deps.access, quotation.accountId, (r) =>
        deps.submit.submitOnce(r, newOrderRow(r, draft, { quotationId }, now()), async () => {
          const placed = await flow(r.provider).accept(quotation.contractId, quotationId, r.call);
          // The accept reply carries no amounts: the order costs what the quotation said.
          const { value } = placed;
          return { ...placed, value: { ...value, currency: value.currency ?? quotation.currency, totalAmount: value.totalAmount ?? quotation.totalAmount } };
        }),
      );
      deps.quotes.setQuotationStatus(quotationId, 'accepted', null, now());
      return { quotation: mustGet(quotationId).quotation, order };
    },

    async refuse(quotationId: string, reasonId: number): Promise<Quotation> {
      const { quotation } = mustGet(quotationId);
      mustBeOpen(quotation);
      await withProvider(deps.access, quotation.accountId, ({ provider, call }) => flow(provider).refuse(quotation.contractId, quotationId, reasonId, call));
      deps.quotes.setQuotationStatus(quotationId, 'refused', reasonId, now());
      return mustGet(quotationId).quotation;
    },

    /** The PDF, fetched once and kept so it can be opened offline. */
    async pdf(quotationId: string): Promise<{ fileName: string; base64: string }> {
      const { quotation } = mustGet(quotationId);
      let bytes: Uint8Array | undefined = deps.quotes.getQuotationPdf(quotationId);
      if (!bytes) {
        try {
          bytes = await withProvider(deps.access, quotation.accountId, ({ provider, call }) => flow(provider).exportPdf(quotationId, call));
        } catch (err) {
          if (isUnreachable(err)) throw new DeskFailure('PROVIDER_UNREACHABLE', 'Offline: this quotation PDF was never downloaded, so it is not stored.');
          throw err;
        }
        deps.quotes.storeQuotationPdf(quotationId, bytes, now());
      }
      return { fileName: `${quotationId}.pdf`, base64: Buffer.from(bytes).toString('base64') };
    },
  };
}
export type QuotationsService = ReturnType<typeof createQuotationsService>;
