import { randomUUID } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import type { Contract, Order, OrderDraft, PriceQuote } from '../../../shared/domain/archive';
import { DeskFailure } from '../../errors';
import type { ArchiveOrderRequest, ProviderOrder } from '../../providers/types';
import { pick, sameDraft, toOrderRequest } from './order-request';
import { withProvider, type ProviderAccess, type Reached } from './provider-access';
import { ORDER_FAILED, ORDER_SUBMITTING, type NewOrder, type OrdersRepo } from '../../store/orders-repo';
import type { QuotesRepo } from '../../store/quotes-repo';
import type { SearchService } from './search';

/**
 * Price and order. An order is submitted once: its row is written ('submitting') before the POST; an
 * ambiguous failure (timeout, dropped connection, 5xx) is reconciled through the customer reference
 * before anything could be sent again, so one confirmation never makes two orders.
 */
export function createOrderingService(deps: {
  access: ProviderAccess;
  aoi(id: string): Aoi;
  search: SearchService;
  contracts(accountId: string): Promise<Contract[]>;
  quotes: QuotesRepo;
  orders: OrdersRepo;
  now?: () => Date;
}) {
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  const requestFor = async (draft: OrderDraft): Promise<{ req: ArchiveOrderRequest; contract: Contract | undefined }> => {
    const { scenes, search } = deps.search.scenesOf(draft.searchId, draft.sceneIds);
    if (search.accountId !== draft.accountId) throw new DeskFailure('WRONG_ACCOUNT', 'These scenes were found with another account; search again with this one.');
    const contract = (await deps.contracts(draft.accountId)).find((c) => c.contractId === draft.contractId);
    const aoi = deps.aoi(draft.aoiId).geometry as Polygon | MultiPolygon;
    return { req: toOrderRequest(draft, aoi, scenes, contract), contract };
  };

  const price = async (draft: OrderDraft): Promise<PriceQuote> => {
    const { req, contract } = await requestFor(draft);
    const { value, raw } = await withProvider(deps.access, draft.accountId, ({ provider, call }) => provider.price(req, call));
    const quote: PriceQuote = { id: randomUUID(), ...value, creditRemaining: contract?.creditRemaining ?? null, createdAt: now() };
    deps.quotes.savePriceQuote(quote, draft, raw);
    return quote;
  };

  /** Looks the order up by its reference; marks it placed when the provider has it. */
  const reconcile = async (r: Reached, order: Pick<Order, 'id' | 'customerReference'>): Promise<Order | null> => {
    const found = (await r.provider.ordersByReference(order.customerReference, r.call))[0];
    if (!found) return null;
    return placed(order.id, found, found);
  };

  /**
   * Runs an order-creating call (order POST, quotation accept) under the submit-once rule. `existing`
   * is a previous unconfirmed or failed attempt with the same reference: it is reconciled first.
   */
  const placed = (id: string, o: ProviderOrder, raw: unknown): Order => {
    const stored = deps.orders.markPlaced(id, { ...pick(o), response: raw, at: now() });
    if (!stored) throw new DeskFailure('NOT_FOUND', `Order ${o.salesOrderId ?? id} was placed but its local record vanished.`);
    return stored;
  };

  const submitOnce = async (
    r: Reached,
    row: NewOrder,
    send: () => Promise<{ value: ProviderOrder; raw: unknown }>,
  ): Promise<Order> => {
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
        deps.orders.markFailed(id, now(), err instanceof Error ? err.message : String(err), err instanceof DeskFailure ? (err.details ?? null) : null);
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
      deps.orders.markFailed(id, now(), 'the connection failed and the provider has no order with this reference');
      throw new DeskFailure('ORDER_NOT_PLACED', `The connection failed and the provider has no order with reference “${row.customerReference}”: nothing was ordered. You can confirm again.`);
    }
  };

  const order = async (draft: OrderDraft, priceQuoteId: string): Promise<Order> => {
    const priced = deps.quotes.getPriceQuote(priceQuoteId);
    if (!priced) throw new DeskFailure('NOT_FOUND', 'This price is no longer stored; price the basket again.');
    if (!sameDraft(priced.draft, draft)) throw new DeskFailure('STALE_PRICE', 'The basket or its options changed since it was priced; price it again before ordering.');
    const { req } = await requestFor(draft);
    return withProvider(deps.access, draft.accountId, (r) =>
      submitOnce(r, newRow(r, draft, req, now()), () => r.provider.order(req, r.call)),
    );
  };

  return { price, order, submitOnce, reconcile, requestFor };
}
export type OrderingService = ReturnType<typeof createOrderingService>;

export function newRow(r: Reached, draft: OrderDraft, request: unknown, at: string): NewOrder {
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
