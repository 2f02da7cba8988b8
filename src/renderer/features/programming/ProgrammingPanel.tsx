import './programming.css';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { Aoi } from '../../../shared/domain/aoi';
import {
  PROGRAMMING_PROVIDER_INFO,
  PROGRAMMING_PROVIDERS,
  RECURRENCE_UNITS,
  resolutionLabel,
  resolutionsOf,
  type ProgrammingOrder,
  type ProgrammingProvider,
  type RecurrenceUnit,
} from '../../../shared/domain/programming';
import { fieldErrorFor, isOffline, type ShownError } from '../../api/errors';
import type { TaskingMapPort } from '../../map/taskingPort';
import { ErrorNote } from '../../ui/ErrorNote';
import { FieldRow, type FieldAria } from '../../ui/FieldRow';
import { formatKm2, formatUtc } from '../../ui/format';
import { ProgrammingConfirmDialog } from './ProgrammingConfirmDialog';
import { buildProgrammingDraft, defaultValues, isOptical, problemFor, withProvider, type ProgrammingValues } from './programmingForm';
import { fromLocalInput } from '../../ui/localTime';

export interface ProgrammingPanelProps {
  accountId: string;
  map: TaskingMapPort | undefined;
  /** False while another section is shown. */
  active: boolean;
  aois: Aoi[];
  activeAoiId: string;
  notify(text: string): void;
  /** Opens the Accounts section on this account (a token the provider says is wrong or expired). */
  onEditAccount(accountId: string): void;
}

/** The draft fields the form shows, so a provider message naming one is said beside it. */
const SHOWN_FIELDS = ['provider', 'resolutionType', 'maxCloud', 'aoiId', 'start', 'end', 'recurrence', 'recurrence.every', 'recurrence.unit'];

