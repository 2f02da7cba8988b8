import { memo, useRef, type KeyboardEvent } from 'react';
import type { Attempt, AttemptSet } from '../../../shared/domain/tasking';
import { deadlineProblem } from '../../../shared/domain/tasking-rules';
import { INCIDENCE_BUCKETS, incidenceColour } from '../../map/incidenceColours';
import { formatAngle, formatCoverage, formatUtc } from '../../ui/format';
import { AttemptsTimeline } from './AttemptsTimeline';
import { countdown } from './countdown';
import type { AttemptsLink } from './useAttemptsOnMap';
import { useTicker } from './useTicker';

/** The time of a click or key press: the deadline is checked again at the moment of choosing. */
const clickTime = () => Date.now();

// One formatter for every row: building one per call costs more than the rest of the row.
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
/** "Sat 5 Dec 11:07": the weekday matters when choosing a day; the year and zone are in the header. */
const acquisitionTime = (iso: string) => `${DAY_FORMAT.format(new Date(iso))} ${iso.slice(11, 16)}`;

/** The live countdown: the only part of a row that changes every second, so it ticks on its own. */
function Deadline({ iso }: { iso: string }) {
  const c = countdown(iso, useTicker());
  return (
    <span className={`tasking-deadline${c.expired ? ' is-expired' : c.urgent ? ' is-urgent' : ''}`}>
      {c.expired ? 'passed' : c.text}
      <span className="visually-hidden">{c.expired ? ' (order deadline passed)' : ' left to order'}</span>
    </span>
  );
}

function AttemptFacts({ a }: { a: Attempt }) {
  return (
    <dl className="facts tasking-attempt-facts">
      <div><dt>Acquisition</dt><dd>{formatUtc(a.acquisitionStart)} → {formatUtc(a.acquisitionEnd).slice(11)}</dd></div>
      <div><dt>Satellite</dt><dd>{a.satellite}{a.instrumentMode && ` · ${a.instrumentMode}`}</dd></div>
      <div><dt>Incidence</dt><dd>{formatAngle(a.incidenceAngle)} (across-track {formatAngle(a.acrossTrackAngle)}, along-track {formatAngle(a.alongTrackAngle)})</dd></div>
      <div><dt>Extended angle</dt><dd>{a.extendedAngle ? 'Yes: beyond the standard 30°' : 'No'}</dd></div>
      <div><dt>AOI covered</dt><dd>{formatCoverage(a.aoiCoverage)}</dd></div>
      <div><dt>Order deadline</dt><dd>{formatUtc(a.orderDeadline)}</dd></div>
    </dl>
  );
}

/** One attempt of the list; memoised, so hovering one row re-renders two rows, not two hundred. */
const AttemptRow = memo(function AttemptRow(props: { a: Attempt; selected: boolean; hovered: boolean; chosen: boolean; expired: boolean; onHover(id: string): void; onSelect(id: string, zoom: boolean): void }) {
  const { a, expired } = props;
  return (
    <div
      id={`attempt-${a.id}`}
      role="option"
      aria-selected={props.selected}
      className={`tasking-attempt${props.selected ? ' is-selected' : ''}${props.hovered ? ' is-hovered' : ''}${expired ? ' is-expired' : ''}`}
      onMouseEnter={() => props.onHover(a.id)}
      onClick={() => props.onSelect(a.id, true)}
    >
      <span className="tasking-swatch" style={{ background: incidenceColour(a.incidenceAngle) }} aria-hidden="true" />
      <span className="tasking-attempt__main">
        <span>{acquisitionTime(a.acquisitionStart)} <span className="muted">· {a.satellite}</span>{props.chosen && <> <span className="tag tasking-chosen">Chosen</span></>}</span>{' '}
        <span className="muted">
          {formatAngle(a.incidenceAngle)} incidence · {formatCoverage(a.aoiCoverage)} of AOI{a.extendedAngle ? ' · extended angle' : ''}
        </span>
      </span>
      {' '}
      <Deadline iso={a.orderDeadline} />
      {/* The name is the row's text as shown (WCAG 2.5.3), then the acquisition time in UTC. */}
      <span className="visually-hidden">, acquired {formatUtc(a.acquisitionStart)}</span>
    </div>
  );
});

/** OneNow: the package is ordered as a whole, while its first acquisition can still be ordered. */
function PackageChoice(props: { attempts: Attempt[]; now: number; chosen: boolean; stale: boolean; onChoose(): void }) {
  const blocked = deadlineProblem(props.attempts[0]!, props.now);
  if (blocked) return <p className="banner banner-error" role="alert">{blocked.message}</p>;
  return (
    <button className="button primary" onClick={props.onChoose} disabled={props.stale || props.chosen}>
      {props.chosen ? 'Package chosen' : `Choose this package (${props.attempts.length} acquisition${props.attempts.length === 1 ? '' : 's'})`}
    </button>
  );
}

