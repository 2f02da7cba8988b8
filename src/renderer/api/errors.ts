import { isUnreachableCode, type DeskError, type ErrorCode, type ErrorDetails } from '../../shared/errors';

/** A failed call, thrown by `call`: the code, message and details exactly as main answered them. */
export class DeskCallError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(error: DeskError) {
    super(error.message);
    this.name = 'DeskCallError';
    this.code = error.code;
    this.details = error.details;
  }
}

/**
 * An error as the panels show it: the code beside its message, and the field it concerns when the
 * provider (or main) named one. Errors that did not come from main (a bug, a browser API) are 'ERROR'.
 */
export interface ShownError {
  code: ErrorCode | 'ERROR';
  message: string;
  field?: string;
  details?: ErrorDetails;
}

export function errorOf(err: unknown): ShownError {
  if (err instanceof DeskCallError) {
    const field = err.details?.field;
    return { code: err.code, message: err.message, ...(field ? { field } : {}), ...(err.details ? { details: err.details } : {}) };
  }
  if (err instanceof Error) return { code: 'ERROR', message: err.message };
  return { code: 'ERROR', message: String(err) };
}

/** The message alone, for notices. */
export const messageOf = (err: unknown): string => errorOf(err).message;

/** "The provider (or the back end) cannot be reached now": the same rule main uses for stored fallbacks. */
export const isOffline = (error: ShownError | null | undefined): boolean => !!error && isUnreachableCode(error.code);

/** A field path as providers write it, without list indexes: `items[0].options.x` -> `items.options.x`. */
const withoutIndexes = (field: string): string => field.replace(/\[[^\]]*\]/g, '').trim();

/**
 * The message to show beside a form field when the error blames that field (`details.field`), else
 * null. Providers name fields by their own request paths, so a field matches its name or any path
 * ending in it (`endUsers[0].country` blames `country`); `spellings` adds other names for the field.
 */
export function fieldErrorFor(error: ShownError | null | undefined, fieldName: string, spellings: readonly string[] = []): string | null {
  if (!error?.field) return null;
  const path = withoutIndexes(error.field);
  const named = [fieldName, ...spellings].some((name) => path === name || path.endsWith(`.${name}`));
  return named ? error.message : null;
}
