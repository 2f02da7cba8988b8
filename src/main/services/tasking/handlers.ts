import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { TaskingService } from './service';

/** The tasking channels, each one line onto its service. */
export function taskingHandlers(s: TaskingService): FeatureHandlers<'tasking'> {
  return {
    'tasking.productTypes': ({ accountId, contractId }) => s.offers.read(accountId, contractId),
    'tasking.feasibility': (q) => s.asking.feasibility(q),
    'tasking.attempts': (q) => s.asking.attempts(q),
    'tasking.price': (draft) => s.ordering.price(draft),
    'tasking.order': ({ draft, priceId }) => s.ordering.order(draft, priceId),
    'tasking.list': ({ accountId, contractId }) => s.following.list(accountId, contractId),
    'tasking.detail': ({ accountId, contractId, taskingId }) => s.following.detail(accountId, contractId, taskingId),
    'tasking.segments': ({ accountId, contractId, taskingId }) => s.following.segments(accountId, contractId, taskingId),
    'tasking.acceptSegment': ({ accountId, contractId, taskingId, segmentId }) => s.following.acceptSegment(accountId, contractId, taskingId, segmentId),
    'tasking.refuseSegment': ({ accountId, contractId, taskingId, segmentId, reason }) => s.following.refuseSegment(accountId, contractId, taskingId, segmentId, reason),
    'tasking.cancel': ({ accountId, contractId, taskingId }) => s.following.cancel(accountId, contractId, taskingId),
    'tasking.refresh': ({ accountId, contractId }) => s.following.refresh(accountId, contractId),
  };
}
