import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createRegistry, type Handlers, type Registry } from './ipc/registry';
import { createAccountsService, type AccountsService } from './services/accounts';
import { lookupProjection } from './services/projections';
import { syncSandboxAccounts, type SandboxBaseUrls } from './services/sandbox-accounts';
import { createAccountsRepo } from './store/accounts-repo';
import { createAoisRepo } from './store/aois-repo';
import { createAoisService } from './services/aois';
import { createArchive } from './services/archive';
import { openDatabase } from './store/database';
import { createSettingsRepo } from './store/settings-repo';
import type { Vault } from './vault/vault';
import { DeskFailure } from './errors';

export interface DeskOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  vault: Vault;
  /** The embedded provider sandbox, when it runs. */
  sandboxOrigin?: string;
  log?: (msg: string) => void;
}

export interface Desk {
  registry: Registry;
  accounts: AccountsService;
  db: Database;
  /** Makes the sandbox accounts on first run and points them at the sandbox's current port. */
  syncSandboxAccounts(baseUrls: SandboxBaseUrls): Promise<void>;
  /** Looks up orders a crash left 'submitting'; resolves to how many are still unsettled. */
  settleOrders(): Promise<number>;
  close(): void;
}

export const DATABASE_FILE = 'imagery-desk.sqlite';

/** The application back end, identical under Electron and browser mode: store, vault, services, handlers. */
export function createDesk(opts: DeskOptions): Desk {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, DATABASE_FILE));
  const settings = createSettingsRepo(db);
  const aois = createAoisService({ repo: createAoisRepo(db) });
  const accountsRepo = createAccountsRepo(db);
  const accounts = createAccountsService({ repo: accountsRepo, vault: opts.vault });
  const archive = createArchive({ db, accounts, aois });

  let sandboxUrls: SandboxBaseUrls | undefined;
  const syncSandbox = async (restore = false) => {
    if (!sandboxUrls) throw new DeskFailure('SANDBOX_OFF', 'The provider sandbox is not running in this session.');
    const keychainAvailable = (await opts.vault.status()).available;
    await syncSandboxAccounts({ accounts, repo: accountsRepo, settings, baseUrls: sandboxUrls, keychainAvailable, restore });
  };

  const handlers: Handlers = {
    'app.info': async () => ({
      name: 'Imagery Desk',
      version: opts.version,
      host: opts.host,
      dataDir: opts.dataDir,
      keychain: await opts.vault.status(),
      sandboxOrigin: opts.sandboxOrigin ?? null,
    }),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    'accounts.list': () => accounts.list(),
    'accounts.create': ({ account, secrets }) => accounts.create(account, secrets),
    'accounts.update': ({ id, account, secrets }) => accounts.update(id, account, secrets),
    'accounts.remove': ({ id }) => accounts.remove(id),
    'accounts.restoreSandbox': async () => {
      await syncSandbox(true);
      return accounts.list();
    },
    'aois.list': () => aois.list(),
    'aois.all': () => aois.all(),
    'aois.get': ({ id }) => aois.get(id),
    'aois.create': ({ name, geometry }) => aois.create(name, geometry),
    'aois.update': ({ id, name, geometry }) => aois.update(id, { name, geometry }),
    'aois.duplicate': ({ id }) => aois.duplicate(id),
    'aois.remove': ({ id }) => aois.remove(id),
    'aois.restore': ({ aoi }) => aois.restore(aoi),
    'aois.import': ({ aois: items }) => aois.importMany(items),
    'aois.importStage': ({ importId, offset, aois: items }) => aois.stageImport(importId, offset, items),
    'aois.importCommit': ({ importId }) => aois.commitImport(importId),
    'aois.importDiscard': ({ importId }) => ({ discarded: aois.discardImport(importId) }),
    'aois.removeMany': ({ ids }) => aois.removeMany(ids),
    'aois.restoreMany': ({ trashId }) => aois.restoreMany(trashId),
    'projections.lookup': ({ codes }) => codes.map(lookupProjection),
    ...archive.handlers,
  };

  return {
    registry: createRegistry(handlers, opts.log),
    accounts,
    db,
    syncSandboxAccounts: (baseUrls) => {
      sandboxUrls = baseUrls;
      return syncSandbox();
    },
    settleOrders: () => archive.orders.settleUnsettled(),
    close: () => db.close(),
  };
}
