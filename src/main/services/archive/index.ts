import type { Database } from 'better-sqlite3';
import type { Aoi } from '../../../shared/domain/aoi';
import { createArchiveCacheRepo } from '../../store/archive-cache-repo';
import { createQuicklooksRepo } from '../../store/quicklooks-repo';
import type { QuotesRepo } from '../../store/quotes-repo';
import { createSearchesRepo } from '../../store/searches-repo';
import type { Activity } from '../shared/activity';
import type { ProviderAccess } from '../shared/provider-access';
import type { SubmitOnce } from '../shared/submit-once';
import { createCatalogueService } from './catalogue';
import { archiveHandlers } from './handlers';
import { createOrderingService } from './ordering';
import { createSearchService } from './search';

/** The archive room: catalogue, search with stored history, price and order, and its handlers. */
export function createArchive(deps: { db: Database; access: ProviderAccess; activity: Activity; submit: SubmitOnce; quotes: QuotesRepo; aoi(id: string): Aoi }) {
  const { access, aoi } = deps;
  const catalogue = createCatalogueService({ access, cache: createArchiveCacheRepo(deps.db), aoi });
  const search = createSearchService({ access, aoi, searches: createSearchesRepo(deps.db), quicklooks: createQuicklooksRepo(deps.db) });
  const ordering = createOrderingService({
    access,
    aoi,
    search,
    // Pricing needs the contract's workspace and credit: the last good copy will do offline.
    contracts: async (accountId) => (await catalogue.contracts(accountId)).value,
    quotes: deps.quotes,
    submit: deps.submit,
  });
  // catalogue and search are handed out too: the comparison room prices with the same reads.
  return { ordering, catalogue, search, handlers: archiveHandlers({ catalogue, search, ordering, activity: deps.activity }) };
}
