import './orders.css';
import { Fragment, type ReactNode } from 'react';
import type { Quotation } from '../../../shared/domain/archive';
import type { AccountsState } from '../../api/accountsState';
import { useActivity } from '../../api/useActivity';
import { useInFlight } from '../../api/useInFlight';
import type { OfflineInfo } from '../../api/useOffline';
import { ActivityBanner } from '../../ui/ActivityBanner';
import { ErrorNote } from '../../ui/ErrorNote';
import { OfflineBanner } from '../../ui/OfflineBanner';
import { OrderRow } from './OrderRow';
import { useOrders } from './useOrders';

/** How one quotation card is drawn: the Quotations feature's, handed in by App (no feature imports another). */
export type QuotationRowSlot = (props: { quotation: Quotation; offline: OfflineInfo | null; onChanged(): void }) => ReactNode;

/** The Programming feature's orders (Origen), handed in by App. */
export type ProgrammingOrdersSlot = () => ReactNode;

/** The Orders section: every archive order with its status history, every quotation, and programming orders. */
/** `focusOrderId`: an order to bring into view (opened from My data). */
export function OrdersPanel(props: { accounts?: AccountsState; quotationRow: QuotationRowSlot; programmingOrders?: ProgrammingOrdersSlot; focusOrderId?: string | null }) {
  const { busy, track } = useInFlight();
  const waiting = useActivity(busy, '');
  const data = useOrders(track);
  const orders = [...(data.orders.value ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const quotations = [...(data.quotations.value ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const labelOf = (accountId: string) => props.accounts?.list.find((a) => a.id === accountId)?.label ?? accountId;

  return (
    <section className="panel" aria-labelledby="orders-title">
      <header className="panel-header">
        <h2 id="orders-title">Orders</h2>
        <button className="button" onClick={data.refresh} disabled={data.refreshing} aria-busy={data.refreshing} title="Ask the providers for the latest statuses">
          {data.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      <div className="panel-body">
        <OfflineBanner offline={data.offline} />
        <ActivityBanner waiting={waiting} />
        <ErrorNote error={data.error} label="Refresh failed" />
        <h3 className="orders-heading" id="orders-list-title">Archive orders</h3>
        <ErrorNote error={data.orders.error} label="Orders could not be loaded" />
        {data.orders.loading && !data.orders.value ? (
          <p className="muted">Loading orders…</p>
        ) : orders.length === 0 ? (
          <p className="empty">No order yet. Orders placed from the Archive section appear here, with their status history.</p>
        ) : (
          <ul className="card-list" aria-labelledby="orders-list-title">
            {orders.map((o) => (
              <OrderRow key={o.id} order={o} accountLabel={labelOf(o.accountId)} quotation={o.quotationId ? quotations.find((q) => q.quotationId === o.quotationId) : undefined} focused={o.id === props.focusOrderId} />
            ))}
          </ul>
        )}
        <h3 className="orders-heading" id="quotations-list-title">Quotations</h3>
        <ErrorNote error={data.quotations.error} label="Quotations could not be loaded" />
        {quotations.length === 0 ? (
          !data.quotations.loading && <p className="empty">No quotation yet. Pléiades Neo archive products are quoted before they are ordered.</p>
        ) : (
          <ul className="card-list" aria-labelledby="quotations-list-title">
            {quotations.map((q) => (
              <Fragment key={q.quotationId}>{props.quotationRow({ quotation: q, offline: data.offline, onChanged: data.reload })}</Fragment>
            ))}
          </ul>
        )}
        {props.programmingOrders?.()}
      </div>
    </section>
  );
}
