import type { Contract, Order, OrderDraft, PriceQuote } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import type { ShownError } from '../../api/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import { Modal } from '../../ui/Modal';
import { formatMoney } from '../../ui/format';
import { creditAfter } from '../../ui/purchase/PriceBreakdown';
import { useSubmitOnce } from '../../ui/purchase/useSubmitOnce';

/**
 * The explicit confirmation docs/ARCHITECTURE.md §8 asks for: price, contract and its remaining credit on screen,
 * and only this dialog's button sends `archive.order` with `confirmed: true`, once (useSubmitOnce).
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
  const credit = quote.creditRemaining ?? contract.creditRemaining;
  const left = creditAfter(quote.totalAmount, credit);
  const { submit: confirm, submitting, result, error } = useSubmitOnce(() => props.track(call('archive.order', { draft, priceQuoteId: quote.id, confirmed: true })), {
    onDone: props.onOrdered,
    onFailed: props.onFailed,
  });

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
      <dl className="facts confirm-facts" aria-label="Order summary">
        <div><dt>Product</dt><dd>{props.productLabel}</dd></div>
        <div><dt>Scenes</dt><dd>{draft.sceneIds.length}</dd></div>
        <div><dt>Price</dt><dd><strong>{formatMoney(quote.totalAmount, quote.currency)}</strong></dd></div>
        <div><dt>Contract</dt><dd title={contract.contractId}>{contract.name}</dd></div>
        <div><dt>Credit remaining</dt><dd>{credit === null ? 'Not reported by the provider' : formatMoney(credit, contract.currency)}</dd></div>
        <div><dt>Reference</dt><dd className="mono">{draft.customerReference}</dd></div>
        {draft.notificationEmails.length > 0 && <div><dt>Notified</dt><dd>{draft.notificationEmails.join(', ')}</dd></div>}
      </dl>
      {left !== null && left < 0 && !result && (
        <p className="banner banner-warn" role="alert">The total exceeds the remaining credit; the provider may refuse this order.</p>
      )}
      {!result && <p>Placing the order commits your contract to this amount.</p>}
      <ErrorNote error={error} label="Order failed" />
      {result && (
        <div className="banner banner-ok" role="status">
          <p className="result-line">
            Sales order <span className="mono">{result.salesOrderId ?? '(number pending)'}</span> — status {result.status}
          </p>
          <p className="result-line">Amount {formatMoney(result.totalAmount, result.currency)} · reference <span className="mono">{result.customerReference}</span></p>
        </div>
      )}
    </Modal>
  );
}
