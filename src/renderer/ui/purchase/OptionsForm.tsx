import { isLicenceOption, type OptionsEvaluation } from '../../../shared/domain/option-constraints';
import type { ShownError } from '../../api/errors';
import { optionFieldError } from './optionFieldError';
import { OptionField } from './OptionField';

/**
 * The production options the provider offers for the product, generated from its option list: only
 * those that apply to the current choices are shown (choosing "primary" swaps the projection and DEM
 * for the primary-only ones). The licence is an option too; it gets its own group because it is a
 * commercial choice, not a processing one.
 */
export function OptionsForm(props: { evaluation: OptionsEvaluation; refusal?: ShownError | null; onChange(name: string, value: string): void }) {
  const shown = props.evaluation.states.filter((s) => s.applies);
  const licence = shown.filter((s) => isLicenceOption(s.option));
  const processing = shown.filter((s) => !isLicenceOption(s.option));
  return (
    <>
      <fieldset className="fieldset">
        <legend>Production options</legend>
        {processing.length === 0 ? (
          <p className="muted">This product has no production option.</p>
        ) : (
          processing.map((s) => (
            <OptionField key={s.option.name} state={s} refusal={optionFieldError(props.refusal, s.option.name)} onChange={(v) => props.onChange(s.option.name, v)} />
          ))
        )}
      </fieldset>
      {licence.length > 0 && (
        <fieldset className="fieldset">
          <legend>Licence</legend>
          {licence.map((s) => (
            <OptionField key={s.option.name} state={s} refusal={optionFieldError(props.refusal, s.option.name)} onChange={(v) => props.onChange(s.option.name, v)} />
          ))}
        </fieldset>
      )}
    </>
  );
}
