import { DeskCallError } from '../../api/client';

/** An error as the panels show it: the provider's (or main's) code beside its message. */
export interface ShownError {
  code: string;
  message: string;
}

export function errorOf(err: unknown): ShownError {
  if (err instanceof DeskCallError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: 'ERROR', message: err.message };
  return { code: 'ERROR', message: String(err) };
}

/** Codes that mean "the provider cannot be reached now" (as main's cached reads treat them). */
export const isOfflineCode = (code: string): boolean =>
  code === 'PROVIDER_UNREACHABLE' || code === 'PROVIDER_RATE_LIMITED' || code === 'HOST_UNREACHABLE';
