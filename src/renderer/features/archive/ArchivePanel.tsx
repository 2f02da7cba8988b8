import { isArchiveKind } from '../../../shared/domain/providers';
import './archive.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Order } from '../../../shared/domain/archive';
import type { AccountsState } from '../../api/accountsState';
import { useActivity } from '../../api/useActivity';
import { useInFlight } from '../../api/useInFlight';
import { useOffline } from '../../api/useOffline';
import { useWorkspace } from '../../api/workspaceStore';
import type { ArchiveMapPort } from '../../map/archivePort';
import { ActivityBanner } from '../../ui/ActivityBanner';
import { OfflineBanner } from '../../ui/OfflineBanner';
import { formatMoney } from '../../ui/format';
import { minimumAreaWarning, type ProductContext } from '../../ui/minimumArea';
import { ContractPicker } from '../../ui/purchase/ContractPicker';
import { AccountPicker } from './AccountPicker';
import { EMPTY_BASKET, toggleInBasket, type Basket } from './basketRules';
import { BasketStep } from './BasketStep';
import { missionMismatch } from './mission';
import { PricePanel, type QuotationActionsSlot } from './PricePanel';
import { ProductTypePicker } from './ProductTypePicker';
import { ResultsStep } from './ResultsStep';
import { SearchForm } from './SearchForm';
import { SearchHistory } from './SearchHistory';
import { Step } from '../../ui/Step';
import { parseOpenSteps, useArchiveRestore, type OpenSteps, type StepId } from './useArchiveRestore';
import { useArchiveSearch } from './useArchiveSearch';
import { useArchiveSource } from './useArchiveSource';
import { useOfferRequest, type ArchiveOfferRequest } from './useOfferRequest';
import { useOrderForm } from './useOrderForm';
import { usePricing } from './usePricing';
import { useSceneMap } from './useSceneMap';


