import type { ProductCatalogue } from '../../../shared/domain/archive';
import type { ShownError } from '../../api/errors';
import { newCustomerReference } from '../../ui/purchase/customerReference';
import type { DraftOutcome, OrderFormValues } from './draft';
import { orderFieldError } from './fieldErrors';

type Field = 'deliveryType' | 'primaryMarket' | 'secondaryMarket' | 'country';

/** The provider's refusal of one field, beside it and read with it (the panel's error note stays too). */
function Refusal({ id, text }: { id: string; text: string | null }) {
  return text ? (
    <span className="field-error" id={id} role="alert">
      {text}
    </span>
  ) : null;
}

/**
 * Delivery, markets, end-user country (where offered) and the customer reference of the order.
 * `refusal` is the provider's last refusal of this draft; the field it blames is marked with it.
 */
export function OrderFields(props: { catalogue: ProductCatalogue; values: OrderFormValues; outcome: DraftOutcome; notifies: boolean; refusal?: ShownError | null; onChange(patch: Partial<OrderFormValues>): void }) {
  const { catalogue, values, outcome } = props;
  const secondary = catalogue.secondaryMarkets[values.primaryMarket] ?? [];
  const problem = (f: Field | 'customerReference' | 'notificationEmails') => outcome.problems[f];
  const refused = (f: Field | 'customerReference' | 'notificationEmails') => orderFieldError(props.refusal, f);
  const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;
  const select = (field: Field, label: string, list: { value: string; label: string }[], value: string, placeholder: string | null) => (
    <div className="field">
      <label htmlFor={`order-${field}`}>{label}</label>
      <select
        id={`order-${field}`}
        value={value}
        aria-required={placeholder !== null}
        aria-invalid={problem(field) || refused(field) ? true : undefined}
        aria-describedby={describedBy(!!problem(field) && `order-${field}-error`, !!refused(field) && `order-${field}-refusal`)}
        onChange={(e) => props.onChange(field === 'primaryMarket' ? { primaryMarket: e.target.value, secondaryMarket: '' } : { [field]: e.target.value })}
      >
        {placeholder !== null && <option value="">{placeholder}</option>}
        {list.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label || v.value}
          </option>
        ))}
      </select>
      {problem(field) && (
        <span className="field-error" id={`order-${field}-error`}>
          {problem(field)}
        </span>
      )}
      <Refusal id={`order-${field}-refusal`} text={refused(field)} />
    </div>
  );
  return (
    <fieldset className="fieldset">
      <legend>Delivery and declaration</legend>
      {catalogue.deliveryTypes.length > 0
        ? select('deliveryType', 'Delivery type', catalogue.deliveryTypes, outcome.deliveryType, null)
        : problem('deliveryType') && <p className="field-error">{problem('deliveryType')}</p>}
      {select('primaryMarket', 'Primary market', catalogue.primaryMarkets, values.primaryMarket, 'Choose…')}
      {secondary.length > 0 && select('secondaryMarket', 'Secondary market', secondary, values.secondaryMarket, 'Choose…')}
      {catalogue.countries.length > 0 && select('country', 'End-user country', catalogue.countries, values.country, 'Choose…')}
      <div className="field">
        <label htmlFor="order-reference">Customer reference</label>
        <div className="inline-row">
          <input
            id="order-reference"
            className="mono"
            maxLength={100}
            value={values.customerReference}
            aria-invalid={problem('customerReference') || refused('customerReference') ? true : undefined}
            aria-describedby={describedBy('order-reference-hint', !!refused('customerReference') && 'order-reference-refusal')}
            onChange={(e) => props.onChange({ customerReference: e.target.value })}
          />
          <button className="button" aria-label="New customer reference" title="Generate a new unique reference" onClick={() => props.onChange({ customerReference: newCustomerReference() })}>
            ↻
          </button>
        </div>
        <span className="hint" id="order-reference-hint">
          {problem('customerReference') ?? 'Names this order at the provider and in your delivery workspace; one per order.'}
        </span>
        <Refusal id="order-reference-refusal" text={refused('customerReference')} />
      </div>
      {props.notifies && (
        <div className="field">
          <label htmlFor="order-emails">Notification e-mails</label>
          <input
            id="order-emails"
            type="text"
            inputMode="email"
            autoComplete="email"
            value={values.notificationEmails}
            aria-invalid={problem('notificationEmails') || refused('notificationEmails') ? true : undefined}
            aria-describedby={describedBy('order-emails-hint', !!refused('notificationEmails') && 'order-emails-refusal')}
            onChange={(e) => props.onChange({ notificationEmails: e.target.value })}
          />
          <span className={problem('notificationEmails') ? 'field-error' : 'hint'} id="order-emails-hint">
            {problem('notificationEmails') ?? 'Who the provider e-mails about this order; starts from the account’s address (Accounts).'}
          </span>
          <Refusal id="order-emails-refusal" text={refused('notificationEmails')} />
        </div>
      )}
    </fieldset>
  );
}
