import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import type { HttpResponse } from './client';
import { ProviderError } from './errors';
import { classifyNetworkError } from './network';
import { ensureOk } from './reply';

/**
 * A streaming, abortable GET for large files: the body is a Node stream the caller pipes to disk with
 * backpressure, never a buffer. It asks for `Range: bytes=N-` (with `If-Range` so a changed file comes
 * back whole) and gives up on a connection that stays silent for `idleTimeoutMs`, before or during the
 * body. It knows nothing of providers: the caller brings the URL and the authorisation headers. Node's
 * own http client rather than fetch: its body is a plain Readable, which keeps a 200 MB download at
 * the speed of the disk without web-stream overhead.
 */

export interface StreamRequest {
  url: string;
  headers?: Record<string, string>;
  /** Ask for the bytes from here on (`Range: bytes=<from>-`); 0 or absent asks for the whole file. */
  from?: number;
  /** The validator of the bytes already held (an ETag): a server whose file changed answers 200 with all of it. */
  ifRange?: string | null;
  signal?: AbortSignal;
  /** The connection may stay silent this long, waiting for the answer or between two chunks (default 30 s). */
  idleTimeoutMs?: number;
}

export interface StreamResponse {
  status: number;
  url: string;
  /** A header's value (joined when repeated), or null. */
  header(name: string): string | null;
  /** The body; errors it emits are best passed through `bodyFailure` for a sentence. */
  body: Readable;
  /** Reads at most 64 KB of an error reply and throws the ProviderError it means. */
  fail(): Promise<never>;
}

const MAX_REDIRECTS = 5;
const ERROR_BODY_LIMIT = 64 * 1024;

class IdleTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no data for ${ms} ms`);
    this.name = 'IdleTimeout';
  }
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** What a failure while reading the body means for the user: the connection dropped, or went silent. */
export function bodyFailure(err: unknown, url: string): ProviderError {
  if (err instanceof ProviderError) return err;
  const timedOut = err instanceof IdleTimeout;
  return classifyNetworkError(err, { method: 'GET', url, kind: 'read' }, { timedOut, timeoutMs: timedOut ? (err as IdleTimeout).ms : 0 });
}

/** Sends the GET and resolves once the status and headers arrived; redirects are followed (credentials stay on the first origin). */
export async function openStream(req: StreamRequest): Promise<StreamResponse> {
  let url = req.url;
  let headers = { ...req.headers };
  for (let hop = 0; ; hop++) {
    const res = await once(url, headers, req);
    const location = res.headers.location;
    if (res.statusCode && [301, 302, 303, 307, 308].includes(res.statusCode) && location && hop < MAX_REDIRECTS) {
      res.resume();
      const next = new URL(location, url);
      // As fetch does: credentials never follow a redirect to another origin (a signed storage URL needs none).
      if (next.origin !== new URL(url).origin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
      url = next.toString();
      continue;
    }
    return wrap(res, url);
  }
}

function once(url: string, headers: Record<string, string>, req: StreamRequest): Promise<IncomingMessage> {
  const idleMs = req.idleTimeoutMs ?? 30_000;
  const from = req.from ?? 0;
  const all: Record<string, string> = { accept: '*/*', 'accept-encoding': 'identity', ...headers };
  if (from > 0) {
    all['range'] = `bytes=${from}-`;
    if (req.ifRange) all['if-range'] = req.ifRange;
  }
  const parsed = new URL(url);
  const send = parsed.protocol === 'https:' ? httpsRequest : parsed.protocol === 'http:' ? httpRequest : null;
  if (!send) return Promise.reject(new ProviderError('PROVIDER_MALFORMED', `The download link "${url.slice(0, 100)}" is not an http(s) address.`, { host: parsed.host }));
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = send(parsed, { method: 'GET', headers: all, signal: req.signal });
    let response: IncomingMessage | undefined;
    // Socket inactivity covers both a server that never answers and a body that stalls half-way.
    request.setTimeout(idleMs, () => {
      const err = new IdleTimeout(idleMs);
      if (response) response.destroy(err);
      request.destroy(err);
    });
    request.once('response', (res) => {
      response = res;
      resolve(res);
    });
    request.once('error', (err) => {
      if (response) return; // the body reports it
      if (req.signal?.aborted) return reject(req.signal.reason);
      reject(bodyFailure(err, url));
    });
    request.end();
  });
}

function wrap(res: IncomingMessage, url: string): StreamResponse {
  return {
    status: res.statusCode ?? 0,
    url,
    header(name) {
      const v = res.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    body: res,
    async fail(): Promise<never> {
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of res) {
          const b = chunk as Buffer;
          if (size + b.length > ERROR_BODY_LIMIT) break;
          chunks.push(b);
          size += b.length;
        }
      } catch {
        // The status says enough when the error body cannot be read.
      }
      res.destroy();
      const reply: HttpResponse = { status: res.statusCode ?? 0, headers: new Headers(), bytes: new Uint8Array(Buffer.concat(chunks)), url };
      ensureOk(reply, { kind: 'read' });
      throw new ProviderError('PROVIDER_ERROR', `${hostOf(url)} answered HTTP ${reply.status}.`, { host: hostOf(url), status: reply.status });
    },
  };
}
