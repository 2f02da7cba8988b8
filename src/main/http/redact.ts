/**
 * What may be logged about a request. Secrets travel in headers (Authorization, API keys) and sometimes
 * in query strings (`apiKey` on legacy quicklook links): neither ever reaches a log line.
 */

const SECRET_PARAMS = /^(api[-_]?key|apikey|access_token|token|client_secret|password|secret)$/i;
const SECRET_HEADERS = /^(authorization|proxy-authorization|x-api-key|apikey|cookie|set-cookie)$/i;

export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '[unparseable url]';
  }
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) if (SECRET_PARAMS.test(key)) u.searchParams.set(key, '[redacted]');
  return u.toString();
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADERS.test(k) ? '[redacted]' : v]));
}
