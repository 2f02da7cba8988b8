import type { z } from 'zod';
import type { HttpRequest, HttpResponse } from './client';
import { ProviderError, type ProviderErrorDetails } from './errors';

/**
 * Turning replies into values or ProviderErrors. Providers shape errors differently (OneAtlas
 * `{errorCode, message, field}`, Spring `{error, message, field}`, OAuth `{error, error_description}`,
 * opensearch `{internalCode, message}`); the user sees the provider's own code and message either way.
 */

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);

export function providerProblem(res: HttpResponse): Pick<ProviderErrorDetails, 'providerCode' | 'providerMessage' | 'field'> {
  let body: unknown;
  try {
    body = JSON.parse(text(res.bytes));
  } catch {
    const plain = text(res.bytes).trim().slice(0, 300);
    return plain && !plain.startsWith('<') ? { providerMessage: plain } : {};
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const b = body as Record<string, unknown>;
  const oauth = str(b['error_description']);
  const providerCode = str(b['errorCode']) ?? (oauth ? str(b['error']) : undefined) ?? str(b['internalCode']) ?? str(b['code']);
  const providerMessage = str(b['message']) ?? oauth ?? str(b['error']);
  const field = str(b['field']);
  return { ...(providerCode ? { providerCode } : {}), ...(providerMessage ? { providerMessage } : {}), ...(field ? { field } : {}) };
}

const hostOf = (res: HttpResponse) => new URL(res.url).host;

/** Throws the ProviderError a non-2xx reply means for this kind of request. */
export function ensureOk(res: HttpResponse, req: Pick<HttpRequest, 'kind'>): void {
  if (res.status >= 200 && res.status < 300) return;
  const host = hostOf(res);
  const problem = providerProblem(res);
  const said = [problem.providerCode, problem.providerMessage].filter(Boolean).join(': ');
  const details: ProviderErrorDetails = { host, status: res.status, ...problem };
  if (req.kind === 'commit' && res.status >= 500) {
    throw new ProviderError('ORDER_AMBIGUOUS', `${host} failed (HTTP ${res.status}) while taking the order: it may have been placed. Check by customer reference before sending it again.`, details);
  }
  if (res.status === 401) throw new ProviderError('PROVIDER_AUTH', `${host} refused the credentials${said ? `: ${said}` : ''}.`, details);
  throw new ProviderError('PROVIDER_ERROR', said || `${host} answered HTTP ${res.status}.`, details);
}

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '') || '(root)';
}

/** The reply as JSON checked against `schema`; `raw` keeps the provider's payload for audit. */
export function readJson<T>(res: HttpResponse, req: Pick<HttpRequest, 'kind'>, schema: z.ZodType<T>): { value: T; raw: unknown } {
  ensureOk(res, req);
  const host = hostOf(res);
  const fail = (path: string, why: string): never => {
    // A 2xx to an order that we cannot read may still be a placed order.
    if (req.kind === 'commit') {
      throw new ProviderError('ORDER_AMBIGUOUS', `${host} accepted the order request but its reply was unreadable (${path}: ${why}). Check by customer reference before sending it again.`, { host, status: res.status, path });
    }
    throw new ProviderError('PROVIDER_MALFORMED', `${host} sent a reply Imagery Desk does not understand (${path}: ${why}).`, { host, status: res.status, path });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text(res.bytes));
  } catch {
    return fail('(root)', 'not JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(issue ? pathOf(issue) : '(root)', issue?.message ?? 'unexpected shape');
  }
  return { value: parsed.data, raw };
}

/** Binary replies (quicklooks, PDFs): checked for status and, when given, media type. */
export function readBytes(res: HttpResponse, req: Pick<HttpRequest, 'kind'>, expectType?: RegExp): { bytes: Uint8Array; contentType: string } {
  ensureOk(res, req);
  const contentType = res.headers.get('content-type')?.split(';')[0]?.trim() ?? 'application/octet-stream';
  if (expectType && !expectType.test(contentType)) {
    throw new ProviderError('PROVIDER_MALFORMED', `${hostOf(res)} sent ${contentType} where ${expectType.source} was expected.`, { host: hostOf(res), status: res.status, path: 'content-type' });
  }
  return { bytes: res.bytes, contentType };
}
