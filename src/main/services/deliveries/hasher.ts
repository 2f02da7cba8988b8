import { Worker } from 'node:worker_threads';

/**
 * A sha-256 computed on a worker thread while the bytes stream to disk: hashing 200 MB on main would
 * hold its event loop (and the renderer's replies) for the better part of a second and serialise the
 * CPU work with the network and disk. Bytes travel in batches of about 1 MB whose memory is handed over,
 * not copied; at most a few batches are in flight, so a slow hash slows the download (backpressure)
 * instead of piling up memory. The worker is a few lines evaluated from source, so no bundler has to
 * know about a second entry point.
 */

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hash = createHash('sha256');
parentPort.on('message', async (m) => {
  try {
    if (m.kind === 'bytes') hash.update(new Uint8Array(m.buffer));
    else if (m.kind === 'prefix') {
      if (m.length > 0) for await (const chunk of createReadStream(m.path, { start: 0, end: m.length - 1, highWaterMark: 1 << 20 })) hash.update(chunk);
    } else if (m.kind === 'digest') {
      parentPort.postMessage({ kind: 'digest', hex: hash.digest('hex') });
      return;
    }
    parentPort.postMessage({ kind: 'ack' });
  } catch (err) {
    parentPort.postMessage({ kind: 'error', message: String(err && err.message || err), code: err && err.code });
  }
});
`;

const BATCH = 1 << 20;
const MAX_IN_FLIGHT = 8;

type Reply = { kind: 'ack' } | { kind: 'digest'; hex: string } | { kind: 'error'; message: string; code?: string };

export interface Hasher {
  /** Hashes the first `length` bytes of a file (the bytes a resume starts after), read on the worker. */
  prefix(path: string, length: number): Promise<void>;
  /** Adds bytes; resolves once there is room for more (await it to keep memory bounded). */
  update(chunk: Buffer): Promise<void> | undefined;
  /** The hex digest of everything given, in order. */
  digest(): Promise<string>;
  close(): void;
}

export function createHasher(): Hasher {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let inFlight = 0;
  let failure: Error | null = null;
  const waiting: ((err?: Error) => void)[] = [];
  let onDigest: ((r: Reply) => void) | null = null;

  const wake = () => {
    while (waiting.length && (inFlight < MAX_IN_FLIGHT || failure)) waiting.shift()!(failure ?? undefined);
  };
  worker.on('message', (r: Reply) => {
    if (r.kind === 'ack') inFlight--;
    else if (r.kind === 'error') failure = Object.assign(new Error(r.message), { code: r.code });
    else onDigest?.(r);
    if (r.kind === 'error') onDigest?.(r);
    wake();
  });
  worker.on('error', (err) => {
    failure = err;
    wake();
    onDigest?.({ kind: 'error', message: err.message });
  });

  const flush = () => {
    if (pendingBytes === 0) return;
    // One owned buffer per batch: its memory moves to the worker instead of being copied again.
    const batch = new Uint8Array(pendingBytes);
    let at = 0;
    for (const c of pending) {
      batch.set(c, at);
      at += c.length;
    }
    pending = [];
    pendingBytes = 0;
    inFlight++;
    worker.postMessage({ kind: 'bytes', buffer: batch.buffer }, [batch.buffer]);
  };
  const room = (): Promise<void> | undefined => {
    if (failure) return Promise.reject(failure);
    if (inFlight < MAX_IN_FLIGHT) return undefined;
    return new Promise<void>((resolve, reject) => waiting.push((err) => (err ? reject(err) : resolve())));
  };

  return {
    async prefix(path, length) {
      inFlight++;
      worker.postMessage({ kind: 'prefix', path, length });
      // Everything after the prefix must wait for it: the order of bytes is the hash.
      while (inFlight > 0 && !failure) await new Promise<void>((resolve, reject) => waiting.push((err) => (err ? reject(err) : resolve())));
      if (failure) throw failure;
    },
    update(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= BATCH) flush();
      return room();
    },
    async digest() {
      flush();
      if (failure) throw failure;
      const reply = await new Promise<Reply>((resolve) => {
        onDigest = resolve;
        worker.postMessage({ kind: 'digest' });
      });
      if (reply.kind !== 'digest') throw failure ?? new Error('the hash worker failed');
      return reply.hex;
    },
    close() {
      void worker.terminate();
    },
  };
}
