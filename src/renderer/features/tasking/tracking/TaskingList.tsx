import { useRef, type KeyboardEvent } from 'react';
import type { Tasking } from '../../../../shared/domain/tasking';
import { StatusBadge } from '../../../ui/StatusBadge';
import { nextRow } from './listKeys';
import { ProgressBar } from './ProgressBar';
import { periodText, proposedSentence, proposedText, statusSince, taskingSummary } from './taskingText';

/**
 * The contract's taskings, one dense row each: id, programming type, status, period, reference,
 * validated coverage and the proposed segments waiting for a decision. One row's button is in the tab
 * order; arrows, Page keys, Home and End move between rows, Enter (or a click anywhere on the row)
 * opens one. Rows hold a progress bar, which an ARIA option could not: so a list of buttons.
 */
export function TaskingList(props: { taskings: readonly Tasking[]; selectedId: string | null; onOpen(id: string): void; label: string }) {
  const { taskings, selectedId } = props;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusIndex = Math.max(0, taskings.findIndex((t) => t.id === selectedId));

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = nextRow(e.key, index, taskings.length);
    if (next === null) return;
    e.preventDefault();
    const t = taskings[next];
    if (t) buttons.current.get(t.id)?.focus();
  };

  return (
    <ul className="tk-list" aria-label={props.label} aria-description="Arrow keys move between taskings, Enter opens one.">
      {taskings.map((t, i) => {
        const selected = t.id === selectedId;
        return (
          <li key={t.id} className={`tk-row${selected ? ' is-selected' : ''}`} onClick={() => props.onOpen(t.id)}>
            <div className="tk-row__top">
              <button
                type="button"
                ref={(el) => {
                  if (el) buttons.current.set(t.id, el);
                  else buttons.current.delete(t.id);
                }}
                className="tk-row__open mono"
                aria-current={selected ? 'true' : undefined}
                aria-label={taskingSummary(t)}
                tabIndex={i === focusIndex ? 0 : -1}
                onKeyDown={(e) => onKeyDown(e, i)}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onOpen(t.id);
                }}
              >
                {t.id}
              </button>
              <span className="tk-row__type">{t.programmingType}</span>
              {t.proposedSegmentsCount > 0 && (
                <span className="tk-proposed" title={proposedSentence(t.proposedSegmentsCount)}>
                  {proposedText(t.proposedSegmentsCount)}
                </span>
              )}
              <span className="tk-row__status" title={statusSince(t)}>
                <StatusBadge status={t.status} />
              </span>
            </div>
            <div className="tk-row__meta">
              <span>{periodText(t.period)}</span>
              {t.customerReference && (
                <span className="tk-row__ref mono" title={`Customer reference ${t.customerReference}`}>
                  {t.customerReference}
                </span>
              )}
            </div>
            <ProgressBar tasking={t} />
          </li>
        );
      })}
    </ul>
  );
}
