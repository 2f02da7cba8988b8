import type { z } from 'zod';
import { ensureOk, readBytes, readJson, type AuthSession, type HttpClient, type HttpRequest } from '../../http';
import type { CallOptions } from '../types';

/**
 * The two things a provider module does with HTTP: get JSON checked against a schema, or get bytes.
 * A Caller hides how the request is authorised (bearer session with renewal, or a static API key).
 */

export type Req = Omit<HttpRequest, 'onWait' | 'signal'>;

export interface Caller {
  json<T>(req: Req, schema: z.ZodType<T>, opts?: CallOptions): Promise<{ value: T; raw: unknown }>;
  bytes(req: Req, expectType: RegExp, opts?: CallOptions): Promise<{ bytes: Uint8Array; contentType: string }>;
  /** For replies whose body does not matter (only the status does). */
  ok(req: Req, opts?: CallOptions): Promise<void>;
}

const withOpts = (req: Req, opts: CallOptions = {}): HttpRequest => ({ ...req, onWait: opts.onWait, signal: opts.signal });

/** Requests carrying the session's token in the headers `authorize` builds. */
export function sessionCaller(session: AuthSession, authorize: (token: string) => Record<string, string>): Caller {
  return {
    async json(req, schema, opts) {
      const full = withOpts(req, opts);
      return readJson(await session.send(full, authorize), full, schema);
    },
    async bytes(req, expectType, opts) {
      const full = withOpts(req, opts);
      return readBytes(await session.send(full, authorize), full, expectType);
    },
    async ok(req, opts) {
      const full = withOpts(req, opts);
      ensureOk(await session.send(full, authorize), full);
    },
  };
}

/** Requests with fixed headers (GeoAPI legacy search: `Authorization: APIKEY <key>`). */
export function staticCaller(http: HttpClient, headers: () => Record<string, string>): Caller {
  const send = (req: Req, opts?: CallOptions) => {
    const full = withOpts({ ...req, headers: { ...req.headers, ...headers() } }, opts);
    return { full, res: http.send(full) };
  };
  return {
    async json(req, schema, opts) {
      const { full, res } = send(req, opts);
      return readJson(await res, full, schema);
    },
    async bytes(req, expectType, opts) {
      const { full, res } = send(req, opts);
      return readBytes(await res, full, expectType);
    },
    async ok(req, opts) {
      const { full, res } = send(req, opts);
      ensureOk(await res, full);
    },
  };
}
