import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { open, rename, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download } from '../../../shared/domain/deliveries';
import { DeskFailure } from '../../errors';
import { realSleep, type Sleep } from '../../http/client';
import { isProviderError, ProviderError } from '../../http/errors';
import type { DeliveriesRepo, StoredDownload, StoredFile, StoredProduct } from '../../store/deliveries-repo';
import { checksumMismatch, interrupted, isTransient, pausedBy, pausedByDisk, sizeMismatch, type StopReason } from './messages';
import { extensionFor, sanitizeFileName, uniqueFileName } from './names';
import { etaSeconds, RateMeter } from './progress';
import { attemptTransfer, isFileError, type AttemptResult, type FileHeaders } from './transfer';

/**
 * The downloads of delivered files: a queue (at most three at once), each download's bytes in
 * `<path>.part` until the whole file is there, checked (size, sha-256) and renamed. A dropped connection
 * is retried with a Range request twice, then the download pauses with a sentence; Resume, or a restart
 * of the app, continues from the bytes on disk. The store is written on every status change and at
 * most once a second while bytes flow, never per chunk.
 */

export interface DownloadsDeps {
  repo: DeliveriesRepo;
  /** The URL and headers that authorise GETting a link of this account; `renew` after a 401. */
  authorize(accountId: string, url: string, renew: boolean): Promise<{ url: string; headers: Record<string, string> }>;
  now?: () => number;
  sleep?: Sleep;
  /** Waits before the automatic retries of a dropped connection (default 1 s, then 3 s). */
  retryDelaysMs?: readonly number[];
  maxRunning?: number;
  idleTimeoutMs?: number;
}

interface Live {
  d: StoredDownload;
  controller: AbortController;
  meter: RateMeter;
  bytes: number;
  savedAt: number;
  /** Settles once the run has let go of the .part file. */
  finished: Promise<void>;
}

const ACTIVE = ['queued', 'running', 'verifying'] as const;
const partOf = (d: StoredDownload) => `${d.path}.part`;
const sizeOf = async (path: string): Promise<number> => (await stat(path).catch(() => null))?.size ?? 0;
const removePart = (d: StoredDownload) => unlink(partOf(d)).catch(() => undefined);

