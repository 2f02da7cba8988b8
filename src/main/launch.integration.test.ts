import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../shared/domain/account';
import { DATABASE_FILE } from './desk';
import { launchDesk, launchWithRecovery, type Launched } from './launch';
import { keychainForTests } from './testing/keychain';
import { createKeychainVault } from './vault/keychain-vault';
import { VaultUnavailableError, type Vault } from './vault/vault';

const keychain = await keychainForTests();

describe.skipIf(!keychain.available)('launch: embedded sandbox and its accounts', () => {
  let dir: string;
  let running: Launched | undefined;
  const vault = createKeychainVault(`imagery-desk-launch-${process.pid}`);
  const launch = async () => (running = await launchDesk({ dataDir: dir, host: 'web', version: 'test', vault }, {}));
  const list = async (l: Launched) => {
    const r = await l.desk.registry.dispatch('accounts.list', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Account[];
  };

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'desk-launch-'))));
  afterEach(async () => {
    await running?.close();
    running = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates one sandbox account per provider on first run, with the public credentials resolved, not stored', async () => {
    const l = await launch();
    const accounts = await list(l);
    expect(accounts.map((a) => a.label)).toEqual(['Sandbox — OneAtlas', 'Sandbox — GeoAPI', 'Sandbox — Origen']);
    expect(accounts.every((a) => a.sandbox)).toBe(true);
    expect(accounts.every((a) => Object.values(a.secretsSet).every(Boolean))).toBe(true);
    const oneAtlas = accounts[0]!;
    expect(oneAtlas.endpoints['auth']).toBe(`${l.sandbox!.origin}/oneatlas/auth`);
    expect(await l.desk.accounts.secret(oneAtlas.id, 'apiKey')).toBe('sandbox-oneatlas-key');
    expect(await vault.get(oneAtlas.id, 'apiKey')).toBeNull();
    const info = await l.desk.registry.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { sandboxOrigin: l.sandbox!.origin } });
  });

  it('moves sandbox accounts to the new port on relaunch, without duplicating them or touching other accounts', async () => {
    let l = await launch();
    const first = l.sandbox!.origin;
    const own = await l.desk.accounts.create(
      { provider: 'origen', label: 'Mine', endpoints: { market: 'http://127.0.0.1:9/market_service' }, identity: {} },
      {},
    );
    await l.close();
    l = await launch();
    expect(l.sandbox!.origin).not.toBe(first);
    const accounts = await list(l);
    expect(accounts).toHaveLength(4);
    expect(accounts.filter((a) => a.sandbox).every((a) => Object.values(a.endpoints).every((u) => u.startsWith(l.sandbox!.origin)))).toBe(true);
    expect(accounts.find((a) => a.id === own.id)?.endpoints['market']).toBe('http://127.0.0.1:9/market_service');
  });

  it('does not bring back a removed sandbox account unless asked, and creates none when turned off', async () => {
    let l = await launch();
    const [oneAtlas] = await list(l);
    await l.desk.registry.dispatch('accounts.remove', { id: oneAtlas!.id });
    await l.close();
    l = await launch();
    expect((await list(l)).map((a) => a.label)).toEqual(['Sandbox — GeoAPI', 'Sandbox — Origen']);
    const restored = await l.desk.registry.dispatch('accounts.restoreSandbox', {});
    expect(restored.ok && (restored.value as Account[]).map((a) => a.label).sort()).toEqual(['Sandbox — GeoAPI', 'Sandbox — OneAtlas', 'Sandbox — Origen']);
    await l.close();

    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'desk-launch-'));
    l = running = await launchDesk({ dataDir: dir, host: 'web', version: 'test', vault }, { DESK_SANDBOX_ACCOUNTS: 'off' });
    expect(await list(l)).toEqual([]);
    await l.close();
    l = await launch();
    expect(await list(l)).toEqual([]);
  });

  it('works with no keychain at all: sandbox accounts have their credentials, and none is ever stored', async () => {
    // A locked keychain: the real vault's failure mode, without tearing down this process's D-Bus session.
    const locked: Vault = {
      status: async () => ({ available: false, message: 'locked' }),
      get: async () => null,
      set: async () => {
        throw new VaultUnavailableError('locked');
      },
      delete: async () => {
        throw new VaultUnavailableError('locked');
      },
    };
    const l = (running = await launchDesk({ dataDir: dir, host: 'web', version: 'test', vault: locked }, {}));
    const accounts = await list(l);
    expect(accounts).toHaveLength(3);
    expect(accounts.every((a) => Object.values(a.secretsSet).every(Boolean))).toBe(true);
    const origen = accounts.find((a) => a.provider === 'origen')!;
    expect(await l.desk.accounts.secret(origen.id, 'token')).toBe('sandbox-origen-token');
    const reach = await l.desk.registry.dispatch('archive.connection', { accountId: accounts.find((a) => a.provider === 'oneatlas')!.id });
    expect(reach).toMatchObject({ ok: true, value: { ok: true } });
    // Nor can a sandbox account be given a secret to store.
    const edited = await l.desk.registry.dispatch('accounts.update', {
      id: accounts[0]!.id,
      account: { label: accounts[0]!.label, endpoints: accounts[0]!.endpoints, identity: {} },
      secrets: { apiKey: 'mine' },
    });
    expect(edited).toMatchObject({ ok: false, error: { code: 'INVALID_ACCOUNT' } });
  });

  it('removes sandbox credentials that an earlier version stored in the keychain', async () => {
    let l = await launch();
    const oneAtlas = (await list(l)).find((a) => a.provider === 'oneatlas');
    // What earlier versions left behind: the public key in the keychain and its name on the row.
    await vault.set(oneAtlas!.id, 'apiKey', 'sandbox-oneatlas-key');
    l.desk.db.prepare("UPDATE accounts SET secret_keys = '[\"apiKey\"]' WHERE id = ?").run(oneAtlas!.id);
    await l.close();
    l = await launch();
    expect(await vault.get(oneAtlas!.id, 'apiKey')).toBeNull();
    expect(await l.desk.accounts.secret(oneAtlas!.id, 'apiKey')).toBe('sandbox-oneatlas-key');
  });

  it('starts without the sandbox when DESK_SANDBOX=off, keeping the sandbox accounts at their last address', async () => {
    let l = await launch();
    const origin = l.sandbox!.origin;
    await l.close();
    l = running = await launchDesk({ dataDir: dir, host: 'web', version: 'test', vault }, { DESK_SANDBOX: 'off' });
    expect(l.sandbox).toBeNull();
    const accounts = await list(l);
    expect(accounts).toHaveLength(3);
    expect(accounts.every((a) => Object.values(a.endpoints).every((u) => u.startsWith(origin)))).toBe(true);
    expect(await l.desk.registry.dispatch('app.info', {})).toMatchObject({ ok: true, value: { sandboxOrigin: null } });
  });
});

describe('launch with an unusable database (#14)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'desk-launch-bad-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const vault: Vault = { status: async () => ({ available: false, message: 'none' }), get: async () => null, set: async () => undefined, delete: async () => undefined } as unknown as Vault;

  it('refuses with one sentence when the user declines, and moves the file aside (kept) when the user accepts', async () => {
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, Buffer.alloc(8192, 7));
    const opts = { dataDir: dir, host: 'web' as const, version: 'test', vault };
    const asked: string[] = [];
    await expect(launchWithRecovery(opts, (e) => (asked.push(e.message), false), { DESK_SANDBOX: 'off' })).rejects.toThrow(/left untouched/);
    expect(asked[0]).toContain(file);
    expect(readFileSync(file)).toEqual(Buffer.alloc(8192, 7));
    const launched = await launchWithRecovery(opts, () => true, { DESK_SANDBOX: 'off' });
    try {
      expect(launched.movedAside).toMatch(/imagery-desk\.sqlite\.unusable-/);
      expect(readFileSync(launched.movedAside!)).toEqual(Buffer.alloc(8192, 7));
      expect(readdirSync(dir)).toContain(DATABASE_FILE);
    } finally {
      await launched.close();
    }
  });
});
