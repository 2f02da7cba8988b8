import './tasking.css';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Aoi } from '../../../shared/domain/aoi';
import { PROVIDERS } from '../../../shared/domain/providers';
import type { AccountsState } from '../../api/accountsState';
import { useActivity } from '../../api/useActivity';
import { useInFlight } from '../../api/useInFlight';
import { useOffline } from '../../api/useOffline';
import { useWorkspace } from '../../api/workspaceStore';
import type { TaskingMapPort } from '../../map/taskingPort';
import { ActivityBanner } from '../../ui/ActivityBanner';
import { OfflineBanner } from '../../ui/OfflineBanner';
import type { ProductContext } from '../../ui/minimumArea';
import { ContractPicker } from '../../ui/purchase/ContractPicker';
import { NewTasking } from './NewTasking';
import { TaskingsView } from './tracking/TaskingsView';
import { useTaskingSource } from './useTaskingSource';

type Tab = 'new' | 'taskings';

/** What the Tasking section hands the Programming feature for an account that programs (Origen). */
export type ProgrammingSlot = (props: { accountId: string }) => ReactNode;
const TABS: { id: Tab; label: string }[] = [
  { id: 'new', label: 'New tasking' },
  { id: 'taskings', label: 'Taskings' },
];

/** The Tasking section: one account and contract, then either a new tasking or the ones ordered. */
export function TaskingPanel(props: {
  map?: TaskingMapPort;
  /** False while another section is shown: the panel stays mounted but takes its layers off the map. */
  active: boolean;
  accounts: AccountsState;
  aois: Aoi[];
  activeAoiId: string;
  notify(text: string): void;
  notice?: string;
  /** The offer's minimum area and projections, for the AOIs section and the map's projection list. */
  onProductContext?: (ctx: ProductContext | null) => void;
  /** Origen programming for an Origen account: the Programming feature's panel, handed in by App. */
  programming?: ProgrammingSlot;
  /** "Order this offer" from the price comparison (via App): its account, contract and product type, at New tasking. */
  offerRequest?: { seq: number; accountId: string; contractId: string; productTypeId: string } | null;
  /** A tasking to show in the Taskings tab (from My data), chosen as if opened here; `seq` tells a new ask. */
  taskingRequest?: { seq: number; accountId: string; contractId: string; taskingId: string } | null;
}) {
  const offline = useOffline();
  const { busy, track } = useInFlight();
  const source = useTaskingSource(props.accounts, offline, track);
  const waiting = useActivity(busy, source.accountId);
  const { state: saved, patch } = useWorkspace();
  const [tab, setTabState] = useState<Tab>(saved.taskingTab);
  const setTab = useCallback((next: Tab) => {
    setTabState(next);
    patch({ taskingTab: next });
  }, [patch]);
  // An offer asked from elsewhere is chosen as if picked here; `seq` tells a new ask from a re-render.
  const { setAccountId, setContractId, setProductTypeId } = source;
  const handledOffer = useRef(0);
  const { offerRequest } = props;
  useEffect(() => {
    if (!offerRequest || offerRequest.seq === handledOffer.current) return;
    handledOffer.current = offerRequest.seq;
    setAccountId(offerRequest.accountId);
    setContractId(offerRequest.contractId);
    setProductTypeId(offerRequest.productTypeId);
    setTab('new');
  }, [offerRequest, setAccountId, setContractId, setProductTypeId, setTab]);
  const { taskingRequest } = props;
  const handledTasking = useRef(0);
  useEffect(() => {
    if (!taskingRequest || taskingRequest.seq === handledTasking.current) return;
    handledTasking.current = taskingRequest.seq;
    setAccountId(taskingRequest.accountId);
    setContractId(taskingRequest.contractId);
    patch({ taskingId: taskingRequest.taskingId });
    setTab('taskings');
  }, [taskingRequest, setAccountId, setContractId, patch, setTab]);
  // A tasking just ordered opens the Taskings tab on it.
  const onOrdered = useCallback((taskingId: string | null) => {
    if (taskingId) patch({ taskingId });
    setTab('taskings');
  }, [patch, setTab]);

  return (
    <section className="panel tasking-panel" aria-labelledby="tasking-title">
      <header className="panel-header">
        <h2 id="tasking-title">Tasking</h2>
      </header>
      <div className="panel-body tasking-body">
        {props.notice && <p className="banner banner-ok" role="status">{props.notice}</p>}
        <OfflineBanner offline={offline.offline} onRetry={() => { offline.clear(); source.contracts.reload(); source.offers.reload(); }} />
        <ActivityBanner waiting={waiting} />
        {source.eligible.length === 0 ? (
          <p className="empty">No OneAtlas or Origen account. Add one in the Accounts section to task Pléiades, SPOT and Pléiades Neo, or program Jilin-1 and Spacety.</p>
        ) : (
          <div className="tasking-source">
            <div className="field">
              <label htmlFor="tasking-account">Account</label>
              <select id="tasking-account" value={source.accountId} onChange={(e) => source.setAccountId(e.target.value)}>
                {source.eligible.map((a) => (
                  <option key={a.id} value={a.id}>{a.label} — {PROVIDERS[a.provider].label}</option>
                ))}
              </select>
              {source.account?.sandbox && <p className="sandbox-note">Sandbox — simulated, nothing is really acquired</p>}
            </div>
            {source.accountId && !source.programs && <ContractPicker source={source} idPrefix="tasking" />}
          </div>
        )}
        {source.programs ? (
          props.programming?.({ accountId: source.accountId })
        ) : (
          <>
          <div className="tasking-tabs" role="tablist" aria-label="Tasking views">
            {TABS.map((t) => (
              <button
                key={t.id}
                role="tab"
                id={`tasking-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`tasking-view-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                className="tasking-tab"
                onClick={() => setTab(t.id)}
                onKeyDown={(e) => {
                  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                  e.preventDefault();
                  const other = t.id === 'new' ? 'taskings' : 'new';
                  setTab(other);
                  document.getElementById(`tasking-tab-${other}`)?.focus();
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div id="tasking-view-new" role="tabpanel" aria-labelledby="tasking-tab-new" hidden={tab !== 'new'} className="tasking-view">
            <NewTasking
              source={source}
              map={props.map}
              active={props.active && tab === 'new'}
              aois={props.aois}
              activeAoiId={props.activeAoiId}
              offline={offline}
              track={track}
              notify={props.notify}
              onOrdered={onOrdered}
              onProductContext={props.onProductContext}
            />
          </div>
          <div id="tasking-view-taskings" role="tabpanel" aria-labelledby="tasking-tab-taskings" hidden={tab !== 'taskings'} className="tasking-view">
            <TaskingsView
              accountId={source.accountId}
              contractId={source.contractId}
              map={props.map}
              active={props.active && tab === 'taskings'}
              offline={offline}
              track={track}
              notify={props.notify}
            />
          </div>
          </>
        )}
      </div>
    </section>
  );
}
