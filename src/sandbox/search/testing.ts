import { SANDBOX_CREDENTIALS } from '../credentials';
import { startSandbox, type SandboxServer } from '../server';

/** Test helpers for the search module: a running sandbox and a OneAtlas bearer token. */

export const TOULOUSE = {
  type: 'Polygon',
  coordinates: [[[1.33, 43.52], [1.56, 43.52], [1.56, 43.66], [1.33, 43.66], [1.33, 43.52]]],
}; // prettier-ignore
export const TOULOUSE_WKT =
  'POLYGON((1.3348388671875 43.66240779260363,\n1.5641784667968752 43.66240779260363, 1.5641784667968752 43.516190595612755, 1.3348388671875 43.516190595612755, 1.3348388671875 43.66240779260363))';
/** The year searched in most tests; the simulated clock starts after it. */
export const YEAR_2023 = '[2023-01-01T00:00:00Z,2024-01-01T00:00:00Z[';
export const START = new Date('2025-06-01T12:00:00Z');

export async function sandbox(seed = 42): Promise<SandboxServer> {
  return startSandbox({ port: 0, seed, startTime: START });
}

/** A OneAtlas token from the token endpoint, or planted in the state while that route is not there. */
export async function oneAtlasToken(sb: SandboxServer): Promise<string> {
  const res = await fetch(`${sb.origin}/oneatlas/auth/auth/realms/IDP/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'IDP' }).toString(),
  });
  if (res.ok) {
    const body = (await res.json()) as { access_token?: string };
    if (body.access_token) return body.access_token;
  }
  const token = `test-token-${sb.port}`;
  sb.state.tokens.set(token, { token, provider: 'oneatlas', expiresAt: sb.state.now().getTime() + 3_600_000 });
  return token;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Json = any;

export async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body, headers: res.headers };
}

export const postJson = (url: string, body: unknown, headers: Record<string, string>) =>
  call(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
