import './quotations.css';
import type { Quotation } from '../../../shared/domain/archive';
import { QUOTATION_REJECTION_REASONS } from '../../../shared/domain/archive';
import type { OfflineInfo } from '../../api/useOffline';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatMoney, formatUtc } from '../../ui/format';
import { QuotationActions } from './QuotationActions';

export interface QuotationRowProps {
  quotation: Quotation;
  offline: OfflineInfo | null;
  onChanged(): void;
}

/** One Pléiades Neo quotation with its status and actions (PDF, and accept/refuse while sent). */
export function QuotationRow(props: QuotationRowProps) {
  const q = props.quotation;
  const reason = QUOTATION_REJECTION_REASONS.find((r) => r.id === q.rejectionReasonId);
  return (
    <li className="card quotation-card" aria-label={`Quotation ${q.quotationId}`}>
      <div className="card-title">
        <strong className="mono">{q.quotationId}</strong>
        <StatusBadge status={q.status} />
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
