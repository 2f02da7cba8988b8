import { fieldErrorFor, type ShownError } from '../../api/errors';

/**
 * The refusal to show beside a production option: providers name it inside the options
 * (`optionsPerProductType[0].options.<key>`), main may name it by its key alone.
 */
export const optionFieldError = (error: ShownError | null | undefined, key: string): string | null =>
  fieldErrorFor(error, `options.${key}`) ?? (error?.field === key ? error.message : null);
