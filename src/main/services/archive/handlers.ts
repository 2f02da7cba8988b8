import type { Handlers } from '../../ipc/registry';
import type { Activity } from './activity';
import type { CatalogueService } from './catalogue';
import type { OrderingService } from './ordering';
import type { createOrdersService } from './orders';
import type { QuotationsService } from './quotations';
import type { SearchService } from './search';

type ArchiveChannel = Extract<keyof Handlers, `archive.${string}` | `quotations.${string}` | `orders.${string}`>;

/** The archive, quotation and order channels, each one line onto its service. */
export function archiveHandlers(s: {
  catalogue: CatalogueService;
  search: SearchService;
  ordering: OrderingService;
  quotations: QuotationsService;
  orders: ReturnType<typeof createOrdersService>;
  activity: Activity;
}): Pick<Handlers, ArchiveChannel> {
  return {
    'archive.connection': ({ accountId }) => s.catalogue.connection(accountId),
    'archive.contracts': ({ accountId }) => s.catalogue.contracts(accountId),
    'archive.productTypes': ({ accountId, contractId }) => s.catalogue.productTypes(accountId, contractId),
    'archive.catalogue': ({ accountId, contractId, productTypeId, aoiId }) => s.catalogue.catalogue(accountId, contractId, productTypeId, aoiId),
    'archive.search': ({ appendTo, ...params }) => s.search.search(params, appendTo),
    'archive.history': ({ limit }) => s.search.history(limit),
    'archive.searchPage': ({ searchId }) => s.search.page(searchId),
    'archive.quicklook': ({ searchId, sceneId }) => s.search.quicklook(searchId, sceneId),
    'archive.price': (draft) => s.ordering.price(draft),
    'archive.order': ({ draft, priceQuoteId }) => s.ordering.order(draft, priceQuoteId),
    'archive.activity': () => s.activity.list(),
    'quotations.list': () => s.quotations.list(),
    'quotations.request': (draft) => s.quotations.request(draft),
    'quotations.accept': ({ quotationId }) => s.quotations.accept(quotationId),
    'quotations.refuse': ({ quotationId, rejectionReasonId }) => s.quotations.refuse(quotationId, rejectionReasonId),
    'quotations.pdf': ({ quotationId }) => s.quotations.pdf(quotationId),
    'orders.list': () => s.orders.list(),
    'orders.refresh': ({ accountId }) => s.orders.refresh(accountId),
  };
}
