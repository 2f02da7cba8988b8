import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Registry } from '../ipc/registry';
import { contentSecurityPolicy } from '../security';

export interface WebHostOptions {
  registry: Registry;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Origins of the user's online basemaps, read per response for the CSP (see security.ts). */
  tileOrigins?: () => string[];
}

export interface WebHost {
  origin: string;
  token: string;
  /** The URL to open: the token travels in the fragment, so it never reaches logs or Referer headers. */
  url: string;
  close(): Promise<void>;
}

export const API_PREFIX = '/api/invoke/';
export const TOKEN_HEADER = 'x-desk-token';
const MAX_BODY = 16 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Browser mode: the same handler registry over HTTP. Bound to 127.0.0.1 only; every API call needs the
 * per-launch token; Host and Origin must be this server's own, which defeats DNS rebinding and
 * cross-site requests from other pages open in the same browser.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Request failed.' } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res, contentSecurityPolicy(opts.tileOrigins?.() ?? []));
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 403, refusal('BAD_HOST', 'Unexpected Host header.'));
    const url = new URL(req.url ?? '/', 'http://placeholder');
    // A malformed %-escape is the caller's mistake, not ours: 400, checked before anything else reads the path.
    const path = decodePath(url.pathname);
    if (path === undefined) return send(res, 400, refusal('INVALID_REQUEST', 'The request path has a malformed %-escape.'));
    if (path.startsWith(API_PREFIX)) return handleApi(req, res, path.slice(API_PREFIX.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, refusal('METHOD', 'Method not allowed.'));
    return serveStatic(res, opts.staticDir, path);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, refusal('METHOD', 'API calls use POST.'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, refusal('BAD_ORIGIN', 'Calls from other origins are refused.'));
    }
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return send(res, 401, refusal('UNAUTHORIZED', 'Missing or wrong browser-mode token.'));
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, refusal('BAD_CONTENT_TYPE', 'API calls must be application/json.'));
    }
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, refusal('TOO_LARGE', 'Request body too large.'));
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body) : {};
    } catch {
      return send(res, 400, refusal('INVALID_JSON', 'Request body is not valid JSON.'));
    }
    send(res, 200, await opts.registry.dispatch(channel, payload));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const refusal = (code: string, message: string) => ({ ok: false, error: { code, message } });

function setCommonHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const decodePath = (pathname: string): string | undefined => {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
};

/**
 * The body, or undefined when it is over MAX_BODY. An oversized body is read to its end and discarded
 * (up to DRAIN_LIMIT) so the client, still writing, receives the 413 instead of a connection reset.
 */
const DRAIN_LIMIT = 256 * 1024 * 1024;
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(res: ServerResponse, root: string, pathname: string): void {
  const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root) + sep)) return send(res, 404, refusal('NOT_FOUND', 'Not found.'));
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    return send(res, 404, refusal('NOT_FOUND', 'Not found.'));
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': size });
  createReadStream(file).pipe(res);
}
