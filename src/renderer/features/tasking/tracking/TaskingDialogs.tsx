import { useId, useRef, useState } from 'react';
import type { Tasking, TaskingSegment } from '../../../../shared/domain/tasking';
import { call } from '../../../api/client';
import { errorOf, type ShownError } from '../../../api/errors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorNote } from '../../../ui/ErrorNote';
import { Modal } from '../../../ui/Modal';
import { formatAngle, formatUtc } from '../../../ui/format';
import { formatClearSky, progressLabel } from './taskingText';

interface Scope {
  accountId: string;
  contractId: string;
  track: <T>(w: Promise<T>) => Promise<T>;
  /** Tells the panel's offline state about a failure that means "unreachable". */
  observeError(err: unknown): void;
}

/**
 * Accept or refuse one proposed segment. Refusing needs a reason, kept with the segment on this
 * computer (the provider's refuse takes none). A failure stays in the dialog, beside its buttons.
 */
export function DecisionDialog(props: Scope & { kind: 'accept' | 'refuse'; tasking: Tasking; segment: TaskingSegment; onDone(segment: TaskingSegment): void; onClose(): void }) {
  const { kind, segment: s, tasking } = props;
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  const confirm = async () => {
    setError(null);
    const by = { accountId: props.accountId, contractId: props.contractId, taskingId: tasking.id, segmentId: s.id };
    if (kind === 'refuse' && !reason.trim()) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    try {
      const done = await props.track(kind === 'accept' ? call('tasking.acceptSegment', by) : call('tasking.refuseSegment', { ...by, reason: reason.trim() }));
      props.onDone(done);
    } catch (err) {
      props.observeError(err);
      setError(errorOf(err));
    }
  };

  const facts = `acquired ${formatUtc(s.acquisitionDate)}, incidence ${formatAngle(s.incidenceAngle)}, clear sky ${formatClearSky(s.clearSkyRate)}`;
  return (
    <ConfirmDialog title={kind === 'accept' ? 'Accept this acquisition?' : 'Refuse this acquisition?'} confirmLabel={kind === 'accept' ? 'Accept segment' : 'Refuse segment'} onConfirm={confirm} onCancel={props.onClose}>
      <p className="tk-dialog-p">
        <strong className="mono">{s.id}</strong> of <span className="mono">{tasking.id}</span>: {facts}.
      </p>
      <p className="tk-dialog-p">
        A proposed acquisition is close to what was ordered without meeting every criterion (more cloud than asked for, typically); it waits for your decision.
      </p>
      {kind === 'accept' ? (
        <p className="tk-dialog-p">Accepting validates it: it then counts towards the tasking’s coverage. This cannot be undone from here.</p>
      ) : (
        <>
          <p className="tk-dialog-p">Refusing tells Airbus you do not want this image. This cannot be undone from here.</p>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Why do you refuse it? (required; kept on this computer, not sent)</label>
            <textarea
              ref={field}
              id={`${id}-reason`}
              className="tk-reason"
              rows={3}
              maxLength={1000}
              value={reason}
              aria-invalid={missing && !reason.trim() ? true : undefined}
              aria-describedby={missing && !reason.trim() ? `${id}-missing` : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            {missing && !reason.trim() && (
              <p id={`${id}-missing`} className="tk-field-error" role="alert">
                Say why you refuse it: the reason stays with the segment, for you and your colleagues.
              </p>
            )}
          </div>
        </>
      )}
      <ErrorNote error={error} label={kind === 'accept' ? 'Accepting failed' : 'Refusing failed'} />
    </ConfirmDialog>
  );
}

/**
 * Cancel a tasking, after saying what it means. The One Tasking guide documents the cancel call and,
 * for OneDay, the free confirm/postpone/cancel after the weather forecast sent the day before; it says
 * nothing else about charges, so the dialog says so in its own words rather than promising anything.
 */
export function CancelTaskingDialog(props: Scope & { tasking: Tasking; onDone(tasking: Tasking): void; onClose(): void }) {
  const { tasking: t } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const oneDay = /oneday/i.test(t.programmingType);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await props.track(call('tasking.cancel', { accountId: props.accountId, contractId: props.contractId, taskingId: t.id, confirmed: true }));
      props.onDone(done);
    } catch (err) {
      props.observeError(err);
      setError(errorOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`Cancel tasking ${t.id}?`}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button" autoFocus onClick={props.onClose} disabled={busy}>
            Keep the tasking
          </button>
          <button type="button" className="button danger" onClick={() => void confirm()} disabled={busy} aria-busy={busy}>
            {busy ? 'Cancelling…' : 'Cancel tasking'}
          </button>
        </>
      }
    >
      <p className="tk-dialog-p">
        Cancelling asks Airbus to stop <span className="mono">{t.id}</span> ({t.programmingType}): no further acquisition is planned for it and its status becomes Canceled, recorded here
        with the date. It cannot be undone from Imagery Desk.
      </p>
      {oneDay && (
        <p className="tk-dialog-p">
          For a OneDay tasking, the One Tasking guide says Airbus e-mails a weather forecast 24 hours before the acquisition day, and that is when you can confirm, postpone or cancel it
          at no cost.
        </p>
      )}
      <p className="tk-dialog-p">
        The guide says nothing {oneDay ? 'else ' : ''}about what cancelling costs: check your contract’s terms if in doubt. So far: {progressLabel(t).toLowerCase()}, {t.totalSegmentsCount}{' '}
        segment{t.totalSegmentsCount === 1 ? '' : 's'}.
        {t.totalSegmentsCount > 0 && ' With acquisitions already made, the provider may refuse to cancel; its answer is shown here.'}
      </p>
      <ErrorNote error={error} label="Cancelling failed" />
    </Modal>
  );
}
