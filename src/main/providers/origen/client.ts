import type { HttpClient } from '../../http';
import { endpointOf, secretOf } from '../common/account';
import type { ProviderAccount } from '../types';
import { geometryFormOf, programmingBody } from './body';
import { createProgrammingOrder, type OrigenContext } from './programming';
import { listProgrammingOrders, programmingOrderDetail } from './programming-extension';
import type { ProgrammingClient } from './types';

/** An Origen market account as a ProgrammingClient: the guide's create, and the list/detail extension. */
export function createOrigenProgramming(account: ProviderAccount, http: HttpClient): ProgrammingClient {
  const ctx: OrigenContext = {
    http,
    market: endpointOf(account, 'market', 'market service URL'),
    headers: () => ({ Authorization: secretOf(account, 'token', 'access token') }),
  };
  const form = geometryFormOf(account.identity);
  return {
    bodyOf: (req) => programmingBody(req, form),
    create: (body, opts) => createProgrammingOrder(ctx, body, opts),
    extension: {
      list: (opts) => listProgrammingOrders(ctx, opts),
      detail: (orderNo, opts) => programmingOrderDetail(ctx, orderNo, opts),
    },
  };
}
