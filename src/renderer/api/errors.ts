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
