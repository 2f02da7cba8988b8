import type { Order } from '../../../shared/domain/archive';
import { DeskFailure } from '../../errors';
import { ORDER_FAILED, ORDER_SUBMITTING } from '../../../shared/domain/archive';
import type { OrdersRepo } from '../../store/orders-repo';
import { isUnreachable } from '../shared/cached-read';
import { withProvider, type ProviderAccess } from '../shared/provider-access';
import { pick } from '../shared/submit-once';

/**
 * Order tracking: each order's status as the provider's order search reports it now. A status change
 * is kept as a dated event (the store writes one only on change); an order still 'submitting' (the app
 * stopped or the connection failed mid-order) is reconciled here too.
 */
export type OrdersService = ReturnType<typeof createOrdersService>;

export function createOrdersService(deps: { access: ProviderAccess; orders: OrdersRepo; now?: () => Date }) {
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  const refreshAccount = async (accountId: string, orders: Order[]): Promise<void> => {
    await withProvider(deps.access, accountId, async ({ provider, call }) => {
      for (const order of orders) {
        const state = (await provider.ordersByReference(order.customerReference, call)).find((s) => !order.salesOrderId || s.salesOrderId === order.salesOrderId);
        if (!state) continue;
        if (order.status === ORDER_SUBMITTING) deps.orders.markPlaced(order.id, { ...pick(state), response: state, at: now() });
        else if (state.status !== order.status) deps.orders.setStatus(order.id, state.status, state.updatedAt ?? now());
      }
    });
  };

  return {
    list: () => deps.orders.list(),
    /**
     * At launch: orders left 'submitting' by a crash or a dropped connection are looked up by their
     * customer reference. Best effort and silent: offline, they wait for the next refresh.
     */
    async settleUnsettled(): Promise<number> {
      const unsettled = deps.orders.listUnsettled();
      const byAccount = new Map<string, Order[]>();
      for (const o of unsettled) byAccount.set(o.accountId, [...(byAccount.get(o.accountId) ?? []), o]);
      for (const [id, orders] of byAccount) await refreshAccount(id, orders).catch(() => undefined);
      return deps.orders.listUnsettled().length;
    },
    async refresh(accountId?: string): Promise<Order[]> {
      const live = deps.orders.list(500).filter((o) => o.status !== ORDER_FAILED && (!accountId || o.accountId === accountId));
      const byAccount = new Map<string, Order[]>();
      for (const o of live) byAccount.set(o.accountId, [...(byAccount.get(o.accountId) ?? []), o]);
      const unreachable: string[] = [];
      let lookupless = 0;
      for (const [id, orders] of byAccount) {
        try {
          await refreshAccount(id, orders);
        } catch (err) {
          // GeoAPI legacy cannot look orders up: its orders keep the status they were placed with.
          if (err instanceof DeskFailure && err.code === 'ORDER_LOOKUP_UNSUPPORTED') {
            lookupless++;
            continue;
          }
          if (!isUnreachable(err) && !(err instanceof DeskFailure && err.code === 'NOT_FOUND')) throw err;
          unreachable.push(err instanceof Error ? err.message : String(err));
        }
      }
      if (unreachable.length > 0 && unreachable.length === byAccount.size - lookupless) {
        throw new DeskFailure('PROVIDER_UNREACHABLE', `Offline: the order statuses shown are the stored ones. ${unreachable[0] ?? ''}`.trim());
      }
      return deps.orders.list();
    },
  };
}
