import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bodyFailure, openStream } from '../../http/download';
import { parseContentRange, parseDigest, parseDispositionName, type ExpectedDigest } from '../../http/download-headers';
import { ProviderError } from '../../http/errors';
import { createHasher, type Hasher } from './hasher';

/**
 * One attempt at moving a file's bytes into its `.part` file: continue after the bytes already held
 * (Range + If-Range), or start over when the server sends the whole file, hashing every byte in order
 * while it is written so the whole-file sha-256 is ready the moment the last byte lands. Streams with
 * backpressure all the way (socket → file, and the hash on a worker thread: ./hasher).
 */

/** What the server said about the file before any byte was written. */
export interface FileHeaders {
  /** The whole file's size, when the server says it. */
  total: number | null;
  /** A validator to resume against later (a strong ETag, else Last-Modified). */
  validator: string | null;
  digest: ExpectedDigest | null;
  /** The name the server proposes (Content-Disposition). */
  fileName: string | null;
  /** True when the bytes held were discarded because the server sent the whole file. */
  restarted: boolean;
}

export interface AttemptPlan {
  url: string;
  headers: Record<string, string>;
  partPath: string;
  /** Bytes already in the .part file (its real size). */
  held: number;
  validator: string | null;
  signal: AbortSignal;
  idleTimeoutMs?: number;
  /** Told what is coming before a byte is written; answers where to write (another .part only while none is held). */
  onHeaders(h: FileHeaders): string;
  /** The bytes written so far, whole file (called per chunk: keep it cheap). */
  onBytes(bytes: number): void;
}

export type AttemptResult =
  | { kind: 'complete'; partPath: string; bytes: number; total: number | null; sha256: string; headers: FileHeaders | null }
  /** The server refused the range and the bytes held are not the whole file: start again from nothing. */
  | { kind: 'start-over' };

const WRITE_BUFFER = 1 << 20;

const validatorOf = (etag: string | null, lastModified: string | null): string | null => {
  // If-Range takes a strong ETag or a date; a weak ETag cannot vouch for byte ranges.
  if (etag && !etag.startsWith('W/')) return etag;
  return lastModified;
};

export async function attemptTransfer(plan: AttemptPlan): Promise<AttemptResult> {
  let hasher = createHasher();
  try {
    return await attempt(plan, hasher, (next) => (hasher = next));
  } finally {
    hasher.close();
  }
}

async function attempt(plan: AttemptPlan, first: Hasher, replace: (h: Hasher) => void): Promise<AttemptResult> {
  const held = plan.held;
  let hasher = first;
  await hasher.prefix(plan.partPath, held);
  if (plan.signal.aborted) throw plan.signal.reason;
  const res = await openStream({ url: plan.url, headers: plan.headers, from: held, ifRange: plan.validator, signal: plan.signal, idleTimeoutMs: plan.idleTimeoutMs });
  const host = new URL(res.url).host;

  if (res.status === 416) {
    res.body.resume();
    const range = parseContentRange(res.header('content-range'));
    // Everything was already here (a restart after the last byte landed): only the checks remain.
    if (range?.size === held && held > 0) return { kind: 'complete', partPath: plan.partPath, bytes: held, total: held, sha256: await hasher.digest(), headers: null };
    return { kind: 'start-over' };
  }
  if (res.status !== 200 && res.status !== 206) return res.fail();

  let offset = 0;
  let total: number | null;
  if (res.status === 206) {
    const range = parseContentRange(res.header('content-range'));
    if (!range || range.start !== held) {
      res.body.destroy();
      throw new ProviderError('PROVIDER_MALFORMED', `${host} sent bytes from ${range?.start ?? 'an unreadable position'} when asked for bytes from ${held}.`, { host, status: 206 });
    }
    offset = held;
    total = range.size;
  } else {
    const length = res.header('content-length');
    total = length !== null && /^\d+$/.test(length.trim()) ? Number(length) : null;
    if (held > 0) {
      // The whole file is coming: the hash of the bytes held no longer applies.
      hasher.close();
      hasher = createHasher();
      replace(hasher);
    }
  }

  const headers: FileHeaders = {
    total,
    validator: validatorOf(res.header('etag'), res.header('last-modified')),
    digest: parseDigest({ reprDigest: res.header('repr-digest'), digest: res.header('digest') }),
    fileName: parseDispositionName(res.header('content-disposition')),
    restarted: res.status === 200 && held > 0,
  };
  let partPath: string;
  try {
    partPath = plan.onHeaders(headers);
  } catch (err) {
    res.body.destroy();
    throw err;
  }

  let written = offset;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      written += chunk.length;
      plan.onBytes(written);
      const room = hasher.update(chunk);
      if (room) room.then(() => done(null, chunk), done);
      else done(null, chunk);
    },
  });
  const file = createWriteStream(partPath, { flags: offset > 0 ? 'a' : 'w', highWaterMark: WRITE_BUFFER });
  try {
    await pipeline(res.body, meter, file, { signal: plan.signal });
  } catch (err) {
    // The .part's size is what a resume continues from: let the file's last write land first.
    if (!file.closed) await once(file, 'close').catch(() => undefined);
    if (plan.signal.aborted) throw plan.signal.reason;
    if (isFileError(err)) throw err;
    throw bodyFailure(err, res.url);
  }
  // A server that closes cleanly before the length it announced cut the download all the same.
  if (total !== null && written < total) throw new ProviderError('PROVIDER_UNREACHABLE', `${host} dropped the connection (premature close).`, { host, cause: 'premature close' });
  return { kind: 'complete', partPath, bytes: written, total, sha256: await hasher.digest(), headers };
}

const FILE_ERRORS = new Set(['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EDQUOT', 'EMFILE', 'EIO']);

/** A failure of the disk side (full, read-only, folder gone), as opposed to the network side. */
export function isFileError(err: unknown): err is NodeJS.ErrnoException {
  const e = err as NodeJS.ErrnoException;
  return !!e && typeof e === 'object' && typeof e.code === 'string' && FILE_ERRORS.has(e.code) && typeof e.syscall === 'string' && e.syscall !== 'connect' && e.syscall !== 'read';
}
