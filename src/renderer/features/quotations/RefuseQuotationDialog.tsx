import { useState } from 'react';
import { QUOTATION_REJECTION_REASONS, type Quotation } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import { Modal } from '../../ui/Modal';

/** Refusing a quotation takes one of the seven documented reasons (`rejectionReasonId`). */
export function RefuseQuotationDialog(props: { quotation: Quotation; onClose(): void; onRefused(q: Quotation): void }) {
  const [reason, setReason] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const refuse = async () => {
    if (reason === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      props.onRefused(await call('quotations.refuse', { quotationId: props.quotation.quotationId, rejectionReasonId: reason }));
      props.onClose();
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`Refuse quotation ${props.quotation.quotationId}`}
      onClose={props.onClose}
      actions={
        <>
          <button className="button" autoFocus onClick={props.onClose} disabled={busy}>Cancel</button>
          <button className="button danger" onClick={refuse} disabled={busy || reason === null} aria-busy={busy}>Refuse quotation</button>
        </>
      }
    >
      <fieldset className="fieldset" role="radiogroup" aria-label="Reason for refusing">
        <legend>Reason</legend>
        {QUOTATION_REJECTION_REASONS.map((r) => (
          <label key={r.id} className="checkbox">
            <input type="radio" name="refusal-reason" value={r.id} checked={reason === r.id} onChange={() => setReason(r.id)} />
            {r.label}
          </label>
        ))}
      </fieldset>
      <ErrorNote error={error} label="Refusal failed" />
    </Modal>
  );
}
