import type { Tasking } from '../../../../shared/domain/tasking';
import { progressLabel, progressPercent, progressShort } from './taskingText';

/** Ordered vs validated area: a bar (role progressbar, named "Validated 42 % of 132 km²") and its text. */
export function ProgressBar({ tasking }: { tasking: Pick<Tasking, 'progress' | 'orderedAreaKm2' | 'validatedAreaKm2'> }) {
  const pct = progressPercent(tasking.progress);
  const label = progressLabel(tasking);
  return (
    <div className="tk-progress">
      <div
        className="tk-progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? 'not reported' : `${pct} %`}
      >
        <span className={`tk-progress__fill${pct === 100 ? ' is-full' : ''}`} style={{ width: `${pct ?? 0}%` }} />
      </div>
      <span className="tk-progress__text" aria-hidden="true">
        {progressShort(tasking)}
      </span>
    </div>
  );
}
