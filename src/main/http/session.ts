import type { HttpClient, HttpRequest, HttpResponse } from './client';
import { ensureOk } from './reply';
import type { TokenCache, TokenGrant } from './tokenCache';

/**
 * Requests made with an account's bearer token. A 401 means the token died early (revoked, clock skew,
 * server restart): the token is renewed once and the request sent once more. That retry is safe even
 * for orders, because a 401 is an answer: the server refused the request, nothing was done.
 */

export type CallContext = Pick<HttpRequest, 'onWait' | 'signal'>;

export interface AuthSession {
  token(ctx?: CallContext): Promise<string>;
  /** Sends `req` with the headers `authorize(token)` gives, renewing the token once on a 401. */
  send(req: HttpRequest, authorize: (token: string) => Record<string, string>): Promise<HttpResponse>;
}

export function createSession(deps: { http: HttpClient; cache: TokenCache; cacheKey: string; fetchGrant: (ctx: CallContext) => Promise<TokenGrant> }): AuthSession {
  const { http, cache, cacheKey } = deps;
  const token = (ctx: CallContext = {}) => cache.get(cacheKey, () => deps.fetchGrant(ctx));
  const ctxOf = (req: HttpRequest): CallContext => ({ onWait: req.onWait, signal: req.signal });
  const withToken = (req: HttpRequest, t: string, authorize: (token: string) => Record<string, string>) => ({ ...req, headers: { ...req.headers, ...authorize(t) } });
  return {
    token,
    async send(req, authorize) {
      const first = await token(ctxOf(req));
      const res = await http.send(withToken(req, first, authorize));
      if (res.status !== 401) return res;
      cache.invalidate(cacheKey, first);
      const again = await http.send(withToken(req, await token(ctxOf(req)), authorize));
      // A second 401 with a brand-new token is a real refusal: report it in the provider's words.
      if (again.status === 401) ensureOk(again, req);
      return again;
    },
  };
}
