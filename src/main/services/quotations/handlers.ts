import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { QuotationsService } from './service';

export function quotationsHandlers(quotations: QuotationsService): FeatureHandlers<'quotations'> {
  return {
    'quotations.list': () => quotations.list(),
    'quotations.request': (draft) => quotations.request(draft),
    'quotations.accept': ({ quotationId }) => quotations.accept(quotationId),
    'quotations.refuse': ({ quotationId, rejectionReasonId }) => quotations.refuse(quotationId, rejectionReasonId),
    'quotations.pdf': ({ quotationId }) => quotations.pdf(quotationId),
  };
}
