import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../credentials';
import { b64, call, form, harness, type Harness } from '../accounts/testkit';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.sandbox.close());

const oneAtlasTokenUrl = () => `${h.sandbox.baseUrls.oneatlas.auth}/auth/realms/IDP/protocol/openid-connect/token`;
const geoTokenUrl = () => `${h.sandbox.baseUrls.geoapi.auth}/ADS-ID/core/connect/token`;
const geoCreds = SANDBOX_CREDENTIALS.geoapi;

describe('OneAtlas API key -> bearer token', () => {
  it('issues a JWT-shaped bearer token with the documented fields', async () => {
    const r = await call(oneAtlasTokenUrl(), form({ apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'IDP' }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ expires_in: 3600, token_type: 'Bearer', refresh_expires_in: 0, 'not-before-policy': 0 });
    expect(String(r.body['access_token']).split('.')).toHaveLength(3);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
  it.each([
    ['wrong API key', { apikey: 'nope', grant_type: 'api_key', client_id: 'IDP' }, 401, 'invalid_grant'],
    ['missing API key', { grant_type: 'api_key', client_id: 'IDP' }, 401, 'invalid_grant'],
    ['wrong client_id', { apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'X' }, 401, 'unauthorized_client'],
    ['wrong grant type', { apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'password', client_id: 'IDP' }, 400, 'unsupported_grant_type'],
    ['missing grant type', { apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, client_id: 'IDP' }, 400, 'invalid_request'],
  ])('refuses a %s', async (_name, fields, status, error) => {
    const r = await call(oneAtlasTokenUrl(), form(fields));
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ error, error_description: expect.any(String) });
  });
  it('does not read a JSON body (the real endpoint takes a form)', async () => {
    const body = JSON.stringify({ apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'IDP' });
    const r = await call(oneAtlasTokenUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(r.status).toBe(400);
  });
});

describe('GeoAPI client credentials -> token', () => {
  it('issues a token as the legacy guide shows', async () => {
    const r = await call(geoTokenUrl(), form({ client_id: geoCreds.clientId, client_secret: geoCreds.clientSecret, scope: 'order.api', grant_type: 'client_credentials' }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ expires_in: 3600, token_type: 'Bearer', access_token: expect.any(String) });
  });
  it('refuses a wrong secret with 401 invalid_client and a wrong grant with 400', async () => {
    const bad = await call(geoTokenUrl(), form({ client_id: geoCreds.clientId, client_secret: 'x', grant_type: 'client_credentials' }));
    expect(bad).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const grant = await call(geoTokenUrl(), form({ client_id: geoCreds.clientId, client_secret: geoCreds.clientSecret, grant_type: 'password' }));
    expect(grant).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    const scope = await call(geoTokenUrl(), form({ client_id: geoCreds.clientId, client_secret: geoCreds.clientSecret, grant_type: 'client_credentials', scope: 'admin' }));
    expect(scope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });
});

describe('bearer checks on every OneAtlas route', () => {
  it('answers the documented 401 for a missing, wrong or foreign token', async () => {
    const missing = await call(`${h.sandbox.baseUrls.oneatlas.order}/api/v1/contracts`);
    expect(missing).toMatchObject({ status: 401, body: { message: 'Authentication failed (cause: Missing token)' } });
    expect((await h.oa('GET', '/api/v1/contracts', undefined, 'garbage')).body).toEqual({ message: 'Authentication failed (cause: Invalid token)' });
    // A GeoAPI token is no OneAtlas token.
    expect((await h.oa('GET', '/api/v1/contracts', undefined, await h.geoApiToken())).status).toBe(401);
  });
  it('expires tokens on the simulated clock (POST /__admin/clock/advance)', async () => {
    const token = await h.oneAtlasToken();
    expect((await h.oa('GET', '/api/v1/contracts', undefined, token)).status).toBe(200);
    await h.admin('POST', '/clock/advance', { seconds: 3601 });
    const r = await h.oa('GET', '/api/v1/contracts', undefined, token);
    expect(r).toMatchObject({ status: 401, body: { message: 'Authentication failed (cause: Token expired)' } });
    expect(r.headers.get('www-authenticate')).toContain('invalid_token');
  });
  it('honours a configured token lifetime', async () => {
    await h.admin('POST', '/token-lifetime', { seconds: 60 });
    const r = await call(oneAtlasTokenUrl(), form({ apikey: SANDBOX_CREDENTIALS.oneatlas.apiKey, grant_type: 'api_key', client_id: 'IDP' }));
    expect(r.body['expires_in']).toBe(60);
    await h.admin('POST', '/clock/advance', { seconds: 61 });
    expect((await h.oa('GET', '/api/v1/contracts', undefined, String(r.body['access_token']))).status).toBe(401);
    await h.admin('POST', '/token-lifetime', { seconds: 3600 });
  });
});

describe('GeoAPI order headers', () => {
  const url = () => `${h.sandbox.baseUrls.geoapi.order}/api/v1/me/contracts`;
  it('needs the token and the base64 X-ADS-Username', async () => {
    const token = await h.geoApiToken();
    expect((await call(url(), { headers: { authorization: token, 'x-ads-username': b64(geoCreds.username) } })).status).toBe(200);
    expect((await call(url(), { headers: { authorization: token } })).status).toBe(401);
    expect((await call(url(), { headers: { 'x-ads-username': b64(geoCreds.username) } })).status).toBe(401);
  });
  it('refuses the user name in plain text', async () => {
    const r = await call(url(), { headers: { authorization: await h.geoApiToken(), 'x-ads-username': geoCreds.username } });
    expect(r.status).toBe(401);
    expect(String(r.body['message'])).toMatch(/base64/);
  });
  it('refuses another user and an expired token', async () => {
    const token = await h.geoApiToken();
    expect((await call(url(), { headers: { authorization: token, 'x-ads-username': b64('someone-else') } })).status).toBe(401);
    await h.admin('POST', '/clock/advance', { hours: 2 });
    const r = await call(url(), { headers: { authorization: token, 'x-ads-username': b64(geoCreds.username) } });
    expect(r).toMatchObject({ status: 401, body: { message: 'Access token expired' } });
  });
});
