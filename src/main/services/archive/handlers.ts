import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { Activity } from '../shared/activity';
import type { CatalogueService } from './catalogue';
import type { OrderingService } from './ordering';
import type { SearchService } from './search';

/** The archive channels, each one line onto its service. */
export function archiveHandlers(s: {
  catalogue: CatalogueService;
  search: SearchService;
  ordering: OrderingService;
  activity: Activity;
}): FeatureHandlers<'archive'> {
  return {
    'archive.connection': ({ accountId }) => s.catalogue.connection(accountId),
    'archive.contracts': ({ accountId }) => s.catalogue.contracts(accountId),
    'archive.productTypes': ({ accountId, contractId }) => s.catalogue.productTypes(accountId, contractId),
    'archive.catalogue': ({ accountId, contractId, productTypeId, aoiId }) => s.catalogue.catalogue(accountId, contractId, productTypeId, aoiId),
    'archive.search': ({ appendTo, ...params }) => s.search.search(params, appendTo),
    'archive.history': ({ limit }) => s.search.history(limit),
    'archive.searchPage': ({ searchId }) => s.search.page(searchId),
    'archive.sceneProperties': ({ searchId, sceneId }) => s.search.sceneProperties(searchId, sceneId),
    'archive.quicklook': ({ searchId, sceneId }) => s.search.quicklook(searchId, sceneId),
    'archive.price': (draft) => s.ordering.price(draft),
    'archive.order': ({ draft, priceQuoteId }) => s.ordering.order(draft, priceQuoteId),
    'archive.activity': () => s.activity.list(),
  };
}
