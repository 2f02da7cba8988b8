import type { Quotation } from '../../../shared/domain/archive';
import { QUOTATION_REJECTION_REASONS } from '../../../shared/domain/archive';
import { formatMoney, formatUtc } from '../archive/format';
import type { OfflineInfo } from '../archive/useOffline';
import { statusTone } from './OrderRow';
import { QuotationActions } from './QuotationActions';

/** One Pléiades Neo quotation with its status and actions (PDF, and accept/refuse while sent). */
export function QuotationRow(props: { quotation: Quotation; offline: OfflineInfo | null; onChanged(): void }) {
  const q = props.quotation;
  const reason = QUOTATION_REJECTION_REASONS.find((r) => r.id === q.rejectionReasonId);
  return (
    <li className="card orders-card" aria-label={`Quotation ${q.quotationId}`}>
      <div className="card-title">
        <strong className="mono">{q.quotationId}</strong>
        <span className={`orders-status orders-status--${statusTone(q.status)}`}>{q.status}</span>
      </div>
      <dl className="facts">
        <div><dt>Total</dt><dd>{formatMoney(q.totalAmount, q.currency)}</dd></div>
        {q.discountValue !== 0 && <div><dt>Discount</dt><dd>{q.discountPercentage} % ({formatMoney(q.discountValue, q.currency)})</dd></div>}
        <div><dt>Reference</dt><dd className="mono" title={q.customerReference}>{q.customerReference}</dd></div>
        <div><dt>Requested</dt><dd>{formatUtc(q.createdAt)}</dd></div>
        <div><dt>Updated</dt><dd>{formatUtc(q.updatedAt)}</dd></div>
        {reason && <div><dt>Refused because</dt><dd title={reason.label}>{reason.label}</dd></div>}
        <div><dt>PDF</dt><dd>{q.pdfStored ? 'Stored (available offline)' : 'Not downloaded yet'}</dd></div>
      </dl>
      <QuotationActions quotation={q} offline={props.offline} onChanged={props.onChanged} onOrdered={props.onChanged} />
    </li>
  );
}
