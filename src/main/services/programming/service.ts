import type { Database } from 'better-sqlite3';
import type { Aoi } from '../../../shared/domain/aoi';
import { createProgrammingOrdersRepo } from '../../store/programming-orders-repo';
import type { Activity } from '../shared/activity';
import type { AccountSource } from '../shared/provider-access';
import type { ProgrammingDeps } from './access';
import { createFollowing } from './following';
import { createOrdering } from './ordering';
import { createProgrammingSubmit } from './submit';

/** The programming room (Origen market accounts): create orders once, then follow them. */
export function createProgrammingService(deps: { db: Database; accounts: AccountSource; factory: ProgrammingDeps['factory']; activity: Activity; aoi(id: string): Aoi; now?: () => Date }) {
  const base: ProgrammingDeps = {
    accounts: deps.accounts,
    factory: deps.factory,
    activity: deps.activity,
    orders: createProgrammingOrdersRepo(deps.db),
    aoi: deps.aoi,
    now: deps.now ?? (() => new Date()),
  };
  const submit = createProgrammingSubmit({ orders: base.orders, now: () => base.now().toISOString() });
  return { ordering: createOrdering({ ...base, submit }), following: createFollowing(base) };
}
export type ProgrammingService = ReturnType<typeof createProgrammingService>;
