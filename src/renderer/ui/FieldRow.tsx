import type { ReactElement, ReactNode } from 'react';

/** What a control needs to be read with its label, its error or its hint. */
export interface FieldAria {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled control with the one sentence that concerns it below: the error when there is one (read
 * at once, role=alert), else the hint. The control is given the ids that tie the three together.
 */
export function FieldRow(props: { id: string; label: ReactNode; error?: string | null; hint?: ReactNode; children: (aria: FieldAria) => ReactElement }) {
  const { id, error, hint } = props;
  const aria: FieldAria = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children(aria)}
      {error ? (
        <span className="field-error" id={`${id}-error`} role="alert">{error}</span>
      ) : (
        hint && <span className="hint" id={`${id}-hint`}>{hint}</span>
      )}
    </div>
  );
}
