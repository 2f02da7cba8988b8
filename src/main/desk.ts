import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../shared/ipc/contract';
import { DeskFailure } from './errors';
import { TokenCache } from './http';
import { createRegistry, type Registry } from './ipc/registry';
import { ensurePrivateDataDir } from './paths';
import { createArchiveProvider, createProgrammingProvider, type ProviderDeps } from './providers';
import { accountsHandlers } from './services/accounts/handlers';
import { syncSandboxAccounts, type SandboxBaseUrls } from './services/accounts/sandbox-accounts';
import { createAccountsService, type AccountsService } from './services/accounts/service';
import { aoisHandlers } from './services/aois/handlers';
import { createAoisService } from './services/aois/service';
import { appHandlers } from './services/app/handlers';
import { createArchive } from './services/archive';
import { basemapsHandlers } from './services/basemaps/handlers';
import { createBasemapsService } from './services/basemaps/service';
import { comparisonHandlers } from './services/comparison/handlers';
import { createComparisonService } from './services/comparison/service';
import { deliveriesHandlers } from './services/deliveries/handlers';
import { createDeliveriesService, type DeliveriesDeps } from './services/deliveries/service';
import { ordersHandlers } from './services/orders/handlers';
import { createOrdersService } from './services/orders/service';
import { programmingHandlers } from './services/programming/handlers';
import { createProgrammingService } from './services/programming/service';
import { projectionsHandlers } from './services/projections/handlers';
import { quotationsHandlers } from './services/quotations/handlers';
import { createQuotationsService } from './services/quotations/service';
import { settingsHandlers } from './services/settings/handlers';
import { createActivity } from './services/shared/activity';
import { createProviderAccess } from './services/shared/provider-access';
import { createSubmitOnce } from './services/shared/submit-once';
import { taskingHandlers } from './services/tasking/handlers';
import { createTaskingService } from './services/tasking/service';
import { workspaceHandlers } from './services/workspace/handlers';
import { createWorkspaceService } from './services/workspace/service';
import { createAccountsRepo } from './store/accounts-repo';
import { createAoisRepo } from './store/aois-repo';
import { createBasemapsRepo } from './store/basemaps-repo';
import { createComparisonsRepo } from './store/comparisons-repo';
import { openDatabase } from './store/database';
import { createOrdersRepo } from './store/orders-repo';
import { createQuotesRepo } from './store/quotes-repo';
import { createSearchesRepo } from './store/searches-repo';
import { createSettingsRepo } from './store/settings-repo';
import { createWorkspacesRepo } from './store/workspaces-repo';
import type { Vault } from './vault/vault';

export interface DeskOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  vault: Vault;
  /** The embedded provider sandbox, when it runs. */
  sandboxOrigin?: string;
  log?: (msg: string) => void;
  /** Provider transport overrides (tests and benches). */
  provider?: Partial<ProviderDeps>;
  /** The host's file capabilities (Electron's folder picker and shell); browser mode has none. */
  files?: DeliveriesDeps['files'];
  /** Download transfer tuning (tests and benches). */
  downloads?: DeliveriesDeps['transfer'];
}

export interface Desk {
  registry: Registry;
  accounts: AccountsService;
  db: Database;
  /** Makes the sandbox accounts on first run and points them at the sandbox's current port. */
  syncSandboxAccounts(baseUrls: SandboxBaseUrls): Promise<void>;
  /** Looks up orders a crash left 'submitting'; resolves to how many are still unsettled. */
  settleOrders(): Promise<number>;
  /** Origins of the user's online basemaps, for the CSP (security.ts contentSecurityPolicy). */
  tileOrigins(): string[];
  close(): void;
}

export const DATABASE_FILE = 'imagery-desk.sqlite';

/**
 * The application back end, identical under Electron and browser mode. This file only composes: the
 * store, the vault, the provider clients and each feature's service, whose handlers merge into one registry.
 */
