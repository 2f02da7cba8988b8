import type { Feasibility } from '../../../shared/domain/tasking';
import { formatUtc } from '../../ui/format';

const CLASSIFICATION_TEXT: Record<'EASY' | 'CHALLENGING', string> = {
  EASY: 'Easy: the AOI is likely to be covered within the period.',
  CHALLENGING: 'Challenging: coverage within the period is at risk (weather, angles, competing requests).',
};

/** The feasibility answer: classification and automation, or the reasons it cannot be tasked, and what comes next. */
export function FeasibilityResult({ feasibility: f, stale }: { feasibility: Feasibility; stale: boolean }) {
  return (
    <div className="tasking-feasibility" aria-label="Feasibility answer">
      {stale && <p className="banner banner-warn" role="status">The parameters changed since this answer: check feasibility again before pricing.</p>}
      <dl className="facts">
        <div><dt>Available</dt><dd>{f.available ? 'Yes' : 'No'}</dd></div>
        <div>
          <dt>Classification</dt>
          <dd>{f.classification ? <span className={`tasking-class tasking-class--${f.classification.toLowerCase()}`}>{f.classification}</span> : '—'}</dd>
        </div>
        <div><dt>Automation</dt><dd>{f.automation ?? '—'}{f.automationName && <span className="muted mono"> · {f.automationName}</span>}</dd></div>
        {f.expirationDate && <div><dt>Valid until</dt><dd>{formatUtc(f.expirationDate)}</dd></div>}
        <div><dt>Asked</dt><dd>{formatUtc(f.createdAt)}</dd></div>
      </dl>
      {f.classification && f.available && <p className="hint">{CLASSIFICATION_TEXT[f.classification]}</p>}
      {f.errors.length > 0 && (
        <ul className="banner banner-error tasking-reasons" role="alert" aria-label="Why it cannot be tasked">
          {f.errors.map((e) => <li key={`${e.code}-${e.message}`}>{e.message}</li>)}
        </ul>
      )}
      {f.available && f.automation === 'MANUAL' && (
        <div className="banner banner-warn" role="status">
          <p><strong>A feasibility study is needed.</strong> Airbus’s tasking team studies this request by hand: they judge it feasible, difficult or very difficult, estimate the coverage and may propose other parameters, each proposal with its own quotation.</p>
          <p>It cannot be priced or ordered from here. Send the AOI, the period and what the images are for to your Airbus contact; the proposals come back to you to choose from.</p>
        </div>
      )}
      {!f.available && f.errors.length === 0 && <p className="banner banner-error" role="alert">The provider cannot task this request, and gave no reason.</p>}
    </div>
  );
}
