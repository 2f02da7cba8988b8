import { useEffect, useRef, type ReactNode } from 'react';

/** A modal on the native <dialog>: focus is trapped, Escape calls onClose. */
export function Modal(props: { title: string; onClose: () => void; children: ReactNode; actions: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `modal-${props.title.replace(/\W+/g, '-')}`;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${props.wide ? ' dialog-wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h3 id={titleId}>{props.title}</h3>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-actions">{props.actions}</div>
    </dialog>
  );
}
