import { describe, expect, it } from 'vitest';
import { DeskFailure } from '../errors';
import { createRegistry, type Handlers } from './registry';
import { CHANNELS } from '../../shared/ipc/contract';

const account = {
  id: 'a1',
  provider: 'origen' as const,
  label: 'Team',
  endpoints: { market: 'https://example.org/market_service' },
  identity: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  secretsSet: { token: true },
  sandbox: false,
};

// Channels these tests never call answer NOT_FOUND, so adding a channel does not touch this file.
const unused = Object.fromEntries(
  CHANNELS.map((c) => [c, () => {
    throw new DeskFailure('NOT_FOUND', 'unused in this test');
  }]),
) as unknown as Handlers;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const base: Handlers = {
    ...unused,
    'app.info': () => ({ name: 'x', version: '1', host: 'web', dataDir: '/tmp', keychain: { available: true, message: '' }, sandboxOrigin: null }),
    'settings.get': () => ({ activeAccountId: '', activeAoiId: '', createSandboxAccounts: true, sandboxAccountsCreated: false }),
    'settings.set': (p) => ({ activeAccountId: p.activeAccountId ?? '', activeAoiId: '', createSandboxAccounts: true, sandboxAccountsCreated: false }),
    'accounts.list': () => [account],
    'accounts.create': () => account,
    'accounts.update': () => account,
    'accounts.remove': ({ id }) => ({ id }),
    'accounts.restoreSandbox': () => [account],
    'aois.list': () => [],
    'aois.get': () => { throw new DeskFailure('NOT_FOUND', 'none'); },
    'aois.create': () => { throw new DeskFailure('NOT_FOUND', 'none'); },
    'aois.update': () => { throw new DeskFailure('NOT_FOUND', 'none'); },
    'aois.duplicate': () => { throw new DeskFailure('NOT_FOUND', 'none'); },
    'aois.remove': () => { throw new DeskFailure('NOT_FOUND', 'none'); },
    'aois.restore': () => { throw new DeskFailure('NOT_FOUND', 'none'); },
    'aois.import': () => ({ aois: [], repairs: [] }),
    'projections.lookup': () => [],
  };
  return { ...base, ...overrides };
}

describe('registry', () => {
  it('answers a valid call with ok and the value', async () => {
    const r = await createRegistry(handlers()).dispatch('accounts.list', {});
    expect(r).toEqual({ ok: true, value: [account] });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const r = await createRegistry(handlers()).dispatch('accounts.drop', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses an invalid payload and names the field', async () => {
    let called = false;
    const reg = createRegistry(handlers({ 'accounts.remove': ({ id }) => ((called = true), { id }) }));
    const r = await reg.dispatch('accounts.remove', { id: 42 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(!r.ok && r.error.message).toContain('id');
    expect(called).toBe(false);
  });

  it('refuses text that is not well-formed Unicode in any id or text field, naming it, without calling anything (#14)', async () => {
    let called = false;
    const reg = createRegistry(handlers({ 'accounts.remove': ({ id }) => ((called = true), { id }) }));
    const r = await reg.dispatch('accounts.remove', { id: 'abc\udfff' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', details: { field: 'id' } } });
    expect(!r.ok && r.error.message).toMatch(/^id: the text is not well-formed Unicode/);
    const nested = await reg.dispatch('settings.set', { activeAccountId: 'ok', nested: [{ name: '\ud800x' }] });
    expect(nested).toMatchObject({ ok: false, error: { details: { field: 'nested.0.name' } } });
    expect(called).toBe(false);
    expect(await reg.dispatch('accounts.remove', { id: 'emoji 🛰️ ok' })).toMatchObject({ ok: true });
  });

  it('refuses unexpected extra fields (strict requests)', async () => {
    const r = await createRegistry(handlers()).dispatch('settings.set', { activeAccountId: 'x', isAdmin: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('turns a DeskFailure into its code and message', async () => {
    const reg = createRegistry(handlers({ 'accounts.remove': () => { throw new DeskFailure('NOT_FOUND', 'gone'); } }));
    expect(await reg.dispatch('accounts.remove', { id: 'x' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
  });

  it('hides unexpected errors behind INTERNAL and logs them', async () => {
    const logs: string[] = [];
    const reg = createRegistry(handlers({ 'accounts.list': () => { throw new Error('disk on fire /secret/path'); } }), (m) => logs.push(m));
    const r = await reg.dispatch('accounts.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toContain('disk on fire');
    expect(logs.join()).toContain('disk on fire');
  });

  it('refuses a response that breaks the contract instead of leaking it', async () => {
    const leaky = { ...account, apiKey: 'hunter2', secretsSet: 'yes' };
    const reg = createRegistry(handlers({ 'accounts.list': () => [leaky] as never }));
    const r = await reg.dispatch('accounts.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('strips unknown response fields that zod does not declare', async () => {
    const reg = createRegistry(handlers({ 'accounts.list': () => [{ ...account, apiKey: 'hunter2' }] as never }));
    const r = await reg.dispatch('accounts.list', {});
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });
});
