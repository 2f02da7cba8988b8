import type { Database } from 'better-sqlite3';
import type { Aoi } from '../../../shared/domain/aoi';
import { createArchiveCacheRepo } from '../../store/archive-cache-repo';
import type { OrdersRepo } from '../../store/orders-repo';
import { createTaskingRequestsRepo } from '../../store/tasking-requests-repo';
import { createTaskingsRepo } from '../../store/taskings-repo';
import type { ProviderAccess } from '../shared/provider-access';
import { createOffers, type TaskingDeps } from './access';
import { createAsking } from './asking';
import { createFollowing } from './following';
import { createOrdering } from './ordering';
import { createTaskingSubmit } from './submit';

/**
 * The tasking room (One Tasking via OneAtlas accounts): offers, feasibility and attempts (asking),
 * price and order (ordering), and following taskings and their segments (following).
 */
export function createTaskingService(deps: { db: Database; access: ProviderAccess; orders: OrdersRepo; aoi(id: string): Aoi; now?: () => Date }) {
  const base: TaskingDeps = { access: deps.access, cache: createArchiveCacheRepo(deps.db), aoi: deps.aoi, now: deps.now ?? (() => new Date()) };
  const offers = createOffers(base);
  const requests = createTaskingRequestsRepo(deps.db);
  const taskings = createTaskingsRepo(deps.db);
  const submit = createTaskingSubmit({ orders: deps.orders, now: () => base.now().toISOString() });
  return {
    offers,
    asking: createAsking({ ...base, offers, requests }),
    ordering: createOrdering({ ...base, offers, requests, taskings, submit }),
    following: createFollowing({ ...base, taskings, orders: deps.orders }),
  };
}
export type TaskingService = ReturnType<typeof createTaskingService>;
