import { randomUUID } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import type { Contract, Order, OrderDraft, PriceQuote } from '../../../shared/domain/archive';
import { DeskFailure } from '../../errors';
import type { ArchiveOrderRequest } from '../../providers/types';
import type { QuotesRepo } from '../../store/quotes-repo';
import { refuseWithoutNotificationEmails } from '../shared/notification-emails';
import { withProvider, type ProviderAccess } from '../shared/provider-access';
import { newOrderRow, type SubmitOnce } from '../shared/submit-once';
import { sameDraft, toOrderRequest } from './order-request';
import type { SearchService } from './search';

/** Price and order an archive basket; the order goes through the submit-once rule. */
export function createOrderingService(deps: {
  access: ProviderAccess;
  aoi(id: string): Aoi;
  search: SearchService;
  contracts(accountId: string): Promise<Contract[]>;
  quotes: QuotesRepo;
  submit: SubmitOnce;
  now?: () => Date;
}) {
  const now = () => (deps.now ?? (() => new Date()))().toISOString();

  /** The provider-neutral request for a draft: its scenes (found with this account), AOI and contract. */
  const requestFor = async (draft: OrderDraft): Promise<{ req: ArchiveOrderRequest; contract: Contract | undefined }> => {
    const { scenes, search } = deps.search.scenesOf(draft.searchId, draft.sceneIds);
    if (search.accountId !== draft.accountId) throw new DeskFailure('WRONG_ACCOUNT', 'These scenes were found with another account; search again with this one.');
    const contract = (await deps.contracts(draft.accountId)).find((c) => c.contractId === draft.contractId);
    const aoi = deps.aoi(draft.aoiId).geometry as Polygon | MultiPolygon;
    return { req: toOrderRequest(draft, aoi, scenes, contract), contract };
  };

  const price = async (draft: OrderDraft): Promise<PriceQuote> => {
    const { req, contract } = await requestFor(draft);
    const { value, raw } = await withProvider(deps.access, draft.accountId, ({ provider, call }) => provider.price(req, call));
    const quote: PriceQuote = { id: randomUUID(), ...value, creditRemaining: contract?.creditRemaining ?? null, createdAt: now() };
    deps.quotes.savePriceQuote(quote, draft, raw);
    return quote;
  };

  const order = async (draft: OrderDraft, priceQuoteId: string): Promise<Order> => {
    const priced = deps.quotes.getPriceQuote(priceQuoteId);
    if (!priced) throw new DeskFailure('NOT_FOUND', 'This price is no longer stored; price the basket again.');
    if (!sameDraft(priced.draft, draft)) throw new DeskFailure('STALE_PRICE', 'The basket or its options changed since it was priced; price it again before ordering.');
    const { req } = await requestFor(draft);
    return withProvider(deps.access, draft.accountId, (r) => {
      refuseWithoutNotificationEmails(r.account.provider, draft.notificationEmails);
      return deps.submit.submitOnce(r, newOrderRow(r, draft, req, now()), () => r.provider.order(req, r.call));
    });
  };

  return { price, order, requestFor };
}
export type OrderingService = ReturnType<typeof createOrderingService>;
