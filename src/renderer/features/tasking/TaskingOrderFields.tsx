import type { ReactElement } from 'react';
import type { ProductCatalogue } from '../../../shared/domain/archive';
import type { TaskingProblem } from '../../../shared/domain/tasking-rules';
import { fieldErrorFor, type ShownError } from '../../api/errors';
import { FieldRow, type FieldAria } from '../../ui/FieldRow';
import { newCustomerReference } from '../../ui/purchase/customerReference';
import { problemFor, type TaskingOrderValues } from './taskingForm';

type Field = Exclude<keyof TaskingOrderValues, 'choices'>;
// OneAtlas nests the delivery type under `delivery.type` and the e-mails under `notificationEmails`.
const SPELLINGS: Partial<Record<Field, string[]>> = { deliveryType: ['delivery.type'], emails: ['notificationEmails'] };

/**
 * Delivery, markets (valid pairs only: the secondary list follows the primary), end user, the e-mail
 * notified when an acquisition arrives, comments and the customer reference. Each field shows the
 * local rule or the provider's refusal that concerns it.
 */
export function TaskingOrderFields(props: { catalogue: ProductCatalogue; values: TaskingOrderValues; deliveryType: string; problems: TaskingProblem[]; refusal: ShownError | null; onChange(patch: Partial<TaskingOrderValues>): void }) {
  const { catalogue, values } = props;
  const secondary = catalogue.secondaryMarkets[values.primaryMarket] ?? [];
  const problemKey = (f: Field) => (f === 'emails' ? 'notificationEmails' : f);
  const errorOf = (f: Field) => problemFor(props.problems, problemKey(f)) ?? fieldErrorFor(props.refusal, problemKey(f), SPELLINGS[f]) ?? undefined;
  const wrap = (f: Field, label: string, control: (aria: FieldAria) => ReactElement, hint?: string) => (
    <FieldRow id={`tasking-order-${f}`} label={label} error={errorOf(f)} hint={hint}>{control}</FieldRow>
  );
  const select = (f: 'deliveryType' | 'primaryMarket' | 'secondaryMarket' | 'country', label: string, list: { value: string; label: string }[], value: string, placeholder: string | null) =>
    wrap(f, label, (aria) => (
      <select {...aria} value={value} aria-required={placeholder !== null} onChange={(e) => props.onChange(f === 'primaryMarket' ? { primaryMarket: e.target.value, secondaryMarket: '' } : { [f]: e.target.value })}>
        {placeholder !== null && <option value="">{placeholder}</option>}
        {list.map((v) => <option key={v.value} value={v.value}>{v.label || v.value}</option>)}
      </select>
    ));
  const text = (f: 'endUserName' | 'emails' | 'comments' | 'customerReference', label: string, hint?: string, extra: Record<string, unknown> = {}) =>
    wrap(f, label, (aria) => <input {...aria} {...extra} value={values[f]} onChange={(e) => props.onChange({ [f]: e.target.value })} />, hint);

  return (
    <fieldset className="fieldset">
      <legend>Delivery and declaration</legend>
      {catalogue.deliveryTypes.length > 0 && select('deliveryType', 'Delivery type', catalogue.deliveryTypes, props.deliveryType, null)}
      {select('primaryMarket', 'Primary market', catalogue.primaryMarkets, values.primaryMarket, 'Choose…')}
      {secondary.length > 0 && select('secondaryMarket', 'Secondary market', secondary, values.secondaryMarket, 'Choose…')}
      {catalogue.countries.length > 0 && select('country', 'End-user country', catalogue.countries, values.country, 'Choose…')}
      {text('endUserName', 'End user (optional)', undefined, { maxLength: 200 })}
      {text('emails', 'Notify when acquired', 'E-mail addresses told of each acquisition received; separate several with commas.', { type: 'text', inputMode: 'email', autoComplete: 'email' })}
      {text('comments', 'Comments (optional)', undefined, { maxLength: 1000 })}
      <div className="field">
        <label htmlFor="tasking-order-customerReference">Customer reference</label>
        <div className="inline-row">
          <input
            id="tasking-order-customerReference"
            className="mono"
            maxLength={100}
            value={values.customerReference}
            aria-invalid={errorOf('customerReference') ? true : undefined}
            aria-describedby="tasking-order-customerReference-hint"
            onChange={(e) => props.onChange({ customerReference: e.target.value })}
          />
          <button className="button" aria-label="New customer reference" title="Generate a new unique reference" onClick={() => props.onChange({ customerReference: newCustomerReference() })}>↻</button>
        </div>
        <span className={errorOf('customerReference') ? 'field-error' : 'hint'} id="tasking-order-customerReference-hint" role={errorOf('customerReference') ? 'alert' : undefined}>
          {errorOf('customerReference') ?? 'Names this tasking at the provider; it is how an interrupted order is found again, so one per order.'}
        </span>
      </div>
    </fieldset>
  );
}
