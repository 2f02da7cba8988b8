import type { ReactNode } from 'react';
import type { Tasking } from '../../../../shared/domain/tasking';
import type { ShownError } from '../../../api/errors';
import { needsProvider, type OfflineInfo } from '../../../api/useOffline';
import { ErrorNote } from '../../../ui/ErrorNote';
import { StatusBadge } from '../../../ui/StatusBadge';
import { formatUtc } from '../../../ui/format';
import { BurnUpChart } from './BurnUpChart';
import { ProgressBar } from './ProgressBar';
import { formatArea, isFinalStatus, periodText, progressPercent, proposedSentence } from './taskingText';

const DASH = '—';

/**
 * One tasking: its facts, dated status history, coverage burn-up and (passed in) its segments, with
 * "Show on map" and "Cancel tasking…". Cancel needs the provider and a tasking still running; when it
 * cannot be used, the button says why.
 */
export function TaskingDetail(props: {
  tasking: Tasking;
  asOf: string;
  asOfIso: string | null;
  offline: OfflineInfo | null;
  error: ShownError | null;
  canZoom: boolean;
  onZoom(): void;
  onCancel(): void;
  segmentsCount: number;
  segments: ReactNode;
}) {
  const t = props.tasking;
  const titleId = `tk-detail-${t.id.replace(/[^\w-]/g, '_')}`;
  const final = isFinalStatus(t.status);
  const events = [...t.events].sort((a, b) => b.at.localeCompare(a.at));
  const pct = progressPercent(t.progress);
  const cancel = needsProvider(props.offline, final ? `This tasking is ${t.status}: nothing is left to cancel.` : undefined);
  return (
    <section className="tk-detail" aria-labelledby={titleId}>
      <div className="tk-detail__head">
        <h3 id={titleId} className="mono">
          {t.id}
        </h3>
        <StatusBadge status={t.status} />
      </div>
      {props.asOf && <p className="tk-small muted">{props.asOf}</p>}
      <ErrorNote error={props.error} label="The tasking could not be read" />
      {t.proposedSegmentsCount > 0 && (
        <p className="banner banner-warn tk-banner" role="status">
          {proposedSentence(t.proposedSegmentsCount)}: accept or refuse {t.proposedSegmentsCount === 1 ? 'it' : 'them'} in the segments below.
        </p>
      )}
      <dl className="facts tk-facts">
        <div>
          <dt>Programming</dt>
          <dd>
            {t.programmingType}
            {t.mission ? ` · ${t.mission}` : ''}
          </dd>
        </div>
        <div>
          <dt>Product</dt>
          <dd title={t.productTypeId ?? undefined}>{t.productTypeId ?? DASH}</dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd title={`${formatUtc(t.period.start)} → ${formatUtc(t.period.end)}`}>{periodText(t.period)}</dd>
        </div>
        <div>
          <dt>Ordered</dt>
          <dd>{formatArea(t.orderedAreaKm2)}</dd>
        </div>
        <div>
          <dt>Validated</dt>
          <dd>
            {formatArea(t.validatedAreaKm2)}
            {pct !== null && ` (${pct} %)`}
          </dd>
        </div>
        <div>
          <dt>Segments</dt>
          <dd>
            {t.totalSegmentsCount}
            {t.proposedSegmentsCount > 0 && `, ${t.proposedSegmentsCount} proposed`}
          </dd>
        </div>
        <div>
          <dt>Sales order</dt>
          <dd className="mono" title={t.salesOrderId ?? undefined}>
            {t.salesOrderId ?? DASH}
          </dd>
        </div>
        <div>
          <dt>Reference</dt>
          <dd className="mono" title={t.customerReference ?? undefined}>
            {t.customerReference ?? DASH}
          </dd>
        </div>
      </dl>
      <ProgressBar tasking={t} />
      <div className="tk-detail__actions">
        <button type="button" className="button" onClick={props.onZoom} disabled={!props.canZoom}>
          Show on map
        </button>
        <button type="button" className="button danger" {...cancel} onClick={props.onCancel}>
          Cancel tasking…
        </button>
      </div>

      <section className="tk-history" aria-labelledby={`${titleId}-history`}>
        <h4 id={`${titleId}-history`} className="tk-subhead">
          Status history
        </h4>
        {events.length === 0 ? (
          <p className="muted tk-small">No status change recorded yet.</p>
        ) : (
          <ol className="tk-events">
            {events.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={e.at}>{formatUtc(e.at)}</time> <strong>{e.status}</strong>
                {e.note && <span className="muted"> · {e.note}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <BurnUpChart tasking={t} asOf={props.asOfIso} />

      <section aria-labelledby={`${titleId}-segments`}>
        <h4 id={`${titleId}-segments`} className="tk-subhead">
          Segments ({props.segmentsCount})
        </h4>
        {props.segments}
      </section>
    </section>
  );
}
