import { randomUUID } from 'node:crypto';
import { ORDER_FAILED, ORDER_SUBMITTING, type Order, type OrderDraft } from '../../../shared/domain/archive';
import { DeskFailure } from '../../errors';
import type { ProviderOrder } from '../../providers/types';
import type { NewOrder, OrdersRepo } from '../../store/orders-repo';
import type { Reached } from './provider-access';

/** The order fields a provider reply settles (extra reply fields stay in the raw payload). */
export const pick = (o: ProviderOrder): Pick<Order, 'salesOrderId' | 'quotationId' | 'status' | 'currency' | 'totalAmount'> => ({
  salesOrderId: o.salesOrderId,
  quotationId: o.quotationId,
  status: o.status,
  currency: o.currency,
  totalAmount: o.totalAmount,
});

/**
 * The submit-once rule every order-creating call follows (archive order POST, quotation accept): its
 * row is written ('submitting') before the call; an ambiguous failure (timeout, dropped connection,
 * 5xx) is reconciled through the customer reference before anything could be sent again, so one
 * confirmation never makes two orders.
 */
export function createSubmitOnce(deps: { orders: OrdersRepo; now: () => string }) {
  const placed = (id: string, o: ProviderOrder, raw: unknown): Order => {
    const stored = deps.orders.markPlaced(id, { ...pick(o), response: raw, at: deps.now() });
    if (!stored) throw new DeskFailure('NOT_FOUND', `Order ${o.salesOrderId ?? id} was placed but its local record vanished.`);
    return stored;
  };

  /** Looks the order up by its reference; marks it placed when the provider has it. */
  const reconcile = async (r: Reached, order: Pick<Order, 'id' | 'customerReference'>): Promise<Order | null> => {
    const found = (await r.provider.ordersByReference(order.customerReference, r.call))[0];
    if (!found) return null;
    return placed(order.id, found, found);
  };

  /** Runs `send`; a previous unconfirmed or failed attempt with the same reference is reconciled first. */
  const submitOnce = async (r: Reached, row: NewOrder, send: () => Promise<{ value: ProviderOrder; raw: unknown }>): Promise<Order> => {
    const existing = deps.orders.findByReference(row.accountId, row.customerReference);
    if (existing && existing.status !== ORDER_SUBMITTING && existing.status !== ORDER_FAILED) {
      throw new DeskFailure('DUPLICATE_REFERENCE', `Order ${existing.salesOrderId ?? existing.id} already uses the customer reference “${row.customerReference}”. Change the reference to order again.`, { field: 'customerReference' });
    }
    // A previous attempt that may have landed is looked up first: nothing is resent while it might exist.
    if (existing) {
      const landed = await reconcile(r, existing);
      if (landed) return landed;
    }
    const id = existing?.status === ORDER_SUBMITTING ? existing.id : deps.orders.createSubmitting(row).id;
    try {
      const { value, raw } = await send();
      return placed(id, value, raw);
    } catch (err) {
      if (!(err instanceof DeskFailure) || err.code !== 'ORDER_AMBIGUOUS') {
        deps.orders.markFailed(id, deps.now(), err instanceof Error ? err.message : String(err), err instanceof DeskFailure ? (err.details ?? null) : null);
        throw err;
      }
      let landed: Order | null;
      try {
        landed = await reconcile(r, { id, customerReference: row.customerReference });
      } catch {
        throw new DeskFailure(
          'ORDER_UNCONFIRMED',
          `The provider did not answer after receiving the order, and it could not be checked yet. Nothing was sent again. Refresh Orders to see whether order “${row.customerReference}” exists before ordering again.`,
        );
      }
      if (landed) return landed;
      deps.orders.markFailed(id, deps.now(), 'the connection failed and the provider has no order with this reference');
      throw new DeskFailure('ORDER_NOT_PLACED', `The connection failed and the provider has no order with reference “${row.customerReference}”: nothing was ordered. You can confirm again.`);
    }
  };

  return { submitOnce, reconcile };
}
export type SubmitOnce = ReturnType<typeof createSubmitOnce>;

/** The local row of an archive order (or accepted quotation) about to be sent. */
export function newOrderRow(r: Reached, draft: OrderDraft, request: unknown, at: string): NewOrder {
  return {
    id: randomUUID(),
    accountId: r.account.id,
    provider: r.provider.kind,
    kind: 'archive',
    contractId: draft.contractId,
    customerReference: draft.customerReference,
    sceneIds: draft.sceneIds,
    productTypeId: draft.productTypeId,
    request,
    at,
  };
}
