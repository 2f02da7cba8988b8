import { useState, type ReactNode } from 'react';
import { Modal } from './Modal';

/** Asks before a destructive action; Cancel has the focus so Enter never destroys by accident. */
export function ConfirmDialog(props: {
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={props.title}
      onClose={props.onCancel}
      actions={
        <>
          <button className="button" autoFocus onClick={props.onCancel} disabled={busy}>
            Cancel
          </button>
          <button
            className="button danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await props.onConfirm();
              } finally {
                setBusy(false);
              }
            }}
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
    </Modal>
  );
}
