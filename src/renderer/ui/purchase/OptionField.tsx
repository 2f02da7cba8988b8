import './purchase.css';
import type { OptionState } from '../../../shared/domain/option-constraints';
import { rangeText } from '../../../shared/domain/option-constraints';

/**
 * One production option as the provider describes it: a list, a bounded number, a flag or text.
 * `refusal` is the provider's last word on this option (it refused a price or an order over it).
 */
export function OptionField({ state, refusal, onChange }: { state: OptionState; refusal?: string | null; onChange(value: string): void }) {
  const { option, mandatory, value, error } = state;
  const id = `option-${option.name}`;
  const errorId = `${id}-error`;
  const refusalId = `${id}-refusal`;
  const hintId = `${id}-hint`;
  const range = option.type === 'double' || option.type === 'integer' ? rangeText(option) : '';
  const aria = {
    id,
    'aria-required': mandatory,
    'aria-invalid': error || refusal ? true : undefined,
    'aria-describedby': [error ? errorId : '', refusal ? refusalId : '', range ? hintId : ''].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {option.label}
        {mandatory && <span aria-hidden="true"> *</span>}
      </label>
      {option.type === 'list' || option.type === 'boolean' ? (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
          {(!mandatory || value === '') && <option value="">{mandatory ? 'Choose…' : '— none —'}</option>}
          {(option.type === 'boolean'
            ? [
                { value: 'true', label: 'Yes' },
                { value: 'false', label: 'No' },
              ]
            : option.values
          ).map((v) => (
            <option key={v.value} value={v.value}>
              {v.label.trim() || v.value}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...aria}
          type={option.type === 'string' ? 'text' : 'number'}
          inputMode={option.type === 'integer' ? 'numeric' : option.type === 'double' ? 'decimal' : undefined}
          min={option.min ?? undefined}
          max={option.max ?? undefined}
          step={option.type === 'integer' ? 1 : 'any'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {range && (
        <span className="hint" id={hintId}>
          {range[0]?.toUpperCase()}
          {range.slice(1)}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
      {refusal && (
        <span className="field-error" id={refusalId} role="alert">
          {refusal}
        </span>
      )}
    </div>
  );
}
