import { backoffMs, parseRetryAfter } from './backoff';
import { ProviderError } from './errors';
import { classifyNetworkError } from './network';
import { redactUrl } from './redact';

/**
 * The one way main talks HTTP to providers. Every request has a timeout. Reads (GETs and read-only
 * POSTs) are retried on 429/503 honouring Retry-After; commits (order, quotation, accept) are sent exactly
 * once and a failure after they may have reached the server is reported as ORDER_AMBIGUOUS, so a caller
 * reconciles by customer reference instead of ordering twice.
 */

/** `read`: safe to repeat. `write`: changes state but spends nothing (refuse). `commit`: may spend money. */
export type RequestKind = 'read' | 'write' | 'commit';

export type RequestBody = { json: unknown } | { form: Record<string, string> };

/** Reported while a request waits (429 Retry-After, 503 backoff), so the UI can show progress. */
export interface WaitNotice {
  reason: 'rate-limited' | 'unavailable';
  /** Seconds until the next attempt. */
  seconds: number;
  attempt: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  kind: RequestKind;
  headers?: Record<string, string>;
  body?: RequestBody;
  timeoutMs?: number;
  onWait?: (notice: WaitNotice) => void;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  url: string;
}

export interface HttpLogEntry {
  method: string;
  /** Secret query parameters redacted; headers are never logged. */
  url: string;
  status: number | null;
  attempt: number;
  ms: number;
  error?: string;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface HttpDeps {
  fetch?: typeof fetch;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429/503 on reads (default 3). */
  maxRetries?: number;
  /** A server asking to wait longer than this is not waited for: the call fails with its Retry-After. */
  maxWaitSeconds?: number;
  log?: (entry: HttpLogEntry) => void;
}

export interface HttpClient {
  /** Any HTTP status comes back as a response; transport failures and exhausted 429s throw ProviderError. */
  send(req: HttpRequest): Promise<HttpResponse>;
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });

function encode(req: HttpRequest): { body?: string; contentType?: string } {
  if (!req.body) return {};
  if ('json' in req.body) return { body: JSON.stringify(req.body.json), contentType: 'application/json' };
  return { body: new URLSearchParams(req.body.form).toString(), contentType: 'application/x-www-form-urlencoded' };
}

export function createHttpClient(deps: HttpDeps = {}): HttpClient {
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? realSleep;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const maxRetries = deps.maxRetries ?? 3;
  const maxWait = deps.maxWaitSeconds ?? 120;

  async function once(req: HttpRequest, attempt: number): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? deps.timeoutMs ?? 30_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const { body, contentType } = encode(req);
    const headers: Record<string, string> = { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}), ...req.headers };
    const started = now();
    try {
      const res = await doFetch(req.url, { method: req.method, headers, body, signal, redirect: req.method === 'GET' ? 'follow' : 'error' });
      // fetch drops Authorization on cross-origin redirects; non-GETs must never be replayed elsewhere.
      // The body is read under the same signal: a reply that stalls half-way times out like a silent one.
      const bytes = new Uint8Array(await res.arrayBuffer());
      deps.log?.({ method: req.method, url: redactUrl(req.url), status: res.status, attempt, ms: now() - started });
      return { status: res.status, headers: res.headers, bytes, url: req.url };
    } catch (err) {
      deps.log?.({ method: req.method, url: redactUrl(req.url), status: null, attempt, ms: now() - started, error: String(err) });
      if (req.signal?.aborted && req.kind !== 'commit') throw req.signal.reason;
      throw classifyNetworkError(err, req, { timedOut: timeout.aborted, timeoutMs });
    }
  }

  return {
    async send(req) {
      for (let attempt = 1; ; attempt++) {
        const res = await once(req, attempt);
        if (res.status !== 429 && res.status !== 503) return res;
        const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now());
        const host = new URL(req.url).host;
        const canRetry = req.kind === 'read' && attempt <= maxRetries && (retryAfter === null || retryAfter <= maxWait);
        if (!canRetry) {
          // A 503 is answered by the caller (a plain provider error, or ambiguous for a commit).
          if (res.status === 503) return res;
          const when = retryAfter === null ? '' : ` Try again in ${retryAfter} s.`;
          throw new ProviderError('PROVIDER_RATE_LIMITED', `${host} is rate-limiting requests.${when}`, {
            host,
            status: 429,
            ...(retryAfter === null ? {} : { retryAfterSeconds: retryAfter }),
          });
        }
        const waitMs = retryAfter === null ? backoffMs(attempt, random) : retryAfter * 1000;
        req.onWait?.({ reason: res.status === 429 ? 'rate-limited' : 'unavailable', seconds: waitMs / 1000, attempt });
        await sleep(waitMs, req.signal);
      }
    },
  };
}
