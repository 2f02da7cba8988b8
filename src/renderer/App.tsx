import { useCallback, useMemo, useState } from 'react';
import { useWorkspace, useWorkspaceStore, WorkspaceContext } from './api/workspaceStore';
import { AccountsPanel } from './features/accounts/AccountsPanel';
import { useAccounts } from './features/accounts/useAccounts';
import { AoisPanel } from './features/aois/AoisPanel';
import { ImportDialog } from './features/aois/ImportDialog';
import type { AoiMapPort } from './features/aois/mapPort';
import { useAoiImport } from './features/aois/useAoiImport';
import { useAoiMapSync } from './features/aois/useAoiMapSync';
import { useAois } from './features/aois/useAois';
import { useAoiShortcuts } from './features/aois/useAoiShortcuts';
import { useMapProjection } from './features/aois/useMapProjection';
import { ArchivePanel } from './features/archive/ArchivePanel';
import type { QuotationActionsSlot } from './features/archive/PricePanel';
import { LayersPanel, type LayersMapPort } from './features/layers/LayersPanel';
import { OrdersPanel, type QuotationRowSlot } from './features/orders/OrdersPanel';
import type { ComparisonOffer } from '../shared/domain/comparison';
import { ComparisonPanel, type BasketPick } from './features/comparison/ComparisonPanel';
import { DeliveriesPanel } from './features/deliveries/DeliveriesPanel';
import { useActiveRestore } from './features/workspace/useActiveRestore';
import { WorkspaceButton } from './features/workspace/WorkspaceButton';
import { useViewRestore, type MapViewPort } from './features/workspace/useViewRestore';
import { QuotationActions } from './features/quotations/QuotationActions';
import { QuotationRow } from './features/quotations/QuotationRow';
import { ProgrammingOrders } from './features/programming/ProgrammingOrders';
import { ProgrammingPanel } from './features/programming/ProgrammingPanel';
import { TaskingPanel } from './features/tasking/TaskingPanel';
import type { ArchiveMapPort } from './map/archivePort';
import type { TaskingMapPort } from './map/taskingPort';
import type { DeliveriesMapPort } from './map/deliveriesPort';
import { MapView } from './map/MapView';
import type { ProductContext, ProductMinimum } from './ui/minimumArea';
import { isSection, SectionNav, type Section } from './ui/SectionNav';
import { TopBar } from './ui/TopBar';
import { useAppInfo } from './ui/useAppInfo';
import type { DeliverySource } from '../shared/domain/deliveries';
import { useNotice } from './ui/useNotice';

// Features never import one another: where one shows another's piece, App hands it in.
const quotationActions: QuotationActionsSlot = (props) => <QuotationActions {...props} />;
const quotationRow: QuotationRowSlot = (props) => <QuotationRow {...props} />;

/**
 * The workspace is read before anything is drawn (one local call), so every section starts from it.
 * Opening another workspace remounts the desk (a new generation): each section and the map restore from the
 * new state exactly as at start, with no half-updated screen in between.
 */
export function App() {
  const workspace = useWorkspaceStore();
  return (
    <WorkspaceContext.Provider value={workspace}>
      {workspace.loaded ? <Desk key={workspace.generation} /> : <div className="app app--loading" aria-busy="true" />}
    </WorkspaceContext.Provider>
  );
}

