import { useEffect, useRef } from 'react';
import type { Order, Quotation } from '../../../shared/domain/archive';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatMoney, formatUtc } from '../../ui/format';

/** One order: status, amount, reference, dates; expands to its dated status history. */
export function OrderRow({ order, accountLabel, quotation, focused }: { order: Order; accountLabel: string; quotation?: Quotation; focused?: boolean }) {
  const name = order.salesOrderId ?? order.quotationId ?? order.customerReference;
  const events = [...order.events].sort((a, b) => b.at.localeCompare(a.at));
  // Opened from elsewhere (My data's "Open in Orders"): brought into view and given the focus once.
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!focused) return;
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus();
  }, [focused]);
  return (
    <li ref={ref} className={`card orders-card${focused ? ' is-focused' : ''}`} aria-label={`Order ${name}`} aria-current={focused || undefined} tabIndex={focused ? -1 : undefined}>
      <div className="card-title">
        <strong className="mono">{name}</strong>
        <StatusBadge status={order.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>Amount</dt>
          <dd>
            {/* An accepted quotation's order may come back without an amount: the quoted total is what was committed. */}
            {order.totalAmount === null && quotation ? `${formatMoney(quotation.totalAmount, quotation.currency)} (quoted)` : formatMoney(order.totalAmount, order.currency)}
          </dd>
        </div>
        <div><dt>Reference</dt><dd className="mono" title={order.customerReference}>{order.customerReference}</dd></div>
        <div><dt>Product</dt><dd title={order.productTypeId}>{order.productTypeId} · {order.sceneIds.length} scene{order.sceneIds.length === 1 ? '' : 's'}</dd></div>
        <div><dt>Account</dt><dd>{accountLabel}</dd></div>
        <div><dt>Ordered</dt><dd>{formatUtc(order.createdAt)}</dd></div>
        <div><dt>Updated</dt><dd>{formatUtc(order.updatedAt)}</dd></div>
      </dl>
      <details className="orders-events">
        <summary aria-label={`Status history of ${name} (${events.length})`}>Status history ({events.length})</summary>
        {events.length === 0 ? (
          <p className="muted">No status change recorded yet.</p>
        ) : (
          <ol className="orders-events__list" aria-label={`Status events of ${name}`}>
            {events.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={e.at}>{formatUtc(e.at)}</time> — <strong>{e.status}</strong>
                {e.note && <span className="muted"> · {e.note}</span>}
              </li>
            ))}
          </ol>
        )}
      </details>
    </li>
  );
}