export function createDownloads(deps: DownloadsDeps) {
  const { repo } = deps;
  const now = deps.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const sleep = deps.sleep ?? realSleep;
  const delays = deps.retryDelaysMs ?? [1_000, 3_000];
  const maxRunning = deps.maxRunning ?? 3;
  const live = new Map<string, Live>();
  let closed = false;

  const save = (d: StoredDownload, patch: Partial<StoredDownload>): StoredDownload => {
    Object.assign(d, patch, { updatedAt: iso() });
    if (!closed) repo.saveDownload(d);
    return d;
  };

  const toPublic = (d: StoredDownload): Download => {
    const l = live.get(d.id);
    const cur = l?.d ?? d;
    const bytesDone = l && cur.status === 'running' ? l.bytes : cur.bytesDone;
    const rate = l && cur.status === 'running' ? l.meter.rate(now()) : null;
    const { url: _url, etag: _etag, ...rest } = cur;
    return { ...rest, bytesDone, rate, etaSeconds: etaSeconds(bytesDone, cur.bytesTotal, rate) };
  };

  const current = (id: string): StoredDownload => {
    const d = live.get(id)?.d ?? repo.download(id);
    if (!d) throw new DeskFailure('NOT_FOUND', 'This download is no longer in the list.');
    return d;
  };

  // A run left 'running' by a crash or a quit: the .part file holds what arrived, whatever the row says.
  for (const d of repo.downloadsIn(ACTIVE)) {
    const held = existsSync(partOf(d)) ? statSync(partOf(d)).size : 0;
    // Renamed but not yet recorded: the check had passed, so the file is done.
    if (d.status === 'verifying' && held === 0 && existsSync(d.path)) save(d, { status: 'done', bytesDone: statSync(d.path).size, finishedAt: iso(), error: null });
    else save(d, { status: 'paused', bytesDone: held, error: interrupted(held) });
  }

  function pump(): void {
    if (closed || live.size >= maxRunning) return;
    for (const d of repo.downloadsIn(['queued'])) {
      if (live.size >= maxRunning) break;
      if (!live.has(d.id)) run(d);
    }
  }

  function run(d: StoredDownload): void {
    const controller = new AbortController();
    let settle!: () => void;
    const l: Live = { d, controller, meter: new RateMeter(), bytes: d.bytesDone, savedAt: 0, finished: new Promise<void>((r) => (settle = r)) };
    live.set(d.id, l);
    save(d, { status: 'running', error: null });
    void loop(l).finally(() => {
      live.delete(d.id);
      settle();
      pump();
    });
  }

  async function loop(l: Live): Promise<void> {
    const { d, controller } = l;
    const signal = controller.signal;
    let retries = 0;
    let renew = false;
    let renewed = false;
    let startedOver = false;
    for (;;) {
      try {
        const held = await sizeOf(partOf(d));
        l.bytes = held;
        l.meter.reset();
        l.meter.add(now(), held);
        const access = await deps.authorize(d.accountId, d.url, renew);
        renew = false;
        if (signal.aborted) return;
        const result = await attemptTransfer({
          url: access.url,
          headers: access.headers,
          partPath: partOf(d),
          held,
          validator: held > 0 ? d.etag : null,
          signal,
          idleTimeoutMs: deps.idleTimeoutMs,
          onHeaders: (h) => onHeaders(d, h, held),
          onBytes: (bytes) => onBytes(l, bytes),
        });
        if (result.kind === 'start-over') {
          if (startedOver) throw new ProviderError('PROVIDER_MALFORMED', `The server refused to send this file from the start (HTTP 416).`, { status: 416 });
          startedOver = true;
          await truncate(partOf(d), 0).catch(() => undefined);
          save(d, { etag: null, bytesDone: 0 });
          continue;
        }
        await finish(l, result);
        return;
      } catch (err) {
        if (signal.aborted || closed) return;
        if (isProviderError(err, 'PROVIDER_AUTH') && !renewed) {
          renew = renewed = true;
          continue;
        }
        if (isTransient(err) && retries < delays.length) {
          await sleep(delays[retries++] ?? 1_000, signal).catch(() => undefined);
          if (signal.aborted) return;
          continue;
        }
        const held = await sizeOf(partOf(d));
        if (isTransient(err)) return void save(d, { status: 'paused', bytesDone: held, error: pausedBy(err, held, d.bytesTotal) });
        if (isFileError(err)) return void save(d, { status: 'paused', bytesDone: held, error: pausedByDisk(err, d.folder, held) });
        const code = err instanceof DeskFailure ? err.code : 'INTERNAL';
        const message = err instanceof Error ? err.message : String(err);
        save(d, { status: 'failed', bytesDone: held, error: { code, message } });
        return;
      }
    }
  }

  /** What the server said before any byte: size, checksum, validator, and (while nothing is held) the name it proposes. */
  function onHeaders(d: StoredDownload, h: FileHeaders, held: number): string {
    const fresh = held === 0 || h.restarted;
    const patch: Partial<StoredDownload> = { bytesTotal: h.total ?? d.bytesTotal, etag: h.validator };
    if (h.digest) patch.checksum = { algorithm: h.digest.algorithm, expected: h.digest.hex, verified: false };
    else if (fresh) patch.checksum = null;
    if (held === 0 && h.fileName) {
      const proposed = sanitizeFileName(h.fileName, '');
      if (proposed.toLowerCase() !== d.fileName.toLowerCase()) {
        const name = uniqueFileName(proposed, (c) => isTakenNow(d.folder, c, d.id));
        Object.assign(patch, { fileName: name, path: join(d.folder, name) });
      }
    }
    save(d, patch);
    return partOf(d);
  }

  function onBytes(l: Live, bytes: number): void {
    l.bytes = bytes;
    const at = now();
    l.meter.add(at, bytes);
    if (at - l.savedAt >= 1_000) {
      l.savedAt = at;
      save(l.d, { bytesDone: bytes });
    }
  }

  async function finish(l: Live, result: Extract<AttemptResult, { kind: 'complete' }>): Promise<void> {
    const d = l.d;
    save(d, { status: 'verifying', bytesDone: result.bytes });
    const size = await sizeOf(result.partPath);
    const fail = async (why: StopReason, checksum = d.checksum) => {
      await removePart(d);
      save(d, { status: 'failed', bytesDone: 0, checksum, error: why });
    };
    const announced = result.total ?? d.bytesTotal;
    if (announced !== null && size !== announced) return fail(sizeMismatch(size, announced));
    if (d.checksum && d.checksum.expected !== result.sha256) return fail(checksumMismatch(d.checksum.algorithm), { ...d.checksum, verified: false });
    // The bytes reach the disk before the name says the file is whole.
    const handle = await open(result.partPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (await stat(d.path).catch(() => null)) {
      const name = uniqueFileName(d.fileName, (c) => isTakenNow(d.folder, c, d.id));
      save(d, { fileName: name, path: join(d.folder, name) });
    }
    await rename(result.partPath, d.path);
    save(d, {
      status: 'done',
      bytesDone: size,
      bytesTotal: size,
      checksum: d.checksum ? { ...d.checksum, verified: true } : null,
      error: null,
      finishedAt: iso(),
    });
  }

  /** A name is taken by a file or a .part in the folder, or by another download not given up. */
  function isTakenNow(folder: string, candidate: string, except?: string): boolean {
    const lower = candidate.toLowerCase();
    if (existsSync(join(folder, candidate)) || existsSync(join(folder, `${candidate}.part`))) return true;
    return repo
      .downloads()
      .some((o) => o.id !== except && o.folder === folder && o.fileName.toLowerCase() === lower && o.status !== 'cancelled' && o.status !== 'failed');
  }

  function create(accountId: string, product: StoredProduct, file: StoredFile, folder: string): StoredDownload {
    const wanted = sanitizeFileName(file.name ?? `${product.title}${extensionFor(file.type)}`, extensionFor(file.type));
    const fileName = uniqueFileName(wanted, (c) => isTakenNow(folder, c));
    const at = iso();
    const d: StoredDownload = {
      id: randomUUID(),
      accountId,
      productId: product.id,
      fileId: file.fileId,
      url: file.href,
      fileName,
      folder,
      path: join(folder, fileName),
      status: 'queued',
      bytesDone: 0,
      bytesTotal: file.size,
      etag: null,
      checksum: null,
      error: null,
      createdAt: at,
      updatedAt: at,
      finishedAt: null,
    };
    repo.insertDownload(d);
    return d;
  }

  function resume(id: string): Download {
    const d = current(id);
    if (d.status === 'paused' || d.status === 'failed') {
      save(d, { status: 'queued', error: null });
      pump();
    } else if (d.status === 'done') {
      throw new DeskFailure('CONFLICT', `This file is already downloaded, at ${d.path}.`);
    } else if (d.status === 'cancelled') {
      throw new DeskFailure('CONFLICT', 'A cancelled download cannot be resumed; download the product again.');
    }
    return toPublic(current(id));
  }

  return {
    /** Starts each file of a product: a new download, or the one already under way, paused or failed (resumed). */
    start(accountId: string, product: StoredProduct, files: StoredFile[], folder: string): Download[] {
      const existing = repo.downloads();
      const out = files.map((file) => {
        const last = existing.find((o) => o.accountId === accountId && o.productId === product.id && o.fileId === file.fileId && o.status !== 'cancelled');
        if (last && (last.status === 'paused' || last.status === 'failed')) return resume(last.id);
        if (last && last.status !== 'done') return toPublic(current(last.id));
        if (last && existsSync(last.path)) return toPublic(last);
        return create(accountId, product, file, folder);
      });
      pump();
      return out.map((d) => toPublic(current(d.id)));
    },
    list: (): Download[] => repo.downloads().map(toPublic),
    get: (id: string): Download => toPublic(current(id)),

    async pause(id: string): Promise<Download> {
      const d = current(id);
      const l = live.get(id);
      if (d.status === 'verifying') throw new DeskFailure('CONFLICT', 'The file is being checked; it will be done in a moment.');
      if (l) {
        l.controller.abort(new DeskFailure('CONFLICT', 'Paused.'));
        await l.finished;
        save(d, { status: 'paused', bytesDone: await sizeOf(partOf(d)), error: null });
      } else if (d.status === 'queued') {
        save(d, { status: 'paused', error: null });
      } else if (d.status !== 'paused') {
        throw new DeskFailure('CONFLICT', `Only a queued or running download can be paused; this one is ${d.status}.`);
      }
      return toPublic(current(id));
    },

    resume,

    async cancel(id: string): Promise<Download> {
      const d = current(id);
      const never = () => new DeskFailure('CONFLICT', `A finished download is never deleted; the file stays at ${d.path}.`);
      if (d.status === 'done') throw never();
      if (d.status === 'verifying') throw new DeskFailure('CONFLICT', 'The file is being checked; it will be done in a moment.');
      const l = live.get(id);
      if (l) {
        l.controller.abort(new DeskFailure('CONFLICT', 'Cancelled.'));
        await l.finished;
        if (current(id).status === 'done') throw never();
      }
      if (d.status !== 'cancelled') {
        await removePart(d);
        save(d, { status: 'cancelled', bytesDone: 0, error: null });
      }
      return toPublic(current(id));
    },

    /** The finished file of a download, or NOT_FOUND when it is not finished or no longer on disk. */
    async finishedFile(id: string): Promise<string> {
      const d = current(id);
      if (d.status !== 'done') throw new DeskFailure('NOT_FOUND', `“${d.fileName}” is not downloaded yet (${d.status}).`);
      if (!(await stat(d.path).catch(() => null))) throw new DeskFailure('NOT_FOUND', `“${d.fileName}” is no longer at ${d.path}; it was moved or deleted.`);
      return d.path;
    },

    /** Stops every transfer without touching the store: the next start finds them interrupted. */
    close(): void {
      closed = true;
      for (const l of live.values()) l.controller.abort(new DeskFailure('CONFLICT', 'Imagery Desk is closing.'));
    },
  };
}
export type Downloads = ReturnType<typeof createDownloads>;
