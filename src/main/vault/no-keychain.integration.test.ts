import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesk, DATABASE_FILE } from '../desk';
import { createKeychainVault } from './keychain-vault';

// Its own file, so its own process: the Secret Service client keeps its bus connection per process,
// and this test must point it at a bus that does not exist before the first use.
const dir = mkdtempSync(join(tmpdir(), 'desk-nokc-'));
process.env['DBUS_SESSION_BUS_ADDRESS'] = `unix:path=${join(dir, 'no-bus')}`;
const SECRET = 'no-keychain-secret-must-not-be-stored';
const SERVICE = 'imagery-desk-no-keychain-test';
const oneAtlasInput = {
  provider: 'oneatlas' as const,
  label: 'Production',
  endpoints: { auth: 'https://a.example', data: 'https://d.example', order: 'https://o.example', search: 'https://s.example' },
  identity: {},
};

describe('without a reachable keychain', () => {
  it('refuses to save a secret, says why, and creates no account', async () => {
    const desk = createDesk({ dataDir: dir, host: 'web', version: 'test', vault: createKeychainVault(SERVICE) });
    try {
      const info = await desk.registry.dispatch('app.info', {});
      expect(info).toMatchObject({ ok: true, value: { keychain: { available: false } } });
      const r = await desk.registry.dispatch('accounts.create', { account: oneAtlasInput, secrets: { apiKey: SECRET } });
      expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
      expect(!r.ok && r.error.message).toMatch(/keychain is not available.*never stores secrets in clear/);
      expect(await desk.registry.dispatch('accounts.list', {})).toEqual({ ok: true, value: [] });
    } finally {
      desk.close();
      expect(readFileSync(join(dir, DATABASE_FILE)).includes(Buffer.from(SECRET))).toBe(false);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
