import { useRef, useState } from 'react';
import type { Contract, Order, OrderDraft, PriceQuote } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import { Modal } from '../../ui/Modal';
import { formatMoney } from '../../ui/format';
import { creditAfter } from './PriceBreakdown';

/**
 * The explicit confirmation docs/ARCHITECTURE.md §8 asks for: price, contract and its remaining credit on screen,
 * and only this dialog's button sends `archive.order` with `confirmed: true`. A ref guards the send
 * as well as the disabled button, so a double click cannot place two orders.
 */
export function OrderDialog(props: {
  draft: OrderDraft;
  quote: PriceQuote;
  contract: Contract;
  productLabel: string;
  track: <T>(w: Promise<T>) => Promise<T>;
  onClose(): void;
  onOrdered(order: Order): void;
  /** A refusal, so the order form can mark the field it names once the dialog is closed. */
  onFailed?(error: ShownError): void;
}) {
  const { quote, contract, draft } = props;
  const sending = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<Order | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const credit = quote.creditRemaining ?? contract.creditRemaining;
  const left = creditAfter(quote.totalAmount, credit);

  const confirm = async () => {
    if (sending.current || result) return;
    sending.current = true;
    setSubmitting(true);
    setError(null);
    try {
      const order = await props.track(call('archive.order', { draft, priceQuoteId: quote.id, confirmed: true }));
      setResult(order);
      props.onOrdered(order);
    } catch (err) {
      const shown = errorOf(err);
      setError(shown);
      props.onFailed?.(shown);
    } finally {
      sending.current = false;
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={result ? 'Order placed' : 'Confirm order'}
      onClose={submitting ? () => undefined : props.onClose}
      actions={
        result ? (
          <button className="button primary" autoFocus onClick={props.onClose}>Close</button>
        ) : (
          <>
            <button className="button" autoFocus onClick={props.onClose} disabled={submitting}>Cancel</button>
            <button className="button primary" onClick={confirm} disabled={submitting} aria-busy={submitting}>
              {submitting ? 'Placing order…' : error ? 'Try again' : `Order for ${formatMoney(quote.totalAmount, quote.currency)}`}
            </button>
          </>
        )
      }
    >
      <dl className="facts archive-confirm" aria-label="Order summary">
        <div><dt>Product</dt><dd>{props.productLabel}</dd></div>
        <div><dt>Scenes</dt><dd>{draft.sceneIds.length}</dd></div>
        <div><dt>Price</dt><dd><strong>{formatMoney(quote.totalAmount, quote.currency)}</strong></dd></div>
        <div><dt>Contract</dt><dd title={contract.contractId}>{contract.name}</dd></div>
        <div><dt>Credit remaining</dt><dd>{credit === null ? 'Not reported by the provider' : formatMoney(credit, contract.currency)}</dd></div>
        <div><dt>Reference</dt><dd className="mono">{draft.customerReference}</dd></div>
      </dl>
      {left !== null && left < 0 && !result && (
        <p className="banner banner-warn" role="alert">The total exceeds the remaining credit; the provider may refuse this order.</p>
      )}
      {!result && <p>Placing the order commits your contract to this amount.</p>}
      <ErrorNote error={error} label="Order failed" />
      {result && (
        <div className="banner banner-ok" role="status">
          <p className="archive-result">
            Sales order <span className="mono">{result.salesOrderId ?? '(number pending)'}</span> — status {result.status}
          </p>
          <p className="archive-result">Amount {formatMoney(result.totalAmount, result.currency)} · reference <span className="mono">{result.customerReference}</span></p>
        </div>
      )}
    </Modal>
  );
}