/**
 * The attempts of one answer: a timeline, a list linked both ways with the map (hover and selection),
 * and the selected attempt's facts with "Choose". The list is a listbox: arrows move, Enter chooses.
 * OneNow answers are one package (the provider plans the days): it is chosen as a whole.
 */
export function AttemptsView(props: { set: AttemptSet; link: AttemptsLink; now: number; chosenId: string | null; stale: boolean; onChoose(id: string): void }) {
  const { set, link, now } = props;
  const list = useRef<HTMLDivElement>(null);
  const attempts = link.attempts;
  const selected = attempts.find((a) => a.id === link.selectedId) ?? null;
  const pkg = set.progType === 'ONENOW';
  const move = (e: KeyboardEvent) => {
    const i = attempts.findIndex((a) => a.id === link.selectedId);
    const last = attempts.length - 1;
    const next = e.key === 'ArrowDown' ? Math.min(last, i + 1) : e.key === 'ArrowUp' ? Math.max(0, i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next !== null && attempts[next]) {
      e.preventDefault();
      link.select(attempts[next].id, true);
      document.getElementById(`attempt-${attempts[next].id}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && selected) {
      e.preventDefault();
      if (!deadlineProblem(pkg ? attempts[0]! : selected, clickTime())) props.onChoose(pkg ? attempts[0]!.id : selected.id);
    }
  };
  const blocked = selected ? deadlineProblem(selected, now) : null;
  const chosen = attempts.find((a) => a.id === props.chosenId);

  return (
    <div className="tasking-attempts">
      {props.stale && <p className="banner banner-warn" role="status">The parameters changed since these attempts: ask again before pricing.</p>}
      <p className="hint">
        {attempts.length} attempt{attempts.length === 1 ? '' : 's'} asked {formatUtc(set.createdAt)}
        {pkg && ' — OneNow orders them as one package; the provider plans the days.'}
      </p>
      <AttemptsTimeline attempts={attempts} now={now} hoveredId={link.hoveredId} selectedId={link.selectedId} onHover={link.setHoveredId} onSelect={(id) => link.select(id)} />
      <p className="tasking-legend" aria-label="Incidence angle colours">
        Incidence
        {INCIDENCE_BUCKETS.slice(0, -1).map((b) => (
          <span key={b.label}><span className="tasking-swatch tasking-swatch--small" style={{ background: b.colour }} aria-hidden="true" />{b.label}</span>
        ))}
      </p>
      <div className="tasking-attempt-head" aria-hidden="true">
        <span>Acquisition (UTC) · satellite</span>
        <span>Time left to order</span>
      </div>
      <div
        ref={list}
        className="tasking-attempt-list"
        role="listbox"
        tabIndex={0}
        aria-label="Acquisition attempts"
        aria-activedescendant={link.selectedId ? `attempt-${link.selectedId}` : undefined}
        onKeyDown={move}
        onMouseLeave={() => link.setHoveredId(null)}
      >
        {attempts.map((a) => (
          <AttemptRow
            key={a.id}
            a={a}
            selected={a.id === link.selectedId}
            hovered={a.id === link.hoveredId}
            chosen={a.id === props.chosenId}
            expired={Date.parse(a.orderDeadline) <= now}
            onHover={link.setHoveredId}
            onSelect={link.select}
          />
        ))}
      </div>
      {pkg && <PackageChoice attempts={attempts} now={now} chosen={!!props.chosenId} stale={props.stale} onChoose={() => props.onChoose(attempts[0]!.id)} />}
      {selected ? (
        <div className="tasking-attempt-detail" aria-label="Selected attempt">
          <AttemptFacts a={selected} />
          {pkg ? null : blocked ? (
            <p className="banner banner-error" role="alert">{blocked.message}</p>
          ) : (
            <button className="button primary" onClick={() => !deadlineProblem(selected, clickTime()) && props.onChoose(selected.id)} disabled={props.stale}>
              {props.chosenId === selected.id ? 'Chosen' : 'Choose this acquisition'}
            </button>
          )}
        </div>
      ) : (
        <p className="hint">Select an attempt in the list or on the map to see {pkg ? 'it' : 'it and choose it'}.</p>
      )}
      {chosen && !pkg && chosen.id !== link.selectedId && <p className="hint">Chosen: {formatUtc(chosen.acquisitionStart)}, {chosen.satellite}.</p>}
    </div>
  );
}
