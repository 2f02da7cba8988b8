import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** A request as a sandbox handler sees it: body already parsed by content type, path params extracted. */
export interface SandboxRequest {
  method: string;
  /** Path below the mount prefix, e.g. `/api/v1/contracts` for `/oneatlas/order/api/v1/contracts`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** JSON body (application/json), form fields (x-www-form-urlencoded) as a record, else undefined. */
  body: unknown;
  /** Set when the body claimed to be JSON but did not parse: handlers answer 400 naming it. */
  bodyError?: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; a Buffer is sent as is with `contentType`. */
  body?: unknown;
  contentType?: string;
  /**
   * A body too large to hold in memory (product files): opened only when it is sent, and piped with
   * backpressure. `headers` must carry its Content-Length. A stream that fails, or ends short of that
   * length, makes the server flush what was sent and drop the connection: the client sees the
   * premature end of a cut download, never a clean one.
   */
  stream?: () => Readable;
  /** For `commitsOrder` routes whose errors are HTTP 200 (Origen): whether something was committed. */
  committed?: boolean;
}

export interface SandboxContext {
  state: import('./state').SandboxState;
}

export type Handler = (req: SandboxRequest, ctx: SandboxContext) => SandboxResponse | Promise<SandboxResponse>;

export interface Route {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-like pattern below the mount prefix: `/api/v1/contracts/:contractId/productTypes`. */
  pattern: string;
  handler: Handler;
  /** Order-creating endpoints: subject to the "commit then drop the connection" fault. */
  commitsOrder?: boolean;
}

/** One real host, one path prefix: an account's base URL is `${origin}${prefix}`. */
export interface Mount {
  prefix: string;
  routes: Route[];
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SandboxResponse =>
  headers ? { status, body, headers } : { status, body };