function Desk() {
  const workspace = useWorkspace();
  const { patch } = workspace;
  const [section, setSectionState] = useState<Section>(() => (isSection(workspace.state.section) ? workspace.state.section : 'accounts'));
  const setSection = useCallback(
    (next: Section) => {
      setSectionState(next);
      patch({ section: next });
    },
    [patch],
  );
  // The Archive panel mounts on its first visit (no provider calls before) and then stays mounted; a
  // restored search mounts it at once so its footprints are back on the map.
  const [archiveOpened, setArchiveOpened] = useState(() => section === 'archive' || workspace.state.search !== null);
  // The Tasking panel likewise mounts on its first visit and keeps its attempts and taskings afterwards.
  const [taskingOpened, setTaskingOpened] = useState(() => section === 'tasking');
  // "Order…" in the price comparison asks the Archive or Tasking section to open that offer (seq: each ask
  // is new); the comparison offers the Archive basket's scenes.
  const [offerAsked, setOfferAsked] = useState<{ seq: number; aoiId: string; offer: ComparisonOffer } | null>(null);
  const [basketPick, setBasketPick] = useState<BasketPick | null>(null);
  const [map, setMap] = useState<AoiMapPort & ArchiveMapPort & TaskingMapPort & DeliveriesMapPort & MapViewPort & LayersMapPort>();
  const info = useAppInfo();
  // The top bar's "Re-enter secret": the Accounts section opens that account's form (seq remounts it per ask).
  const [accountEdit, setAccountEdit] = useState<{ accountId: string; seq: number } | null>(null);
  const accounts = useAccounts();
  const aois = useAois();
  const { notice, notify, clear: clearNotice } = useNotice();
  const importer = useAoiImport(aois, notify);
  const aoiList = aois.list;
  const aoiAreaKm2 = useCallback((id: string) => aoiList.find((a) => a.id === id)?.areaKm2 ?? null, [aoiList]);
  // The sections that task, program or compare work on the active AOI: they get it with its geometry
  // (the list holds summaries only).
  const activeAois = useMemo(() => (aois.active ? [aois.active] : []), [aois.active]);
  // The product chosen last in the Archive or the Tasking section (whichever was visited last) feeds them.
  const [productSection, setProductSection] = useState<'archive' | 'tasking'>(section === 'tasking' ? 'tasking' : 'archive');
  const [archiveProduct, setArchiveProduct] = useState<ProductContext | null>(null);
  const [taskingProduct, setTaskingProduct] = useState<ProductContext | null>(null);
  const productContext = productSection === 'tasking' ? taskingProduct : archiveProduct;
  const productCodes = useMemo(() => productContext?.projections.map((p) => p.code) ?? [], [productContext]);
  const productLabels = useMemo(() => new Map(productContext?.projections.map((p) => [p.code, p.label]) ?? []), [productContext]);
  const product: ProductMinimum | null = productContext && { productLabel: productContext.productLabel, minimumAreaKm2: productContext.minimumAreaKm2 };
  useAoiShortcuts(aois, notify, map);
  const { projection, changeProjection } = useMapProjection(map, notify);
  useViewRestore(map, changeProjection);
  useActiveRestore('accountId', accounts);
  useActiveRestore('aoiId', aois);
  // The map shows the AOIs and reports drawings and edits; each becomes one undoable step.
  const sketchKm2 = useAoiMapSync(map, aois, notify);
  const editAccount = (accountId: string) => {
    setSection('accounts');
    clearNotice();
    setAccountEdit((prev) => ({ accountId, seq: (prev?.seq ?? 0) + 1 }));
  };

  const openOffer = (offer: ComparisonOffer, aoiId: string) => {
    const next = offer.kind === 'archive' ? 'archive' : 'tasking';
    setOfferAsked((prev) => ({ seq: (prev?.seq ?? 0) + 1, aoiId, offer }));
    setSection(next);
    setProductSection(next);
    if (next === 'archive') setArchiveOpened(true);
    else setTaskingOpened(true);
    clearNotice();
  };
  // My data's "Open in Orders / in Tasking": the order brought into view, or the tasking opened in its contract.
  const [orderFocus, setOrderFocus] = useState<string | null>(null);
  const [taskingShown, setTaskingShown] = useState<{ seq: number; accountId: string; contractId: string; taskingId: string } | null>(null);
  const openSource = (source: DeliverySource, accountId: string) => {
    clearNotice();
    if (source.kind === 'order') {
      setOrderFocus(source.id);
      setSection('orders');
      return;
    }
    setTaskingShown((prev) => ({ seq: (prev?.seq ?? 0) + 1, accountId, contractId: source.contractId, taskingId: source.id }));
    setTaskingOpened(true);
    setProductSection('tasking');
    setSection('tasking');
  };
  const archiveAsk = offerAsked?.offer.kind === 'archive' ? { ...offerAsked.offer, seq: offerAsked.seq, aoiId: offerAsked.aoiId } : null;
  const taskingAsk = offerAsked?.offer.kind === 'tasking' ? { ...offerAsked.offer, seq: offerAsked.seq } : null;

  return (
    <div className="app">
      <TopBar
        info={info}
        accounts={accounts}
        onEditAccount={editAccount}
        workspaceControl={<WorkspaceButton notify={notify} />}
      />
      <div className="workspace">
        <SectionNav
          current={section}
          onChange={(next) => {
            setSection(next);
            setAccountEdit(null); // a top-bar request to edit an account is not repeated on a later visit
            if (next === 'archive') setArchiveOpened(true);
            if (next === 'tasking') setTaskingOpened(true);
            if (next === 'archive' || next === 'tasking') setProductSection(next);
            clearNotice(); // a notice belongs to the section it was given in
          }}
        />
        <aside className="side-panel" aria-label={`${section} panel`}>
          {section === 'accounts' ? (
            <AccountsPanel
              key={accountEdit?.seq ?? 0}
              accounts={accounts}
              keychain={info.value?.keychain}
              sandboxOrigin={info.value?.sandboxOrigin ?? null}
              editAccountId={accountEdit?.accountId}
            />
          ) : section === 'aois' ? (
            <AoisPanel
              aois={aois}
              map={map}
              sketchKm2={sketchKm2}
              notice={notice}
              notify={notify}
              onImportFile={importer.start}
              projection={projection}
              onProjectionChange={changeProjection}
              productCodes={productCodes}
              productLabels={productLabels}
              product={product}
            />
          ) : section === 'orders' ? (
            <OrdersPanel accounts={accounts} focusOrderId={orderFocus} quotationRow={quotationRow} programmingOrders={() => <ProgrammingOrders accounts={accounts} map={map} active={section === 'orders'} />} />
          ) : section === 'mydata' ? (
            <DeliveriesPanel accounts={accounts} map={map} active={section === 'mydata'} notify={notify} onOpenSource={openSource} />
          ) : section === 'compare' ? (
            <ComparisonPanel aois={activeAois} activeAoiId={aois.activeId} basket={basketPick} onOpenAois={() => { setSection('aois'); clearNotice(); }} onOrder={openOffer} />
          ) : null}
          {/* Kept mounted while hidden: results, selection and basket survive a visit to another section. */}
          {archiveOpened && <div className="side-panel__keep" hidden={section !== 'archive'}>
            <ArchivePanel
              map={map}
              active={section === 'archive'}
              accounts={accounts}
              activeAoiId={aois.activeId}
              aoiAreaKm2={aoiAreaKm2}
              notify={notify}
              notice={section === 'archive' ? notice : undefined}
              onProductContext={setArchiveProduct}
              quotationActions={quotationActions}
              offerRequest={archiveAsk}
              onBasketChange={setBasketPick}
            />
          </div>}
          {taskingOpened && <div className="side-panel__keep" hidden={section !== 'tasking'}>
            <TaskingPanel
              map={map}
              active={section === 'tasking'}
              accounts={accounts}
              aois={activeAois}
              activeAoiId={aois.activeId}
              notify={notify}
              notice={section === 'tasking' ? notice : undefined}
              onProductContext={setTaskingProduct}
              offerRequest={taskingAsk}
              taskingRequest={taskingShown}
              programming={({ accountId }) => (
                <ProgrammingPanel
                  accountId={accountId}
                  map={map}
                  active={section === 'tasking'}
                  aois={activeAois}
                  activeAoiId={aois.activeId}
                  notify={notify}
                  onEditAccount={editAccount}
                />
              )}
            />
          </div>}
        </aside>
        <main
          className="map-area"
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes('Files')) e.preventDefault();
          }}
          onDrop={(e) => {
            const file = e.dataTransfer.files[0];
            if (!file) return;
            e.preventDefault();
            setSection('aois');
            importer.start(file);
          }}
        >
          <MapView onReady={setMap} />
          <LayersPanel map={map} />
        </main>
      </div>
      {importer.stage && <ImportDialog stage={importer.stage} onClose={importer.close} onConfirm={importer.confirm} />}
    </div>
  );
}
