import { z } from 'zod';
import { ensureOk, ProviderError, type HttpRequest, type HttpResponse } from '../../http';

/**
 * Origen's `{code, message, data}` envelope. Its `code` decides, not the HTTP status: the service
 * answers HTTP 200 with code 400/401/500 in the body (the Origen programming guide, "Error Code
 * Description"). A missing or wrong token may also come back as HTTP 401 from its gateway.
 */

const Envelope = z.object({ code: z.number(), message: z.string().nullish(), data: z.unknown() });

/** The guide's body fields, and the draft field each one comes from (so a form can show the message there). */
const FIELDS: Record<string, string> = {
  provider: 'provider',
  geometry: 'aoiId',
  startDate: 'start',
  endDate: 'end',
  recurringDay: 'recurrence.every',
  recurringUnit: 'recurrence.unit',
  recurring: 'recurrence',
  maxCloud: 'maxCloud',
  resolutionType: 'resolutionType',
  orderNo: 'orderNo',
};

/** The guide field a provider message names first, if any (messages like "resolutionType 4 is not available …"). */
export function fieldNamed(message: string): { field: string; providerField: string } | null {
  let best: { at: number; name: string } | null = null;
  for (const name of Object.keys(FIELDS)) {
    const at = new RegExp(`\\b${name}\\b`).exec(message)?.index;
    if (at !== undefined && (best === null || at < best.at)) best = { at, name };
  }
  return best ? { field: FIELDS[best.name]!, providerField: best.name } : null;
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);
const hostOf = (res: HttpResponse) => new URL(res.url).host;

function authFailure(host: string, said: string | null, status: number): ProviderError {
  return new ProviderError('PROVIDER_AUTH', `Origen (${host}) refused the access token: it is wrong or has expired${said ? ` (“${said}”)` : ''}. Open the account and enter a valid token.`, {
    host,
    status,
    providerCode: '401',
    ...(said ? { providerMessage: said } : {}),
  });
}

/**
 * The envelope's `data` when `code` is 200, checked against `schema`; otherwise the ProviderError the
 * code means. For a commit, anything that leaves in doubt whether the order was taken (5xx, a 500 in
 * the envelope, an unreadable reply) is ORDER_AMBIGUOUS: the order may exist and must not be resent.
 */
export function readEnvelope<T>(res: HttpResponse, req: Pick<HttpRequest, 'kind'>, schema: z.ZodType<T>): { value: T; raw: unknown } {
  const host = hostOf(res);
  const commit = req.kind === 'commit';
  const ambiguous = (why: string, extra: Record<string, unknown> = {}) =>
    new ProviderError('ORDER_AMBIGUOUS', `Origen (${host}) ${why}: the order may or may not have been created.`, { host, status: res.status, ...extra });
  let raw: unknown;
  try {
    raw = JSON.parse(text(res.bytes));
  } catch {
    raw = undefined;
  }
  const envelope = Envelope.safeParse(raw);
  const said = envelope.success ? (envelope.data.message?.trim() || null) : null;
  if (res.status === 401 || (envelope.success && envelope.data.code === 401)) throw authFailure(host, said, res.status);
  ensureOk(res, req);
  if (!envelope.success) {
    if (commit) throw ambiguous('answered something that is not its reply envelope', { path: '(root)' });
    throw new ProviderError('PROVIDER_MALFORMED', `Origen (${host}) sent a reply Imagery Desk does not understand (not a {code, message, data} envelope).`, { host, status: res.status, path: '(root)' });
  }
  const { code, data } = envelope.data;
  if (code === 200) {
    const parsed = schema.safeParse(data);
    if (parsed.success) return { value: parsed.data, raw };
    const path = `data.${parsed.error.issues[0]?.path.join('.') ?? ''}`;
    if (commit) throw ambiguous(`said success but its reply could not be read (${path})`, { path });
    throw new ProviderError('PROVIDER_MALFORMED', `Origen (${host}) sent a reply Imagery Desk does not understand (${path}).`, { host, status: res.status, path });
  }
  const details = { host, status: res.status, providerCode: String(code), ...(said ? { providerMessage: said } : {}) };
  if (code >= 500 && commit) throw ambiguous(`reported an internal error (code ${code}${said ? `: “${said}”` : ''}) while taking the order`, details);
  const named = said ? fieldNamed(said) : null;
  throw new ProviderError('PROVIDER_ERROR', said ?? `Origen (${host}) answered code ${code} without a message.`, { ...details, ...(named ?? {}) });
}
