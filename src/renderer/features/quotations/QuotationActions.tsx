import { useState } from 'react';
import type { Order, Quotation } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { needsProvider, type OfflineInfo } from '../../api/useOffline';
import { ErrorNote } from '../../ui/ErrorNote';
import { AcceptQuotationDialog } from './AcceptQuotationDialog';
import { downloadPdf, pdfFileName } from './pdf';
import { RefuseQuotationDialog } from './RefuseQuotationDialog';

export interface QuotationActionsProps {
  quotation: Quotation;
  offline: OfflineInfo | null;
  onChanged(q: Quotation): void;
  onOrdered?(order: Order): void;
}

/**
 * Export PDF, accept (confirmed) or refuse (with a reason). The Orders section shows it on each
 * quotation card; the Archive section is handed it by App (features do not import one another).
 */
export function QuotationActions(props: QuotationActionsProps) {
  const q = props.quotation;
  const [dialog, setDialog] = useState<'accept' | 'refuse' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const open = q.status === 'sent';
  const gate = needsProvider(props.offline);
  // A stored PDF opens offline; one never downloaded needs the provider.
  const pdfGate = q.pdfStored ? { disabled: false } : gate;

  const exportPdf = async () => {
    setExporting(true);
    setError(null);
    try {
      const pdf = await call('quotations.pdf', { quotationId: q.quotationId });
      downloadPdf(pdf.base64, pdfFileName(pdf.fileName, q.quotationId));
      if (!q.pdfStored) props.onChanged({ ...q, pdfStored: true });
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div className="card-actions">
        <button className="button" aria-label={`Export quotation ${q.quotationId} as PDF`} {...pdfGate} disabled={pdfGate.disabled || exporting} onClick={exportPdf}>
          {exporting ? 'Exporting…' : 'Export PDF'}
        </button>
        {open && (
          <>
            <button className="button danger" aria-label={`Refuse quotation ${q.quotationId}`} {...gate} onClick={() => setDialog('refuse')}>Refuse…</button>
            <button className="button primary" aria-label={`Accept quotation ${q.quotationId}`} {...gate} onClick={() => setDialog('accept')}>Accept…</button>
          </>
        )}
      </div>
      <ErrorNote error={error} label="PDF export failed" />
      {dialog === 'accept' && (
        <AcceptQuotationDialog
          quotation={q}
          onClose={() => setDialog(null)}
          onAccepted={(r) => {
            props.onChanged(r.quotation);
            props.onOrdered?.(r.order);
          }}
        />
      )}
      {dialog === 'refuse' && <RefuseQuotationDialog quotation={q} onClose={() => setDialog(null)} onRefused={props.onChanged} />}
    </>
  );
}
