import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk, DATABASE_FILE, type Desk } from './desk';
import { keychainForTests } from './testing/keychain';
import { createKeychainVault } from './vault/keychain-vault';

const keychain = await keychainForTests();
const SECRET = `oa-key-${Math.random().toString(36).slice(2)}-do-not-store`;
const SERVICE = `imagery-desk-it-${process.pid}`;

const oneAtlasInput = {
  provider: 'oneatlas' as const,
  label: 'Production',
  endpoints: {
    auth: 'https://authenticate.foundation.api.oneatlas.airbus.com/',
    data: 'https://data.api.oneatlas.airbus.com',
    order: 'https://order.api.oneatlas.airbus.com',
    search: 'https://search.foundation.api.oneatlas.airbus.com',
  },
  identity: {},
};

describe.skipIf(!keychain.available)(`accounts with the real keychain${keychain.available ? '' : ` (skipped: ${keychain.reason})`}`, () => {
  let dir: string;
  let desk: Desk;
  const vault = createKeychainVault(SERVICE);
  const open = () => createDesk({ dataDir: dir, host: 'web', version: 'test', vault });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-it-'));
    desk = open();
  });
  afterEach(() => {
    desk.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (channel: string, payload: unknown) => {
    const r = await desk.registry.dispatch(channel, payload);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };

  it('stores the secret in the keychain only, and survives a restart', async () => {
    const created = await call('accounts.create', { account: oneAtlasInput, secrets: { apiKey: SECRET } });
    expect(created['secretsSet']).toEqual({ apiKey: true });
    expect(JSON.stringify(created)).not.toContain(SECRET);
    expect((created['endpoints'] as Record<string, string>)['auth']).toBe('https://authenticate.foundation.api.oneatlas.airbus.com');

    desk.close();
    desk = open();
    const list = (await call('accounts.list', {})) as unknown as { id: string; secretsSet: Record<string, boolean> }[];
    expect(list).toHaveLength(1);
    expect(list[0]?.secretsSet).toEqual({ apiKey: true });
    expect(await desk.accounts.secret(String(created['id']), 'apiKey')).toBe(SECRET);

    desk.close();
    for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
      const path = join(dir, f);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(SECRET))).toBe(false);
    }
    desk = open();
  });

  it('edits, clears and removes secrets; removing the account removes them from the keychain', async () => {
    const input = { ...oneAtlasInput, provider: 'geoapi' as const, endpoints: { auth: 'https://a.example', order: 'https://o.example', search: 'https://s.example' }, identity: { username: 'ana' } };
    const a = await call('accounts.create', { account: input, secrets: { clientId: 'cid', clientSecret: 'csecret' } });
    const id = String(a['id']);
    expect(a['secretsSet']).toEqual({ clientId: true, clientSecret: true, searchApiKey: false });

    const { provider: _p, ...editable } = input;
    const edited = await call('accounts.update', { id, account: { ...editable, label: 'Renamed' }, secrets: { clientSecret: null, searchApiKey: 'sk' } });
    expect(edited['label']).toBe('Renamed');
    expect(edited['secretsSet']).toEqual({ clientId: true, clientSecret: false, searchApiKey: true });
    expect(await vault.get(id, 'clientSecret')).toBeNull();
    expect(await vault.get(id, 'searchApiKey')).toBe('sk');

    await call('accounts.remove', { id });
    expect(await call('accounts.list', {})).toEqual([]);
    for (const key of ['clientId', 'clientSecret', 'searchApiKey']) expect(await vault.get(id, key)).toBeNull();
  });

  it('refuses fields a provider does not have, and stores nothing', async () => {
    const r = await desk.registry.dispatch('accounts.create', { account: oneAtlasInput, secrets: { password: 'x' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ACCOUNT' } });
    expect(await call('accounts.list', {})).toEqual([]);
    // A closed choice (Origen's geometry form) takes one of its values.
    const origen = { provider: 'origen' as const, label: 'Origen', endpoints: { market: 'https://market.example.test' }, identity: { geometryForm: 'kml' } };
    const bad = await desk.registry.dispatch('accounts.create', { account: origen, secrets: { token: 't' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ACCOUNT', message: expect.stringContaining('Geometry form must be one of wkt, geojson') } });
    expect(await call('accounts.list', {})).toEqual([]);
  });

  it('says a secret is missing from the keychain (not that the provider refused) when the keychain lost it', async () => {
    const created = await call('accounts.create', { account: oneAtlasInput, secrets: { apiKey: SECRET } });
    await vault.delete(String(created['id']), 'apiKey');
    const report = await call('archive.connection', { accountId: created['id'] });
    expect(report).toMatchObject({ ok: false, code: 'MISSING_SECRET' });
    expect(String(report['message'])).toContain('missing from the system keychain');
    const search = await desk.registry.dispatch('archive.contracts', { accountId: created['id'] });
    expect(search).toMatchObject({ ok: false, error: { code: 'MISSING_SECRET', details: { field: 'secrets.apiKey', accountId: created['id'] } } });
  });
});