export function createDesk(opts: DeskOptions): Desk {
  ensurePrivateDataDir(opts.dataDir);
  const db = openDatabase(join(opts.dataDir, DATABASE_FILE));
  const settings = createSettingsRepo(db);
  const aois = createAoisService({ repo: createAoisRepo(db) });
  const accountsRepo = createAccountsRepo(db);
  const accounts = createAccountsService({ repo: accountsRepo, vault: opts.vault });

  // Procurement shares one token cache, one list of provider waits and the submit-once rule.
  const tokenCache = new TokenCache();
  const activity = createActivity();
  const access = createProviderAccess({
    accounts,
    activity,
    factory: (kind, account) => createArchiveProvider(kind, account, { tokenCache, ...opts.provider }),
  });
  const orderRows = createOrdersRepo(db);
  const quotes = createQuotesRepo(db);
  const submit = createSubmitOnce({ orders: orderRows, now: () => new Date().toISOString() });
  const archive = createArchive({ db, access, activity, submit, quotes, aoi: (id) => aois.get(id) });
  const tasking = createTaskingService({ db, access, orders: orderRows, aoi: (id) => aois.get(id) });
  const programming = createProgrammingService({
    db,
    accounts,
    activity,
    factory: (kind, account) => createProgrammingProvider(kind, account, { tokenCache, ...opts.provider }),
    aoi: (id) => aois.get(id),
  });
  const quotations = createQuotationsService({ access, requestFor: archive.ordering.requestFor, submit, quotes });
  const orders = createOrdersService({ access, orders: orderRows });
  const searches = createSearchesRepo(db);
  const workspace = createWorkspaceService({
    repo: createWorkspacesRepo(db),
    aois: { find: (id) => aois.find(id), add: (items) => (items.length ? aois.importMany(items).aois : []) },
    searchExists: (id) => searches.getSummary(id) !== undefined,
  });

  const basemaps = createBasemapsService({ repo: createBasemapsRepo(db) });

  // Comparison prices each offer through the archive and tasking rooms' own use cases.
  const comparison = createComparisonService({
    repo: createComparisonsRepo(db),
    accounts: () => accounts.list(),
    aoi: (id) => aois.get(id),
    now: () => new Date(),
    archive: {
      contracts: async (accountId) => (await archive.catalogue.contracts(accountId)).value,
      productTypes: async (accountId, contractId) => (await archive.catalogue.productTypes(accountId, contractId)).value,
      catalogue: async (accountId, contractId, productTypeId, aoiId) => (await archive.catalogue.catalogue(accountId, contractId, productTypeId, aoiId)).value,
      scenesOf: (searchId, sceneIds) => archive.search.scenesOf(searchId, sceneIds),
      price: (draft) => archive.ordering.price(draft),
    },
    tasking: {
      productTypes: async (accountId, contractId) => (await tasking.offers.read(accountId, contractId)).value,
      attempts: (q) => tasking.asking.attempts(q),
      feasibility: (q) => tasking.asking.feasibility(q),
      price: (d) => tasking.ordering.price(d),
    },
  });

  const deliveries = createDeliveriesService({ db, access, orders: orderRows, files: opts.files, transfer: opts.downloads });

  let sandboxUrls: SandboxBaseUrls | undefined;
  const syncSandbox = async (restore = false) => {
    if (!sandboxUrls) throw new DeskFailure('SANDBOX_OFF', 'The provider sandbox is not running in this session.');
    const keychainAvailable = (await opts.vault.status()).available;
    await syncSandboxAccounts({ accounts, repo: accountsRepo, settings, baseUrls: sandboxUrls, keychainAvailable, restore });
  };

  const handlers: Handlers = {
    ...appHandlers({
      info: async () => ({
        name: 'Imagery Desk',
        version: opts.version,
        host: opts.host,
        dataDir: opts.dataDir,
        keychain: await opts.vault.status(),
        sandboxOrigin: opts.sandboxOrigin ?? null,
      }),
    }),
    ...settingsHandlers(settings),
    ...accountsHandlers({ accounts, restoreSandbox: () => syncSandbox(true) }),
    ...aoisHandlers(aois),
    ...projectionsHandlers(),
    ...archive.handlers,
    ...quotationsHandlers(quotations),
    ...ordersHandlers(orders),
    ...workspaceHandlers(workspace),
    ...basemapsHandlers(basemaps),
    ...taskingHandlers(tasking),
    ...programmingHandlers(programming),
    ...comparisonHandlers(comparison),
    ...deliveriesHandlers(deliveries),
  };

  return {
    registry: createRegistry(handlers, opts.log),
    accounts,
    db,
    syncSandboxAccounts: (baseUrls) => {
      sandboxUrls = baseUrls;
      return syncSandbox();
    },
    settleOrders: () => orders.settleUnsettled(),
    tileOrigins: () => basemaps.tileOrigins(),
    close: () => {
      deliveries.close();
      void basemaps.close();
      db.close();
    },
  };
}
