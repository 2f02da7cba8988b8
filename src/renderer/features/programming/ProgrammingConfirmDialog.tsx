import { PROGRAMMING_PROVIDER_INFO, resolutionLabel, resolutionOf, type ProgrammingDraft, type ProgrammingOrder } from '../../../shared/domain/programming';
import { call } from '../../api/client';
import type { ShownError } from '../../api/errors';
import { Modal } from '../../ui/Modal';
import { formatKm2, formatUtc } from '../../ui/format';
import { useSubmitOnce } from '../../ui/purchase/useSubmitOnce';

/**
 * The confirmation (provider, resolution, window, recurrence, AOI area); only its button sends
 * `programming.create` with `confirmed: true`, once (useSubmitOnce). A failure closes it and the panel
 * shows it where it belongs (beside the field the provider named, the account, or "unconfirmed").
 */
export function ProgrammingConfirmDialog(props: {
  draft: ProgrammingDraft;
  aoi: { name: string; areaKm2: number; vertexCount: number };
  summary: string;
  /** An earlier order left unconfirmed in this panel: said again before sending another. */
  unconfirmedAt: string | null;
  onClose(): void;
  onCreated(order: ProgrammingOrder): void;
  onFailed(error: ShownError): void;
}) {
  const { draft } = props;
  const resolution = resolutionOf(draft.resolutionType);
  const { submit, submitting, result } = useSubmitOnce<ProgrammingOrder>(() => call('programming.create', { draft, confirmed: true }), {
    onDone: props.onCreated,
    onFailed: props.onFailed,
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const local = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Modal
      title={result ? 'Programming order created' : 'Confirm programming order'}
      onClose={submitting ? () => undefined : props.onClose}
      actions={
        result ? (
          <button className="button primary" autoFocus onClick={props.onClose}>Close</button>
        ) : (
          <>
            <button className="button" autoFocus onClick={props.onClose} disabled={submitting}>Cancel</button>
            <button className="button primary" onClick={() => void submit()} disabled={submitting} aria-busy={submitting}>
              {submitting ? 'Sending…' : 'Create programming order'}
            </button>
          </>
        )
      }
    >
      <dl className="facts programming-facts" aria-label="Programming order summary">
        <div><dt>Provider</dt><dd>{PROGRAMMING_PROVIDER_INFO[draft.provider].label}</dd></div>
        <div><dt>Resolution</dt><dd>{resolution ? resolutionLabel(resolution) : draft.resolutionType}</dd></div>
        <div>
          <dt>Window</dt>
          <dd>
            {formatUtc(draft.start)} → {formatUtc(draft.end)}
            <span className="programming-facts__local">{local(draft.start)} → {local(draft.end)} ({zone})</span>
          </dd>
        </div>
        <div><dt>Recurrence</dt><dd>{props.summary}</dd></div>
        {draft.maxCloud !== null && <div><dt>Max cloud</dt><dd>{draft.maxCloud} %</dd></div>}
        <div><dt>AOI</dt><dd>{props.aoi.name} · {formatKm2(props.aoi.areaKm2)} · {props.aoi.vertexCount} vertices</dd></div>
      </dl>
      {!result && props.unconfirmedAt && (
        <p className="banner banner-warn" role="alert">
          An order sent at {formatUtc(props.unconfirmedAt)} is still unconfirmed. Check with Origen that it was not created before sending another.
        </p>
      )}
      {!result && <p className="programming-dialog__note">Origen programs the satellite for this window. Imagery Desk sends the order once and never resends it on its own.</p>}
      {result && (
        <div className="banner banner-ok" role="status">
          <p className="result-line">Order number <span className="mono">{result.orderNumber ?? '(not numbered)'}</span></p>
          <p className="result-line">Follow it under Programming orders in the Orders section.</p>
        </div>
      )}
    </Modal>
  );
}
