import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { ProgrammingService } from './service';

/** The programming channels, each one line onto its service. */
export function programmingHandlers(s: ProgrammingService): FeatureHandlers<'programming'> {
  return {
    'programming.create': ({ draft }) => s.ordering.create(draft),
    'programming.list': ({ accountId }) => s.following.list(accountId),
    'programming.detail': ({ accountId, orderId }) => s.following.detail(accountId, orderId),
    'programming.refresh': ({ accountId }) => s.following.refresh(accountId),
  };
}
