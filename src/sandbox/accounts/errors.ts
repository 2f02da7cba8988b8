import { requireGeoApiOrderAuth, requireOneAtlasBearer } from '../auth/guards';
import type { Handler, SandboxContext, SandboxRequest, SandboxResponse } from '../types';
import type { Provider } from './products';

/**
 * Error bodies as each provider shapes them. OneAtlas answers `{errorCode, message}` (its spec's
 * examples); the legacy GeoAPI is a Spring service and answers `{timestamp, status, error, message,
 * path}`. Both also carry `field`, naming the offending request field so clients can point at it.
 */

const REASONS: Record<number, string> = { 400: 'Bad Request', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity' };

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status = 400,
    readonly errorCode = 'E4000',
  ) {
    super(message);
  }
}

export function providerError(provider: Provider, req: SandboxRequest, e: FieldError): SandboxResponse {
  if (provider === 'oneatlas') return { status: e.status, body: { errorCode: e.errorCode, message: e.message, field: e.field } };
  return {
    status: e.status,
    body: { timestamp: Date.now(), status: e.status, error: REASONS[e.status] ?? 'Error', message: e.message, field: e.field, path: req.path },
  };
}

/** The request body as a JSON object, or a FieldError naming why it is not one. */
export function objectBody(req: SandboxRequest): Record<string, unknown> {
  if (req.bodyError) throw new FieldError('body', req.bodyError);
  if (req.body === undefined) throw new FieldError('body', 'A JSON request body is required');
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw new FieldError('body', 'The request body must be a JSON object');
  return req.body as Record<string, unknown>;
}

/**
 * Runs a handler body that may throw FieldError and maps it to the provider's error. Anything else is
 * a sandbox bug: it still becomes a JSON 500 (the server keeps serving) rather than a dropped socket.
 */
export function guarded(provider: Provider, req: SandboxRequest, run: () => SandboxResponse): SandboxResponse {
  try {
    return run();
  } catch (err) {
    if (err instanceof FieldError) return providerError(provider, req, err);
    throw err;
  }
}

/**
 * A provider route: the provider's credential check first (401 before anything else, as the real
 * gateways do), then the handler, with FieldErrors mapped to the provider's error body.
 */
export function secured(provider: Provider, handler: (req: SandboxRequest, ctx: SandboxContext) => SandboxResponse): Handler {
  return (req, ctx) => {
    const denied = provider === 'oneatlas' ? requireOneAtlasBearer(req, ctx) : requireGeoApiOrderAuth(req, ctx);
    return denied ?? guarded(provider, req, () => handler(req, ctx));
  };
}