/** The rule clock: "start in the future" is re-read every half minute. */
function useClock(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Origen programming (Jilin-1 optical, Spacety SAR): the form, its confirmation and the order sent once. */
export function ProgrammingPanel(props: ProgrammingPanelProps) {
  const { accountId } = props;
  const now = useClock();
  const [values, setValues] = useState<ProgrammingValues>(() => defaultValues(Date.now()));
  const [confirming, setConfirming] = useState(false);
  // Kept with the account and AOI it concerns: another one makes it moot.
  const [failed, setFailed] = useState<{ key: string; error: ShownError } | null>(null);
  const [unconfirmed, setUnconfirmed] = useState<{ at: string; message: string; orderId: string | null } | null>(null);
  const [created, setCreated] = useState<ProgrammingOrder | null>(null);
  const aoi = props.aois.find((a) => a.id === props.activeAoiId);
  const outcome = useMemo(() => buildProgrammingDraft({ accountId, aoi }, values, now), [accountId, aoi, values, now]);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const key = `${accountId}|${props.activeAoiId}`;
  const failure = failed?.key === key ? failed.error : null;
  const setFailure = (error: ShownError | null) => setFailed(error ? { key, error } : null);

  // A failure concerns what was sent: once the order changes, it no longer stands beside a field.
  const change = (patch: Partial<ProgrammingValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setFailure(null);
  };

  const fieldError = (field: string) => problemFor(outcome.problems, field) ?? fieldErrorFor(failure, field) ?? undefined;
  const field = (key: string, label: string, input: (aria: FieldAria) => ReactElement, hint?: string) => (
    <FieldRow id={`programming-${key.replace('.', '-')}`} label={label} error={fieldError(key)} hint={hint}>{input}</FieldRow>
  );
  const blamed = failure?.field && SHOWN_FIELDS.includes(failure.field);
  const optical = isOptical(values.provider);
  const utc = (text: string) => {
    const iso = fromLocalInput(text);
    return iso ? formatUtc(iso) : '—';
  };

  // What came back from Origen is below the form: brought into view when it arrives.
  const feedback = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failed || unconfirmed || created) feedback.current?.scrollIntoView?.({ block: 'nearest' });
  }, [failed, unconfirmed, created]);

  const onFailed = (error: ShownError) => {
    setConfirming(false);
    if (error.code === 'ORDER_UNCONFIRMED') {
      const at = typeof error.details?.['at'] === 'string' ? error.details['at'] : new Date().toISOString();
      const orderId = typeof error.details?.['orderId'] === 'string' ? error.details['orderId'] : null;
      setUnconfirmed({ at, message: error.message, orderId });
      setFailure(null);
      return;
    }
    setFailure(error);
  };
  const onCreated = (order: ProgrammingOrder) => {
    setCreated(order);
    setFailure(null);
    props.notify(order.orderNumber ? `Programming order ${order.orderNumber} created with Origen.` : 'Programming order created with Origen.');
  };

  return (
    <div className="programming" aria-label="Origen programming" role="group">
      <p className="programming__intro">Program Jilin-1 (optical) or Spacety (SAR) to image the active AOI within a window, once or recurring.</p>

      <fieldset className="fieldset">
        <legend>Satellite</legend>
        {field('provider', 'Provider', (aria) => (
          <select {...aria} value={values.provider} onChange={(e) => change(withProvider(values, e.target.value as ProgrammingProvider))}>
            {PROGRAMMING_PROVIDERS.map((p) => <option key={p} value={p}>{PROGRAMMING_PROVIDER_INFO[p].label}</option>)}
          </select>
        ))}
        {field('resolutionType', 'Resolution', (aria) => (
          <select {...aria} value={values.resolutionType} onChange={(e) => change({ resolutionType: e.target.value })}>
            {resolutionsOf(values.provider).map((r) => <option key={r.type} value={String(r.type)}>{resolutionLabel(r)}</option>)}
          </select>
        ), `${PROGRAMMING_PROVIDER_INFO[values.provider].sensor === 'SAR' ? 'Radar imaging modes' : 'Ground sampling'} of ${PROGRAMMING_PROVIDER_INFO[values.provider].label}.`)}
        {optical ? (
          field('maxCloud', 'Max cloud cover (%)', (aria) => (
            <input {...aria} type="number" inputMode="numeric" min={0} max={100} step={1} placeholder="Provider default" value={values.maxCloud} onChange={(e) => change({ maxCloud: e.target.value })} />
          ), '0 to 100; empty leaves it to the provider.')
        ) : (
          <p className="hint programming__sar-note">Cloud cover is irrelevant for SAR: radar images through clouds, so no maximum is sent.</p>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Area</legend>
        <FieldRow id="programming-aoiId" label="AOI to program" error={fieldError('aoiId')}>
          {(aria) => (
            <output {...aria} className="programming__aoi" aria-live="polite">
              {aoi ? (
                <>
                  <strong>{aoi.name}</strong> · {formatKm2(aoi.areaKm2)} · {aoi.vertexCount} vertices
                </>
              ) : (
                'No active AOI'
              )}
            </output>
          )}
        </FieldRow>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Window <span className="muted">(your time, {zone}; UTC beside)</span></legend>
        {(['start', 'end'] as const).map((key) => (
          <FieldRow key={key} id={`programming-${key}`} label={key === 'start' ? 'Start' : 'End'} error={fieldError(key)}>
            {(aria) => (
              <div className="programming__when">
                <input {...aria} type="datetime-local" value={values[key]} onChange={(e) => change({ [key]: e.target.value })} />
                <span className="programming__utc mono" aria-label={`${key === 'start' ? 'Start' : 'End'} in UTC`}>
                  {utc(values[key]).replace(/ (?=\d\d:)/, '\n')}
                </span>
              </div>
            )}
          </FieldRow>
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Recurrence</legend>
        <label className="checkbox">
          <input type="checkbox" checked={values.recurring} onChange={(e) => change({ recurring: e.target.checked })} aria-describedby="programming-summary" />
          Repeat the acquisition
        </label>
        {fieldErrorFor(failure, 'recurrence') && <span className="field-error" role="alert">{fieldErrorFor(failure, 'recurrence')}</span>}
        {values.recurring && (
          <div className="grid-2">
            {field('recurrence.every', 'Repeat every', (aria) => (
              <input {...aria} type="number" inputMode="numeric" min={1} step={1} value={values.every} onChange={(e) => change({ every: e.target.value })} />
            ))}
            {field('recurrence.unit', 'Unit', (aria) => (
              <select {...aria} value={values.unit} onChange={(e) => change({ unit: e.target.value as RecurrenceUnit | '' })}>
                <option value="">Choose…</option>
                {RECURRENCE_UNITS.map((u) => <option key={u} value={u}>{u}s</option>)}
              </select>
            ))}
          </div>
        )}
        <p className="programming__summary" id="programming-summary" role="status" aria-label="Acquisitions">
          {outcome.summary ? (
            <>
              <strong>{outcome.summary.acquisitions} acquisition{outcome.summary.acquisitions === 1 ? '' : 's'}</strong> — {outcome.summary.text.replace(/: \d+ acquisitions?$/, '')}
            </>
          ) : (
            'The acquisitions are counted once the window and recurrence are complete.'
          )}
        </p>
      </fieldset>

      <div ref={feedback} className="programming__feedback">
      {unconfirmed && (
        <div className="banner banner-warn programming__unconfirmed" role="alert" aria-label="Order unconfirmed">
          <p className="result-line"><strong>Unconfirmed</strong> — sent at {formatUtc(unconfirmed.at)}, no answer from Origen.</p>
          <p className="result-line">{unconfirmed.message}</p>
        </div>
      )}
      {failure?.code === 'PROVIDER_AUTH' ? (
        <div className="programming__failure" role="group" aria-label="Token refused">
          <ErrorNote error={failure} label="Origen refused the token" />
          <button className="button" onClick={() => props.onEditAccount(accountId)}>Open the account</button>
        </div>
      ) : (
        failure && !blamed && <ErrorNote error={failure} label={isOffline(failure) ? 'Origen could not be reached' : 'Origen refused the order'} />
      )}
      {created && !failure && (
        <p className="banner banner-ok" role="status">
          Order <span className="mono">{created.orderNumber}</span> created — follow it in the Orders section.
        </p>
      )}

      </div>

      <div className="form-actions programming__actions">
        {outcome.problems.length > 0 && <span className="hint">{outcome.problems.length === 1 ? 'One thing to fix above.' : `${outcome.problems.length} things to fix above.`}</span>}
        <button className="button primary" disabled={!outcome.draft} onClick={() => setConfirming(true)}>Review programming order…</button>
      </div>

      {confirming && outcome.draft && aoi && (
        <ProgrammingConfirmDialog
          draft={outcome.draft}
          aoi={aoi}
          summary={outcome.summary?.text ?? ''}
          unconfirmedAt={unconfirmed?.at ?? null}
          onClose={() => setConfirming(false)}
          onCreated={onCreated}
          onFailed={onFailed}
        />
      )}
    </div>
  );
}
