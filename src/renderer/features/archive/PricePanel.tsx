import { useState, type ReactNode } from 'react';
import type { Contract, Order, OrderDraft, PriceQuote, ProductType, Quotation } from '../../../shared/domain/archive';
import { needsProvider, type OfflineInfo } from '../../api/useOffline';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatMoney, formatUtc } from '../../ui/format';
import { OrderDialog } from './OrderDialog';
import { PriceBreakdown } from '../../ui/purchase/PriceBreakdown';
import type { Pricing } from './usePricing';

/** The Quotations feature's actions on one quotation, handed in by App (no feature imports another). */
export type QuotationActionsSlot = (props: { quotation: Quotation; offline: OfflineInfo | null; onChanged(q: Quotation): void; onOrdered(order: Order): void }) => ReactNode;

/**
 * Price then order (SPOT, Pléiades), or request a quotation then accept or refuse it (Pléiades Neo,
 * `quotationRequired`). Problems with the draft are listed here so the button says why it waits.
 */
export function PricePanel(props: {
  draft: OrderDraft | null;
  problems: string[];
  productType: ProductType;
  contract: Contract;
  pricing: Pricing;
  offline: OfflineInfo | null;
  track: <T>(w: Promise<T>) => Promise<T>;
  onOrdered(order: Order): void;
  quotationActions: QuotationActionsSlot;
}) {
  const { pricing, contract, productType } = props;
  // The dialog keeps the quote and draft it opened with: once ordered, the panel's price is reset
  // (a spent quote) but the dialog still shows the result in place.
  const [confirming, setConfirming] = useState<{ quote: PriceQuote; draft: OrderDraft } | null>(null);
  const [lastOrder, setLastOrder] = useState<Order | null>(null);
  // Accepting resets the pricing (the quotation is spent), but the card holding the acceptance dialog
  // must stay until that dialog is closed: it keeps showing the accepted quotation.
  const [acceptedQuotation, setAcceptedQuotation] = useState<Quotation | null>(null);
  const quotation = pricing.quotation ?? acceptedQuotation;
  const waiting = props.problems.length > 0 ? `Complete the basket first: ${props.problems.join(' ')}` : undefined;
  const gate = needsProvider(props.offline, waiting);
  const quoted = productType.quotationRequired;
  const quote = pricing.quote;
  const credit = quote?.creditRemaining ?? contract.creditRemaining;
  const orderGate = needsProvider(props.offline, pricing.quoteStale ? 'Price again first: the draft changed.' : !props.draft ? waiting : undefined);

  return (
    <div className="archive-price-panel">
      {props.problems.length > 0 && (
        <ul className="problem-list" aria-label="Before pricing">
          {props.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        {quoted ? (
          <button className="button primary" {...gate} disabled={gate.disabled || pricing.running} aria-busy={pricing.running} onClick={() => {
              setAcceptedQuotation(null);
              void pricing.requestQuotation();
            }}>
            {pricing.running ? 'Requesting…' : 'Request quotation'}
          </button>
        ) : (
          // Once a current price is shown, "Order…" is the next step: pricing again is secondary.
          <button className={`button${quote && !pricing.quoteStale ? '' : ' primary'}`} {...gate} disabled={gate.disabled || pricing.running} aria-busy={pricing.running} onClick={pricing.price}>
            {pricing.running ? 'Pricing…' : quote ? 'Price again' : 'Get price'}
          </button>
        )}
      </div>
      <ErrorNote error={pricing.error} label={quoted ? 'Quotation request failed' : 'Pricing failed'} />
      {!quoted && quote && (
        <>
          {pricing.quoteStale && (
            <p className="banner banner-warn" role="status">The basket or options changed since this price: price again before ordering.</p>
          )}
          <PriceBreakdown quote={quote} credit={credit} />
          <p className="hint">Priced {formatUtc(quote.createdAt)}</p>
          <div className="form-actions">
            <button className="button primary" {...orderGate} onClick={() => props.draft && setConfirming({ quote, draft: props.draft })}>
              Order…
            </button>
          </div>
        </>
      )}
      {quoted && quotation && (
        <div className="card" aria-label={`Quotation ${quotation.quotationId}`}>
          {pricing.quotationStale && <p className="banner banner-warn" role="status">The basket or options changed since this quotation.</p>}
          <dl className="facts">
            <div><dt>Quotation</dt><dd className="mono">{quotation.quotationId}</dd></div>
            <div><dt>Status</dt><dd>{quotation.status}</dd></div>
            <div><dt>Total</dt><dd><strong>{formatMoney(quotation.totalAmount, quotation.currency)}</strong></dd></div>
            {quotation.discountValue !== 0 && <div><dt>Discount</dt><dd>{quotation.discountPercentage} % ({formatMoney(quotation.discountValue, quotation.currency)})</dd></div>}
            <div><dt>Credit remaining</dt><dd>{contract.creditRemaining === null ? 'Not reported' : formatMoney(contract.creditRemaining, contract.currency)}</dd></div>
          </dl>
          {props.quotationActions({
            quotation,
            offline: props.offline,
            onChanged: (q) => {
              pricing.updateQuotation(q);
              setAcceptedQuotation(q.status === 'sent' ? null : q);
            },
            onOrdered: (order) => {
              setLastOrder(order);
              props.onOrdered(order);
            },
          })}
        </div>
      )}
      {lastOrder && (
        <p className="banner banner-ok" role="status">
          Ordered: sales order <span className="mono">{lastOrder.salesOrderId ?? lastOrder.id}</span>
          {lastOrder.totalAmount !== null && `, ${formatMoney(lastOrder.totalAmount, lastOrder.currency)}`}, status {lastOrder.status}. Follow it in Orders.
        </p>
      )}
      {confirming && (
        <OrderDialog
          draft={confirming.draft}
          quote={confirming.quote}
          contract={contract}
          productLabel={productType.label}
          track={props.track}
          onClose={() => setConfirming(null)}
          onFailed={(error) => pricing.orderFailed(confirming.draft, error)}
          onOrdered={(order) => {
            setLastOrder(order);
            props.onOrdered(order);
          }}
        />
      )}
    </div>
  );
}