/** The Archive section: account and product, search, results, basket and options, price and order. */
export function ArchivePanel(props: {
  map?: ArchiveMapPort;
  /** False while another section is shown: the panel stays mounted but takes its layers off the map. */
  active?: boolean;
  accounts: AccountsState;
  activeAoiId: string;
  /** The stored area of an AOI (km²), to compare with the product's minimum order area. */
  aoiAreaKm2?: (aoiId: string) => number | null;
  notify(text: string): void;
  /** The app's latest notice (as the AOIs panel shows it), so basket refusals and orders are seen. */
  notice?: string;
  onProductContext?: (ctx: ProductContext | null) => void;
  /** Accept, refuse and PDF for a Pléiades Neo quotation: the Quotations feature's, via App. */
  quotationActions: QuotationActionsSlot;
  /** "Order this offer" from the price comparison (via App): its scene alone in the basket, at the price step. */
  offerRequest?: ArchiveOfferRequest | null;
  /** The basket as the price comparison offers it (its search, AOI, account and scenes), null when empty. */
  onBasketChange?: (basket: { searchId: string; aoiId: string; accountId: string; sceneIds: string[] } | null) => void;
}) {
  const { notify, onProductContext, onBasketChange } = props;
  const offline = useOffline();
  const { busy, track } = useInFlight();
  const source = useArchiveSource(props.accounts, offline, track);
  const waiting = useActivity(busy, source.accountId);
  const search = useArchiveSearch(track, offline);
  const [basket, setBasket] = useState<Basket>(EMPTY_BASKET);
  const basketIds = useMemo(() => basket.scenes.map((s) => s.id), [basket]);
  const basketSet = useMemo(() => new Set(basketIds), [basketIds]);
  // Where the workspace left the panel: the open steps and the search whose view must not be refitted.
  const saved = useWorkspace().state;
  const [initial] = useState(() => ({ open: parseOpenSteps(saved.step), searchId: saved.search?.searchId ?? null }));
  const [open, setOpen] = useState<OpenSteps>(initial.open);
  const scenes = useSceneMap(props.map, props.active === false ? null : search.results, basketIds, initial.searchId);
  useArchiveRestore({ search, selectedId: scenes.selectedId, select: scenes.select, open });
  const toggle = (id: StepId) => (o: boolean) => setOpen((s) => ({ ...s, [id]: o }));
  const { select: selectScene } = scenes;
  const onOfferArrived = useCallback((sceneId: string) => {
    setOpen((s) => ({ ...s, source: false, search: false, results: false, basket: true, price: true }));
    selectScene(sceneId, true);
  }, [selectScene]);
  useOfferRequest({ request: props.offerRequest, source, search, setBasket, onArrived: onOfferArrived, notify });
  useEffect(() => onBasketChange?.(basket.origin ? { ...basket.origin, sceneIds: basketIds } : null), [onBasketChange, basket.origin, basketIds]);

  const form = useOrderForm(
    {
      accountId: source.accountId,
      contractId: source.contractId,
      productTypeId: source.productTypeId,
      aoiId: basket.origin?.aoiId ?? search.results?.search.params.aoiId ?? props.activeAoiId,
      searchId: basket.origin?.searchId ?? null,
      sceneIds: basketIds,
      productLabel: source.productType?.label ?? '',
      minimumAreaKm2: source.productType?.minimumOrderAreaApplied ?? null,
      notificationEmail: source.account?.provider === 'oneatlas' ? (source.account.identity['notificationEmail'] ?? '') : null,
    },
    offline,
    track,
  );
  const pricing = usePricing(form.outcome.draft, track, offline);

  // productContext feeds the map's projection selector and the AOI minimum-area warning in App.
  useEffect(() => onProductContext?.(form.productContext), [onProductContext, form.productContext]);

  const toggleBasket = (id: string) => {
    const r = search.results;
    const held = basket.scenes.find((s) => s.id === id);
    const scene = held ?? r?.scenes.find((s) => s.id === id);
    const origin = held ? basket.origin : r && { searchId: r.searchOf[id] ?? r.search.searchId, aoiId: r.search.params.aoiId, accountId: r.search.accountId };
    if (!scene || !origin) return;
    const result = toggleInBasket(basket, scene, origin);
    if (result.refused) return notify(result.refused);
    setBasket(result.basket);
    if (result.basket.scenes.length > basket.scenes.length) setOpen((s) => ({ ...s, basket: true, price: true }));
  };

  const { reset: resetPricing } = pricing;
  const { renewReference } = form;
  // The quote is spent and the reference named this order: the next order starts afresh.
  const onOrdered = useCallback(
    (order: Order) => {
      notify(`Order ${order.salesOrderId ?? order.id} placed${order.totalAmount === null ? '' : ` (${formatMoney(order.totalAmount, order.currency)})`}.`);
      setBasket(EMPTY_BASKET);
      resetPricing();
      renewReference();
    },
    [notify, resetPricing, renewReference],
  );

  const problems = Object.values(form.outcome.problems).filter((p): p is string => !!p);
  if (basket.origin && basket.origin.accountId !== source.accountId) problems.unshift('The basket holds scenes found with another account: switch back or empty it.');
  const mismatch = missionMismatch(basket.scenes, source.productType);
  if (mismatch) problems.unshift(mismatch);
  const draft = problems.length === 0 ? form.outcome.draft : null;
  const r = search.results;
  const orderAoiId = basket.origin?.aoiId ?? r?.search.params.aoiId ?? props.activeAoiId;
  const belowMinimum = minimumAreaWarning(orderAoiId ? (props.aoiAreaKm2?.(orderAoiId) ?? null) : null, source.productType ? { productLabel: source.productType.label, minimumAreaKm2: source.productType.minimumOrderAreaApplied } : null);

  return (
    <section className="panel archive-panel" aria-labelledby="archive-title">
      <header className="panel-header">
        <h2 id="archive-title">Archive</h2>
        {basket.scenes.length > 0 && <span className="tag" aria-label={`${basket.scenes.length} scenes in basket`}>Basket {basket.scenes.length}</span>}
      </header>
      <div className="panel-body archive-body">
        {props.notice && <p className="banner banner-ok" role="status">{props.notice}</p>}
        <OfflineBanner offline={offline.offline} onRetry={source.reload} />
        <ActivityBanner waiting={waiting} />
        <Step id="source" title="Account and product" open={open.source} onToggle={toggle('source')} summary={[source.account?.label, source.contract?.name, source.productType?.label].filter(Boolean).join(' · ')}>
          <AccountPicker source={source} track={track} onConnected={() => { offline.clear(); source.reload(); }} />
          {source.accountId && <ContractPicker source={source} idPrefix="archive" />}
          <ProductTypePicker source={source} />
          {belowMinimum && !open.price && <p className="hint">{belowMinimum}</p>}
        </Step>
        <Step id="search" title="Search" open={open.search} onToggle={toggle('search')} summary={r ? `${r.search.aoiName}, ${r.search.params.from} → ${r.search.params.to}` : undefined}>
          <SearchForm
            accountId={source.accountId}
            provider={source.account && isArchiveKind(source.account.provider) ? source.account.provider : undefined}
            contractId={source.contractId || null}
            activeAoiId={props.activeAoiId}
            offline={offline.offline}
            running={search.running === 'search'}
            error={search.error}
            onSearch={async (params) => {
              if (await search.run(params)) setOpen((s) => ({ ...s, source: false, search: false, results: true }));
            }}
          />
          <SearchHistory
            search={search}
            onReopen={async (id) => {
              if (await search.reopen(id)) setOpen((s) => ({ ...s, search: false, results: true }));
            }}
          />
        </Step>
        <Step id="results" title="Results" open={open.results} onToggle={toggle('results')} summary={r ? `${r.scenes.length} scenes` : undefined}>
          <ResultsStep search={search} scenes={scenes} basketIds={basketSet} offline={offline.offline} onToggleBasket={toggleBasket} onZoom={(id) => scenes.select(id, true)} />
        </Step>
        <Step id="basket" title="Basket and options" open={open.basket} onToggle={toggle('basket')} summary={`${basket.scenes.length} scene${basket.scenes.length === 1 ? '' : 's'}`}>
          <BasketStep scenes={basket.scenes} form={form} refusal={pricing.fieldError} onRemove={toggleBasket} onSelect={(id) => scenes.select(id, true)} onClear={() => setBasket(EMPTY_BASKET)} />
        </Step>
        <Step id="price" title={source.productType?.quotationRequired ? 'Quotation and order' : 'Price and order'} open={open.price} onToggle={toggle('price')} summary={pricing.quote ? formatMoney(pricing.quote.totalAmount, pricing.quote.currency) : undefined}>
          {belowMinimum && (
            <p className="banner banner-warn" role="status" aria-label="Minimum area warning">
              {belowMinimum}
            </p>
          )}
          {source.productType && source.contract ? (
            <PricePanel draft={draft} problems={problems} productType={source.productType} contract={source.contract} pricing={pricing} offline={offline.offline} track={track} onOrdered={onOrdered} quotationActions={props.quotationActions} />
          ) : (
            <p className="muted">Choose a contract and a product type first.</p>
          )}
        </Step>
      </div>
    </section>
  );
}
