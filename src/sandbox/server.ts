import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { adminRoutes } from './admin';
import { SANDBOX_PREFIXES } from './credentials';
import { ALL_MOUNTS } from './mounts';
import { createRouter } from './router';
import { warmCatalogue } from './search/warm';
import { SandboxState, type SandboxOptions } from './state';
import type { Mount, SandboxRequest, SandboxResponse } from './types';

export interface SandboxServer {
  origin: string;
  port: number;
  state: SandboxState;
  /** Base URLs per provider and endpoint, ready to put into accounts. */
  baseUrls: { [P in keyof typeof SANDBOX_PREFIXES]: { [K in keyof (typeof SANDBOX_PREFIXES)[P]]: string } };
  /** Settles when the background warm-up (land mask, slot tables, compiled search) is done. */
  warmed: Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions extends SandboxOptions {
  port?: number;
  mounts?: Mount[];
  /** Warm the catalogue in the background after start (default true). */
  warm?: boolean;
}

const MAX_BODY = 8 * 1024 * 1024;

/**
 * The provider sandbox: a local HTTP server behaving like OneAtlas, GeoAPI and Origen. It never crashes
 * on what it is sent: every failure becomes an error response and the server keeps serving.
 */
export async function startSandbox(opts: StartOptions = {}): Promise<SandboxServer> {
  const state = new SandboxState(opts);
  const providers = createRouter(opts.mounts ?? ALL_MOUNTS);
  const admin = createRouter([{ prefix: '/__admin', routes: adminRoutes }]);

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      if (!res.headersSent) write(res, { status: 500, body: { error: 'Internal sandbox error', message: String(err) } });
      else res.destroy();
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    if (raw === undefined) return write(res, { status: 413, body: { error: 'Payload Too Large', message: `Request body exceeds ${MAX_BODY} bytes` } });

    const isAdmin = url.pathname === '/__admin' || url.pathname.startsWith('/__admin/');
    if (isAdmin && !isLoopback(req.socket.remoteAddress)) return write(res, { status: 403, body: { error: 'Admin is loopback-only' } });
    const found = (isAdmin ? admin : providers).match(method, url.pathname);
    if (!found.match) {
      if (found.allowed.length) return write(res, { status: 405, headers: { Allow: found.allowed.join(', ') }, body: { error: 'Method Not Allowed' } });
      return write(res, { status: 404, body: { error: 'Not Found', message: `No route for ${method} ${url.pathname}` } });
    }

    if (!isAdmin) {
      const f = state.faults;
      if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
      if (f.rateLimitNext > 0) {
        f.rateLimitNext--;
        return write(res, { status: 429, headers: { 'Retry-After': String(f.retryAfterSeconds) }, body: { error: 'Too Many Requests' } });
      }
      if (f.unavailableNext > 0) {
        f.unavailableNext--;
        return write(res, { status: 503, body: { error: 'Service Unavailable' } });
      }
    }

    const request: SandboxRequest = {
      method,
      path: found.match.path,
      params: found.match.params,
      query: url.searchParams,
      headers: req.headers,
      rawBody: raw,
      ...parseBody(req.headers['content-type'], raw),
    };
    const response = await found.match.route.handler(request, { state });
    if (!isAdmin && found.match.route.commitsOrder && (response.committed ?? response.status < 300) && state.faults.dropAfterCommitNext > 0) {
      state.faults.dropAfterCommitNext--;
      req.socket.destroy();
      return;
    }
    write(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const baseUrls = Object.fromEntries(
    Object.entries(SANDBOX_PREFIXES).map(([p, eps]) => [p, Object.fromEntries(Object.entries(eps).map(([k, prefix]) => [k, origin + prefix]))]),
  ) as SandboxServer['baseUrls'];
  // Never fails a start: a warm-up error only means the first search pays the set-up itself.
  const warmed = opts.warm === false ? Promise.resolve() : warmCatalogue(state.seed, state.now().getTime()).catch(() => undefined);
  return {
    origin,
    port,
    state,
    baseUrls,
    warmed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function parseBody(contentType: string | undefined, raw: Buffer): Pick<SandboxRequest, 'body' | 'bodyError'> {
  if (raw.length === 0) return { body: undefined };
  const type = (contentType ?? '').toLowerCase();
  const text = raw.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) return { body: Object.fromEntries(new URLSearchParams(text)) };
  if (type.includes('json') || type === '') {
    try {
      return { body: JSON.parse(text) as unknown };
    } catch (err) {
      return { body: undefined, bodyError: `Malformed JSON body: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  return { body: undefined };
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', () => resolve(undefined));
  });
}

function write(res: ServerResponse, r: SandboxResponse): void {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let payload: Buffer | string | undefined;
  if (r.stream) {
    headers['Content-Type'] = r.contentType ?? 'application/octet-stream';
    res.writeHead(r.status, headers);
    return sendStream(res, r.stream(), Number(headers['Content-Length'] ?? NaN));
  }
  if (Buffer.isBuffer(r.body)) {
    payload = r.body;
    headers['Content-Type'] = r.contentType ?? 'application/octet-stream';
  } else if (r.body !== undefined) {
    payload = JSON.stringify(r.body);
    headers['Content-Type'] = r.contentType ?? 'application/json';
  }
  res.writeHead(r.status, headers);
  res.end(payload);
}

/**
 * Pipes a streamed body with backpressure. A stream that fails or ends short of `declared` bytes is a
 * cut connection: what was written is flushed, then the socket is destroyed, so the client sees a
 * premature end rather than a complete response. A client that goes away stops the stream.
 */
function sendStream(res: ServerResponse, body: Readable, declared: number): void {
  let sent = 0;
  let lastFlush = Promise.resolve();
  res.on('close', () => body.destroy());
  res.on('drain', () => body.resume());
  body.on('error', () => res.destroy());
  body.on('data', (chunk: Buffer) => {
    sent += chunk.length;
    lastFlush = new Promise<void>((flushed) => {
      if (!res.write(chunk, () => flushed())) body.pause();
    });
  });
  body.on('end', () => {
    const cut = Number.isFinite(declared) && sent < declared;
    if (cut) void lastFlush.then(() => res.destroy());
    else res.end();
  });
}
