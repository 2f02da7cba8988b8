import './steps.css';
import type { ReactNode } from 'react';

/**
 * One step of the archive flow, collapsible so the narrow side panel shows the step at hand; the
 * summary line keeps what was chosen visible while it is collapsed.
 */
export function Step(props: { id: string; title: string; summary?: string; open: boolean; onToggle(open: boolean): void; children: ReactNode; disabled?: boolean }) {
  const bodyId = `step-${props.id}`;
  return (
    <section className={`step${props.open ? ' is-open' : ''}`} aria-labelledby={`${bodyId}-title`}>
      <h3 className="step__heading" id={`${bodyId}-title`}>
        <button className="step__toggle" aria-expanded={props.open} aria-controls={bodyId} disabled={props.disabled} onClick={() => props.onToggle(!props.open)}>
          <span className="step__chevron" aria-hidden="true">{props.open ? '▾' : '▸'}</span>
          <span className="step__title">{props.title}</span>
          {!props.open && props.summary && <span className="step__summary">{props.summary}</span>}
        </button>
      </h3>
      <div id={bodyId} className="step__body" hidden={!props.open}>
        {props.children}
      </div>
    </section>
  );
}
