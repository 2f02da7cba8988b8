import type { HttpRequest } from './client';
import { ProviderError } from './errors';

/**
 * Sorts transport failures by what the server may have seen. Failing to connect (refused, unknown host,
 * TLS handshake) means nothing was sent; anything later (reset, dropped connection, timeout) may have
 * reached the server, which for an order is the difference between "try again" and "reconcile first".
 */

const NOTHING_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The first `code` along the error's cause chain (undici wraps the socket error in `cause`). */
export function errorCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifyNetworkError(err: unknown, req: HttpRequest, ctx: { timedOut: boolean; timeoutMs: number }): ProviderError {
  const host = safeHost(req.url);
  const code = ctx.timedOut ? 'timeout' : (errorCode(err) ?? (err instanceof Error ? err.message : 'network error'));
  if (!ctx.timedOut && NOTHING_SENT.has(code)) {
    return new ProviderError('PROVIDER_UNREACHABLE', `Could not connect to ${host} (${code}). Nothing was sent.`, { host, cause: code });
  }
  const what = ctx.timedOut ? `did not answer within ${Math.round(ctx.timeoutMs / 100) / 10} s` : `dropped the connection (${code})`;
  if (req.kind === 'commit') {
    return new ProviderError(
      'ORDER_AMBIGUOUS',
      `${host} ${what} after the order was sent: it may have been placed. Check by customer reference before sending it again.`,
      { host, cause: code },
    );
  }
  return new ProviderError('PROVIDER_UNREACHABLE', `${host} ${what}.`, { host, cause: code });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
