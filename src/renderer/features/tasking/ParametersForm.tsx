import type { ReactElement } from 'react';
import type { TaskingProductType } from '../../../shared/domain/tasking';
import type { TaskingProblem } from '../../../shared/domain/tasking-rules';
import { fieldErrorFor, type ShownError } from '../../api/errors';
import { FieldRow, type FieldAria } from '../../ui/FieldRow';
import { formatUtc } from '../../ui/format';
import { periodFieldsOf, problemFor, type TaskingParams } from './taskingForm';
import { fromLocalInput } from '../../ui/localTime';

const MODES: { value: TaskingParams['acquisitionMode']; label: string }[] = [
  { value: 'MONO', label: 'Mono — one image' },
  { value: 'STEREO', label: 'Stereo — two views, for elevation' },
  { value: 'TRISTEREO', label: 'Tri-stereo — three views, for dense elevation' },
];

/** The UTC instant beside a local date field, so the provider's time is never a guess. */
const utcOf = (text: string) => {
  const iso = fromLocalInput(text);
  return iso ? formatUtc(iso) : '';
};

/**
 * Acquisition period (what each programming type takes), mode, cloud cover, incidence angle and, for
 * OnePlan/OneSeries, the notification threshold. A sentence stands beside each field a rule or the
 * provider refuses; nothing is sent while one is shown.
 */
export function ParametersForm(props: { offer: TaskingProductType; params: TaskingParams; problems: TaskingProblem[]; refusal: ShownError | null; onChange(patch: Partial<TaskingParams>): void }) {
  const { offer, params } = props;
  const period = periodFieldsOf(offer);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const errorOf = (field: string) => problemFor(props.problems, field) ?? fieldErrorFor(props.refusal, field) ?? undefined;
  const field = (key: keyof TaskingParams, label: string, input: (aria: FieldAria) => ReactElement, hint?: string) => (
    <FieldRow id={`tasking-${key}`} label={label} error={errorOf(key)} hint={hint}>{input}</FieldRow>
  );
  const number = (key: 'maxCloudCover' | 'maxIncidenceAngle' | 'notificationThreshold', min: number, max: number, placeholder?: string) => (aria: { id: string }) => (
    <input {...aria} type="number" inputMode="decimal" min={min} max={max} step={1} placeholder={placeholder} value={params[key]} onChange={(e) => props.onChange({ [key]: e.target.value })} />
  );

  return (
    <>
      <fieldset className="fieldset">
        <legend>Acquisition period <span className="muted">({zone})</span></legend>
        <div className="grid-2">
          {field('start', offer.progType === 'ONENOW' ? 'As soon as possible from' : offer.progType === 'ONEDAY' ? 'Days from' : 'Start',
            (aria) => <input {...aria} type="datetime-local" value={params.start} onChange={(e) => props.onChange({ start: e.target.value })} />,
            utcOf(params.start))}
          {period.end !== 'none' &&
            field('end', period.end === 'optional' ? 'Until (optional)' : 'End',
              (aria) => <input {...aria} type="datetime-local" value={params.end} onChange={(e) => props.onChange({ end: e.target.value })} />,
              params.end ? utcOf(params.end) : 'The provider offers the next 30 days.')}
        </div>
        <p className="hint">
          {offer.progType === 'ONEDAY'
            ? 'OneDay acquires on one day: the day of the attempt you choose below.'
            : offer.progType === 'ONENOW'
              ? 'OneNow takes the first accesses after this start; the days are not chosen.'
              : 'Acquisitions are made within this period.'}
        </p>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Acquisition</legend>
        {field('acquisitionMode', 'Acquisition mode', (aria) => (
          <select {...aria} value={params.acquisitionMode} onChange={(e) => props.onChange({ acquisitionMode: e.target.value as TaskingParams['acquisitionMode'] })}>
            {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
          </select>
        ))}
        <div className="grid-2">
          {field('maxCloudCover', 'Max cloud cover (%)', number('maxCloudCover', 0, 100), '0 to 100')}
          {field('maxIncidenceAngle', 'Max incidence angle (°)', number('maxIncidenceAngle', 0, 90), 'Up to 30° is standard; beyond, the extended angle applies')}
        </div>
        {(offer.progType === 'ONEPLAN' || offer.progType === 'ONESERIES') &&
          field('notificationThreshold', 'Notification threshold (%)', number('notificationThreshold', 0, 100, params.maxCloudCover),
            'Acquisitions up to this cloud cover are proposed to you rather than dropped; empty = the cloud cover accepted.')}
      </fieldset>
    </>
  );
}
