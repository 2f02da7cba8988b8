import type { FeatureHandlers } from '../../../shared/ipc/contract';
import { lookupProjection } from './lookup';

export function projectionsHandlers(): FeatureHandlers<'projections'> {
  return {
    'projections.lookup': ({ codes }) => codes.map(lookupProjection),
  };
}
