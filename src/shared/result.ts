import type { DeskError, ErrorCode, ErrorDetails } from './errors';

export type { DeskError } from './errors';

/** Every IPC reply travels in this envelope; failures are values, never thrown across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: ErrorDetails): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
