import { FieldError, guarded } from '../accounts/errors';
import { creditOf, creditString, debit } from '../accounts/products';
import { requireOneAtlasBearer } from '../auth/guards';
import { onOrderCommitted, registerOrderHooks } from '../ordering/hooks';
import type { NormalizedOrder } from '../ordering/orderRequest';
import type { AcceptedRecord, SandboxState } from '../state';
import { json, type SandboxContext, type SandboxRequest, type SandboxResponse } from '../types';
import { unit } from './det';
import { nextSalesOrderId } from '../ordering/records';
import { taskingTerms } from './itemProperties';
import { parseTaskingOrder, priceTaskingItem, taskingPriceJson } from './pricing';
import { planAcquisitions, statusOf, taskingStore, type Tasking } from './taskings';

/**
 * Tasking orders. `POST /api/v1/orders` belongs to the ordering module; when the body orders tasking
 * items it hands the request to `createTaskingOrder`. Orders the ordering module commits itself (if
 * it ever does for tasking items) still get their taskings through the commit listener below, and a
 * record is never turned into taskings twice.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Creates the taskings of a committed order (one per tasking item), returning their ids. */
export function createTaskings(state: SandboxState, order: NormalizedOrder, salesOrderId: string): string[] {
  const store = taskingStore(state);
  if (store.committed.has(salesOrderId)) return [...store.taskings.values()].filter((t) => t.sal === salesOrderId).map((t) => t.id);
  store.committed.add(salesOrderId);
  const base = 10_000 + Math.floor(unit(state.seed, 'icr') * 80_000);
  const discount = order.contract.discountPercentage;
  const ids: string[] = [];
  for (const item of order.items) {
    if (item.product.source !== 'tasking') continue;
    const number = base + ++store.seq;
    const id = `ICR_FC_${number}`;
    const terms = taskingTerms(item, state);
    const tasking: Tasking = {
      id,
      number,
      // The order's sales order id (SAL…) and the internal sales order of this tasking (SO…).
      sal: salesOrderId,
      so: `SO${number}`,
      contract: order.contract,
      product: item.product,
      customerRef: order.customerReference ?? null,
      aoi: item.aoi.aoi.geometry,
      orderedAreaKm2: item.aoi.areaKm2,
      createdAt: state.now(),
      amount: round2(priceTaskingItem(item).price * (1 - discount / 100)),
      terms,
      plan: planAcquisitions(state, id, item.product, item.aoi.aoi.polygons, terms),
      decisions: new Map(),
    };
    store.taskings.set(id, tasking);
    ids.push(id);
  }
  return ids;
}

/** The admin listing shows each tasking's status as of the simulated now, without timers. */
function liveData(state: SandboxState, base: Record<string, unknown>, ids: string[]): Record<string, unknown> {
  return Object.defineProperty(base, 'taskings', {
    enumerable: true,
    get: () => ids.map((id) => {
      const t = taskingStore(state).taskings.get(id);
      return t ? { id, status: statusOf(t, state.now()) } : { id, status: 'Unknown' };
    }),
  });
}

/**
 * `POST /api/v1/orders` with a tasking body (items with tasking product types, `segmentKey` for
 * OneDay/OneNow, delivery and notifications). Checks everything, debits the contract, records the
 * order with the exact body it received, and answers the documented `{salesOrderId, …}` with 201.
 */
export function createTaskingOrder(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const denied = requireOneAtlasBearer(req, ctx);
  if (denied) return denied;
  const { state } = ctx;
  return guarded('oneatlas', req, () => {
    const order = parseTaskingOrder(req, 'order', state);
    checkNotifications('delivery.notifications', (req.body as { delivery?: { notifications?: unknown } }).delivery?.notifications);
    const price = taskingPriceJson(order);
    const credit = creditOf(state, order.contract);
    if (price.totalAmount > credit) {
      // Same answer as the ordering module's archive orders.
      throw new FieldError('contractId', `Not enough credit on contract '${order.contract.contractId}': ${creditString(credit)} ${price.currency} remaining, ${price.totalAmount} needed`, 400, 'E2301');
    }
    debit(state, order.contract, price.totalAmount);
    const so = nextSalesOrderId(state);
    const ids = createTaskings(state, order, so);
    const record: AcceptedRecord = {
      kind: 'tasking',
      provider: 'oneatlas',
      id: so,
      ...(order.customerReference ? { customerReference: order.customerReference } : {}),
      receivedAt: state.now().toISOString(),
      path: req.path,
      body: req.body,
      data: liveData(state, { salesOrderId: so, contractId: order.contract.contractId, totalAmount: price.totalAmount, currency: price.currency, taskingIds: ids }, ids),
    };
    state.accepted.push(record);
    return json(201, {
      salesOrderId: so,
      currency: price.currency,
      discountPercentage: price.discountPercentage,
      discountValue: price.discountValue,
      totalAmount: price.totalAmount,
    });
  });
}

/** Notifications (order delivery or per item) must name at least one e-mail address per channel. */
function checkNotifications(field: string, list: unknown): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) throw new FieldError(field, `${field} must be an array`);
  list.forEach((n, i) => {
    const channels = (n as Record<string, unknown> | null)?.['channels'];
    if (!Array.isArray(channels) || channels.length === 0) throw new FieldError(`${field}[${i}].channels`, `${field}[${i}].channels must list at least one channel`);
    channels.forEach((c, j) => {
      const ch = c as { type?: unknown; parameters?: { addresses?: unknown } } | null;
      const f = `${field}[${i}].channels[${j}]`;
      if (ch?.type !== 'email') throw new FieldError(`${f}.type`, `${f}.type must be "email"`);
      const addresses = ch.parameters?.addresses;
      if (!Array.isArray(addresses) || addresses.length === 0 || !addresses.every((a) => typeof a === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a))) {
        throw new FieldError(`${f}.parameters.addresses`, `${f}.parameters.addresses must list valid e-mail addresses`);
      }
    });
  });
}

/** The ordering module's order status for a tasking order, from its taskings (undefined: not a tasking order). */
export function taskingOrderStatus(state: SandboxState, salesOrderId: string): 'IN_PROGRESS' | 'DELIVERED' | 'CANCELLED' | undefined {
  const now = state.now();
  const statuses = [...taskingStore(state).taskings.values()].filter((t) => t.sal === salesOrderId).map((t) => statusOf(t, now));
  if (statuses.length === 0) return undefined;
  if (statuses.every((s) => s === 'Canceled')) return 'CANCELLED';
  return statuses.every((s) => s === 'Completed' || s === 'Canceled') ? 'DELIVERED' : 'IN_PROGRESS';
}

// Plug the tasking rules into the ordering module's shared order reader, and create taskings for
// tasking orders it commits on its own.
registerOrderHooks({
  validateTaskingItem: (item, _order, state) => {
    taskingTerms(item, state);
    checkNotifications(`items[${item.index}].notifications`, item.raw['notifications']);
  },
  priceTaskingItem,
});
onOrderCommitted((record, order, state) => {
  if (record.provider === 'oneatlas' && record.kind !== 'quotation' && order.items.some((i) => i.product.source === 'tasking')) createTaskings(state, order, record.id);
});
