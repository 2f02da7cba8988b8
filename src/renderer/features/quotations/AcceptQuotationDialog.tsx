import type { Order, Quotation } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import { useChannel } from '../../api/useChannel';
import { ErrorNote } from '../../ui/ErrorNote';
import { Modal } from '../../ui/Modal';
import { formatMoney } from '../../ui/format';
import { useSubmitOnce } from '../../ui/purchase/useSubmitOnce';

/**
 * Accepting a quotation creates the order at the provider, so it gets the same explicit confirmation
 * as an order: amount, contract and its credit (read afresh for the quotation's own account, so the
 * Orders section shows it too), one guarded send with `confirmed: true`.
 */
export function AcceptQuotationDialog(props: {
  quotation: Quotation;
  onClose(): void;
  onAccepted(result: { quotation: Quotation; order: Order }): void;
}) {
  const q = props.quotation;
  const contracts = useChannel('archive.contracts', { accountId: q.accountId });
  const contract = contracts.value?.value.find((c) => c.contractId === q.contractId);
  const { submit: accept, submitting: busy, result, error } = useSubmitOnce(() => call('quotations.accept', { quotationId: q.quotationId, confirmed: true }), { onDone: props.onAccepted });
  const done = result?.order ?? null;
  return (
    <Modal
      title={done ? 'Quotation accepted' : 'Accept quotation?'}
      onClose={busy ? () => undefined : props.onClose}
      actions={
        done ? (
          <button className="button primary" autoFocus onClick={props.onClose}>Close</button>
        ) : (
          <>
            <button className="button" autoFocus onClick={props.onClose} disabled={busy}>Cancel</button>
            <button className="button primary" onClick={accept} disabled={busy || contracts.loading} aria-busy={busy}>
              {busy ? 'Accepting…' : `Accept and order for ${formatMoney(q.totalAmount, q.currency)}`}
            </button>
          </>
        )
      }
    >
      <dl className="facts" aria-label="Quotation summary">
        <div><dt>Quotation</dt><dd className="mono">{q.quotationId}</dd></div>
        <div><dt>Price</dt><dd><strong>{formatMoney(q.totalAmount, q.currency)}</strong></dd></div>
        <div><dt>Contract</dt><dd title={q.contractId}>{contract?.name ?? q.contractId}</dd></div>
        <div>
          <dt>Credit remaining</dt>
          <dd>{contracts.loading ? 'Loading…' : !contract ? 'Unknown (contract not found)' : contract.creditRemaining === null ? 'Not reported by the provider' : formatMoney(contract.creditRemaining, contract.currency)}</dd>
        </div>
        <div><dt>Reference</dt><dd className="mono">{q.customerReference}</dd></div>
      </dl>
      {!done && <p>Accepting creates the order at the provider and commits the contract to this amount.</p>}
      <ErrorNote error={error} label="Acceptance failed" />
      {done && (
        <p className="banner banner-ok" role="status">
          Order {done.salesOrderId ?? done.id} created — status {done.status}, {formatMoney(done.totalAmount, done.currency)}.
        </p>
      )}
    </Modal>
  );
}
