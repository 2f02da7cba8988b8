import { isProviderError } from '../../http/errors';
import { megabytes, progressWords } from './progress';

/**
 * The sentences a download shows when it stops by itself. Each says what happened, where the bytes
 * stand, and what Resume will do: nothing already on disk is ever lost by a network problem.
 */

export interface StopReason {
  code: string;
  message: string;
}

/** A failure worth trying again after a pause: the network, a server hiccup (5xx) or a rate limit. */
export function isTransient(err: unknown): boolean {
  if (!isProviderError(err)) return false;
  if (err.code === 'PROVIDER_UNREACHABLE' || err.code === 'PROVIDER_RATE_LIMITED') return true;
  const status = err.details.status;
  return err.code === 'PROVIDER_ERROR' && status !== undefined && (status >= 500 || status === 429 || status === 408);
}

/** Why a download paused after its automatic retries ran out. */
export function pausedBy(err: unknown, done: number, total: number | null): StopReason {
  const at = progressWords(done, total);
  if (!isProviderError(err)) return { code: 'PROVIDER_UNREACHABLE', message: `The download stopped at ${at}; Resume continues from there.` };
  if (err.code === 'PROVIDER_UNREACHABLE') {
    if (err.message.startsWith('Could not connect')) {
      return { code: err.code, message: `${err.message.replace(/\s*Nothing was sent\.$/, '')} A download needs the network; Resume continues from ${megabytes(done)}.` };
    }
    if (err.details.cause === 'timeout') return { code: err.code, message: `The connection went silent at ${at}; Resume continues from there.` };
    return { code: err.code, message: `The connection dropped at ${at}; Resume continues from there.` };
  }
  const host = err.details.host ?? 'The provider';
  const status = err.details.status;
  return { code: err.code, message: `${host} answered ${status ? `HTTP ${status}` : 'with an error'} at ${at}; Resume tries again from there.` };
}

const DISK_WORDS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder is gone',
};

/** Why a download paused when the disk side failed (full disk, folder removed, permissions). */
export function pausedByDisk(err: NodeJS.ErrnoException, folder: string, done: number): StopReason {
  const why = DISK_WORDS[err.code ?? ''] ?? err.code ?? 'a disk error';
  return { code: 'FOLDER_UNWRITABLE', message: `Could not write in “${folder}” (${why}); fix that, then Resume continues from ${megabytes(done)}.` };
}

export const interrupted = (held: number): StopReason => ({ code: 'INTERRUPTED', message: `Interrupted when Imagery Desk closed; Resume continues from ${megabytes(held)}.` });

export const sizeMismatch = (got: number, announced: number): StopReason => ({
  code: 'SIZE_MISMATCH',
  message: `The file came to ${got.toLocaleString('en')} bytes where the provider announced ${announced.toLocaleString('en')}; it was removed, and Resume downloads it again from the start.`,
});

export const checksumMismatch = (algorithm: string): StopReason => ({
  code: 'CHECKSUM_MISMATCH',
  message: `The file does not match the ${algorithm} checksum the provider gave, so it is damaged; it was removed, and Resume downloads it again from the start.`,
});
