import type { Contract } from '../../../shared/domain/archive';
import type { Attempt, Feasibility, Tasking, TaskingDraft, TaskingPrice, TaskingProductType } from '../../../shared/domain/tasking';
import { call } from '../../api/client';
import type { ShownError } from '../../api/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import { Modal } from '../../ui/Modal';
import { formatAngle, formatMoney, formatUtc } from '../../ui/format';
import { creditAfter } from '../../ui/purchase/PriceBreakdown';
import { useSubmitOnce } from '../../ui/purchase/useSubmitOnce';
import { PROG_TYPE_TEXT } from './offers';

/**
 * The explicit confirmation (docs/ARCHITECTURE.md §8): price, contract credit and what is tasked on
 * screen; only this button sends `tasking.order` with `confirmed: true`, once (useSubmitOnce). An ambiguous failure is reconciled by main by customer reference.
 */
export function TaskingOrderDialog(props: {
  draft: TaskingDraft;
  price: TaskingPrice;
  contract: Contract;
  offer: TaskingProductType;
  aoiName: string;
  attempts: Attempt[];
  feasibility: Feasibility | null;
  track: <T>(w: Promise<T>) => Promise<T>;
  onClose(): void;
  onOrdered(result: { taskings: Tasking[] }): void;
  onFailed(error: ShownError): void;
}) {
  const { draft, price, contract, offer } = props;
  const credit = price.creditRemaining ?? contract.creditRemaining;
  const left = creditAfter(price.totalAmount, credit);
  const chosen = props.attempts.find((a) => a.id === draft.attemptId);
  const pkg = offer.progType === 'ONENOW';
  const { submit: confirm, submitting, result, error } = useSubmitOnce<{ salesOrderId: string | null; taskings: Tasking[] }>(
    async () => {
      const r = await props.track(call('tasking.order', { draft, priceId: price.id, confirmed: true }));
      return { salesOrderId: r.order.salesOrderId, taskings: r.taskings };
    },
    { onDone: props.onOrdered, onFailed: props.onFailed },
  );

  return (
    <Modal
      title={result ? 'Tasking ordered' : 'Confirm tasking order'}
      onClose={submitting ? () => undefined : props.onClose}
      actions={
        result ? (
          <button className="button primary" autoFocus onClick={props.onClose}>Close</button>
        ) : (
          <>
            <button className="button" autoFocus onClick={props.onClose} disabled={submitting}>Cancel</button>
            <button className="button primary" onClick={confirm} disabled={submitting} aria-busy={submitting}>
              {submitting ? 'Ordering…' : error ? 'Try again' : `Order for ${formatMoney(price.totalAmount, price.currency)}`}
            </button>
          </>
        )
      }
    >
      <dl className="facts confirm-facts" aria-label="Tasking order summary">
        <div><dt>Offer</dt><dd>{PROG_TYPE_TEXT[offer.progType].label} · {offer.label}</dd></div>
        <div><dt>AOI</dt><dd>{props.aoiName}</dd></div>
        {pkg ? (
          <div><dt>Acquisitions</dt><dd>{props.attempts.length} planned by the provider: {props.attempts.map((a) => formatUtc(a.acquisitionStart)).join(', ')}</dd></div>
        ) : chosen ? (
          <div><dt>Acquisition</dt><dd>{formatUtc(chosen.acquisitionStart)} · {chosen.satellite} · {formatAngle(chosen.incidenceAngle)}; order before {formatUtc(chosen.orderDeadline)}</dd></div>
        ) : (
          draft.period && <div><dt>Period</dt><dd>{formatUtc(draft.period.start)} → {formatUtc(draft.period.end)}</dd></div>
        )}
        {props.feasibility && <div><dt>Feasibility</dt><dd>{props.feasibility.classification ?? '—'} · {props.feasibility.automation ?? '—'}</dd></div>}
        <div><dt>Price</dt><dd><strong>{formatMoney(price.totalAmount, price.currency)}</strong></dd></div>
        <div><dt>Contract</dt><dd title={contract.contractId}>{contract.name}</dd></div>
        <div><dt>Credit remaining</dt><dd>{credit === null ? 'Not reported by the provider' : formatMoney(credit, contract.currency)}</dd></div>
        <div><dt>Notified</dt><dd>{draft.notificationEmails.join(', ')}</dd></div>
        <div><dt>Reference</dt><dd className="mono">{draft.customerReference}</dd></div>
      </dl>
      {left !== null && left < 0 && !result && <p className="banner banner-warn" role="alert">The total exceeds the remaining credit; the provider may refuse this order.</p>}
      {!result && <p>Ordering commits your contract to this amount and programs the satellite.</p>}
      <ErrorNote error={error} label="Order failed" />
      {result && (
        <div className="banner banner-ok" role="status">
          <p className="result-line">Sales order <span className="mono">{result.salesOrderId ?? '(number pending)'}</span></p>
          <p className="result-line">
            {result.taskings.length === 0 ? 'The tasking will appear in Taskings once the provider lists it.' : `Tasking ${result.taskings.map((t) => t.id).join(', ')} — follow it in Taskings.`}
          </p>
        </div>
      )}
    </Modal>
  );
}
