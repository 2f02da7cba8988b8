import type { Database } from 'better-sqlite3';
import { TokenCache } from '../../http';
import { createArchiveProvider, type ProviderDeps } from '../../providers';
import { createArchiveCacheRepo } from '../../store/archive-cache-repo';
import { createOrdersRepo } from '../../store/orders-repo';
import { createQuicklooksRepo } from '../../store/quicklooks-repo';
import { createQuotesRepo } from '../../store/quotes-repo';
import { createSearchesRepo } from '../../store/searches-repo';
import type { AccountsService } from '../accounts';
import type { AoisService } from '../aois';
import { createActivity } from './activity';
import { createCatalogueService } from './catalogue';
import { archiveHandlers } from './handlers';
import { createOrderingService } from './ordering';
import { createOrdersService } from './orders';
import { createProviderAccess } from './provider-access';
import { createQuotationsService } from './quotations';
import { createSearchService } from './search';

/** Composes archive procurement: repositories, provider clients (one token cache), services, handlers. */
export function createArchive(deps: { db: Database; accounts: AccountsService; aois: AoisService; provider?: Partial<ProviderDeps> }) {
  const tokenCache = new TokenCache();
  const activity = createActivity();
  const access = createProviderAccess({
    accounts: deps.accounts,
    activity,
    factory: (kind, account) => createArchiveProvider(kind, account, { tokenCache, ...deps.provider }),
  });
  const aoi = (id: string) => deps.aois.get(id);
  const cache = createArchiveCacheRepo(deps.db);
  const quotes = createQuotesRepo(deps.db);
  const orderStore = createOrdersRepo(deps.db);
  const catalogue = createCatalogueService({ access, cache, aoi });
  const search = createSearchService({ access, aoi, searches: createSearchesRepo(deps.db), quicklooks: createQuicklooksRepo(deps.db) });
  const ordering = createOrderingService({
    access,
    aoi,
    search,
    // Pricing needs the contract's workspace and credit: the last good copy will do offline.
    contracts: async (accountId) => (await catalogue.contracts(accountId)).value,
    quotes,
    orders: orderStore,
  });
  const quotations = createQuotationsService({ access, ordering, quotes });
  const orders = createOrdersService({ access, orders: orderStore });
  return { handlers: archiveHandlers({ catalogue, search, ordering, quotations, orders, activity }), orders, tokenCache };
}
