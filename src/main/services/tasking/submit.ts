import { ORDER_FAILED, ORDER_SUBMITTING, type Order } from '../../../shared/domain/archive';
import { DeskFailure } from '../../errors';
import type { ProviderTasking } from '../../providers/tasking';
import type { ProviderOrder } from '../../providers/types';
import type { NewOrder, OrdersRepo } from '../../store/orders-repo';
import { pick } from '../shared/submit-once';

/**
 * The submit-once rule (docs/ARCHITECTURE.md §8) for tasking orders. It is shared/submit-once's rule
 * with another lookup: a tasking order is found again through the contract's taskings by customer
 * reference (`GET /contracts/{id}/taskings?customerRef=`, the One Tasking guide), which the archive's
 * order search does not cover. The row is written ('submitting') before the POST; an ambiguous failure
 * is looked up before anything could be sent again, so one confirmation never makes two taskings.
 */

export interface Landed {
  order: ProviderOrder;
  taskings: ProviderTasking[];
}

/** What the provider's taskings say about an order they came from (the amount is the confirmed price's). */
export function orderFromTaskings(taskings: ProviderTasking[], confirmed: { currency: string; totalAmount: number }): ProviderOrder | null {
  const first = taskings[0];
  if (!first) return null;
  return { salesOrderId: first.salesOrderId, quotationId: null, status: 'IN_PROGRESS', currency: confirmed.currency, totalAmount: confirmed.totalAmount };
}

export function createTaskingSubmit(deps: { orders: OrdersRepo; now: () => string }) {
  const placed = (id: string, o: ProviderOrder, raw: unknown): Order => {
    const stored = deps.orders.markPlaced(id, { ...pick(o), response: raw, at: deps.now() });
    if (!stored) throw new DeskFailure('NOT_FOUND', `Tasking order ${o.salesOrderId ?? id} was placed but its local record vanished.`);
    return stored;
  };

  /**
   * Sends once. `lookup` answers the provider's taskings carrying the row's reference (empty: none).
   * Returns the order and the taskings found by a reconciliation (empty when the POST answered).
   */
  return async (row: NewOrder, send: () => Promise<{ value: ProviderOrder; raw: unknown }>, lookup: () => Promise<Landed | null>): Promise<{ order: Order; reconciled: boolean }> => {
    const existing = deps.orders.findByReference(row.accountId, row.customerReference);
    if (existing && existing.status !== ORDER_SUBMITTING && existing.status !== ORDER_FAILED) {
      throw new DeskFailure('DUPLICATE_REFERENCE', `Order ${existing.salesOrderId ?? existing.id} already uses the customer reference “${row.customerReference}”. Change the reference to order again.`, {
        field: 'customerReference',
      });
    }
    if (existing) {
      // A previous attempt that may have landed is looked up first: nothing is resent while it might exist.
      const landed = await lookup();
      if (landed) return { order: placed(existing.id, landed.order, landed.taskings), reconciled: true };
    }
    const id = existing?.status === ORDER_SUBMITTING ? existing.id : deps.orders.createSubmitting(row).id;
    try {
      const { value, raw } = await send();
      return { order: placed(id, value, raw), reconciled: false };
    } catch (err) {
      if (!(err instanceof DeskFailure) || err.code !== 'ORDER_AMBIGUOUS') {
        deps.orders.markFailed(id, deps.now(), err instanceof Error ? err.message : String(err), err instanceof DeskFailure ? (err.details ?? null) : null);
        throw err;
      }
      let landed: Landed | null;
      try {
        landed = await lookup();
      } catch {
        throw new DeskFailure(
          'ORDER_UNCONFIRMED',
          `The provider did not answer after receiving the tasking order, and it could not be checked yet. Nothing was sent again. Refresh the taskings to see whether “${row.customerReference}” exists before ordering again.`,
        );
      }
      if (landed) return { order: placed(id, landed.order, landed.taskings), reconciled: true };
      deps.orders.markFailed(id, deps.now(), 'the connection failed and the provider has no tasking with this reference');
      throw new DeskFailure('ORDER_NOT_PLACED', `The connection failed and the provider has no tasking with reference “${row.customerReference}”: nothing was ordered. You can confirm again.`);
    }
  };
}
export type TaskingSubmit = ReturnType<typeof createTaskingSubmit>;
