import type { TaskingProvider } from '../tasking';
import type { OneAtlasContext } from './context';
import { attempts } from './tasking-attempts';
import { taskingOrder, taskingPrice } from './tasking-ordering';
import { taskingProductTypes } from './tasking-products';
import { feasibility } from './tasking-search';
import { decideSegment, segments } from './tasking-segments';
import { cancelTasking, tasking, taskings } from './tasking-taskings';

/** OneAtlas One Tasking as a TaskingProvider; each capability lives in its own module. */
export function oneAtlasTasking(ctx: OneAtlasContext): TaskingProvider {
  return {
    productTypes: (contractId, opts) => taskingProductTypes(ctx, contractId, opts),
    feasibility: (q, opts) => feasibility(ctx, q, opts),
    attempts: (q, opts) => attempts(ctx, q, opts),
    price: (req, opts) => taskingPrice(ctx, req, opts),
    order: (req, opts) => taskingOrder(ctx, req, opts),
    taskings: (contractId, filter, opts) => taskings(ctx, contractId, filter, opts),
    tasking: (contractId, taskingId, opts) => tasking(ctx, contractId, taskingId, opts),
    segments: (contractId, taskingId, opts) => segments(ctx, contractId, taskingId, opts),
    acceptSegment: (contractId, taskingId, segmentId, opts) => decideSegment(ctx, contractId, taskingId, segmentId, 'accept', opts),
    refuseSegment: (contractId, taskingId, segmentId, opts) => decideSegment(ctx, contractId, taskingId, segmentId, 'refuse', opts),
    cancel: (contractId, taskingId, opts) => cancelTasking(ctx, contractId, taskingId, opts),
  };
}
