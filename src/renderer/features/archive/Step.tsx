import type { ReactNode } from 'react';

/**
 * One step of the archive flow, collapsible so the narrow side panel shows the step at hand; the
 * summary line keeps what was chosen visible while it is collapsed.
 */
export function Step(props: { id: string; title: string; summary?: string; open: boolean; onToggle(open: boolean): void; children: ReactNode; disabled?: boolean }) {
  const bodyId = `step-${props.id}`;
  return (
    <section className={`archive-step${props.open ? ' is-open' : ''}`} aria-labelledby={`${bodyId}-title`}>
      <h3 className="archive-step__heading" id={`${bodyId}-title`}>
        <button className="archive-step__toggle" aria-expanded={props.open} aria-controls={bodyId} disabled={props.disabled} onClick={() => props.onToggle(!props.open)}>
          <span className="archive-step__chevron" aria-hidden="true">{props.open ? '▾' : '▸'}</span>
          <span className="archive-step__title">{props.title}</span>
          {!props.open && props.summary && <span className="archive-step__summary">{props.summary}</span>}
        </button>
      </h3>
      <div id={bodyId} className="archive-step__body" hidden={!props.open}>
        {props.children}
      </div>
    </section>
  );
}
