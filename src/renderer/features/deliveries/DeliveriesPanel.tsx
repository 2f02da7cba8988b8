import './deliveries.css';
import { useCallback, useMemo, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { DeliveredFile, DeliveredProduct, Download } from '../../../shared/domain/deliveries';
import { PROVIDERS } from '../../../shared/domain/providers';
import type { AccountsState } from '../../api/accountsState';
import { useOffline } from '../../api/useOffline';
import type { DeliveriesMapPort } from '../../map/deliveriesPort';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatUtc } from '../../ui/format';
import { OfflineBanner } from '../../ui/OfflineBanner';
import { CancelDownloadDialog } from './CancelDownloadDialog';
import { DeliveryDetail } from './DeliveryDetail';
import { DeliveryList } from './DeliveryList';
import { filesPhrase } from './deliveryText';
import { DownloadFolder } from './DownloadFolder';
import { fileKey, fileStateText, latestByFile, overallOf } from './downloadText';
import { OverallProgress } from './OverallProgress';
import { useDeliveries } from './useDeliveries';
import { useDeliveriesOnMap } from './useDeliveriesOnMap';
import { useDownloadPlace } from './useDownloadPlace';
import type { DeliverySource } from '../../../shared/domain/deliveries';
import { useDownloads } from './useDownloads';

export interface DeliveriesPanelProps {
  accounts: AccountsState;
  map: DeliveriesMapPort | undefined;
  active: boolean;
  notify(text: string): void;
  /** Opens the order or tasking a product came from in its own section. */
  onOpenSource?(source: DeliverySource, accountId: string): void;
}

/** Only OneAtlas delivers into a workspace the desk can search; GeoAPI legacy and Origen have none. */
const hasWorkspace = (provider: string) => provider === 'oneatlas';

/** The account chosen here, else the app's active one when it has a workspace, else the first that has. */
function accountIdOf(eligible: readonly Account[], chosen: string | null, activeId: string): string | null {
  const usable = (id: string | null) => !!id && eligible.some((a) => a.id === id);
  if (usable(chosen)) return chosen;
  if (usable(activeId)) return activeId;
  return eligible[0]?.id ?? null;
}

/**
 * "My data": an account's delivered products (OneAtlas workspace), on the map and in a list linked both
 * ways, one's detail with its files, and their downloads into the folder the user chose, with progress,
 * pause, resume (also after a restart) and cancel. Offline the stored list stays, "as of" when stored.
 */
export function DeliveriesPanel(props: DeliveriesPanelProps) {
  const { map, active } = props;
  const allAccounts = props.accounts.list;
  const eligible = useMemo(() => allAccounts.filter((a) => hasWorkspace(a.provider)), [allAccounts]);
  const others = allAccounts.length - eligible.length;
  const [chosen, setChosen] = useState<string | null>(null);
  const accountId = accountIdOf(eligible, chosen, props.accounts.activeId);
  const account = eligible.find((a) => a.id === accountId);

  const offline = useOffline();
  const list = useDeliveries(accountId, offline);
  const place = useDownloadPlace();
  const downloads = useDownloads(active);
  const mine = useMemo(() => downloads.downloads.filter((d) => d.accountId === accountId), [downloads.downloads, accountId]);
  const latest = useMemo(() => latestByFile(mine), [mine]);
  const overall = useMemo(() => overallOf(downloads.downloads), [downloads.downloads]);

  const filesOf = useCallback((p: DeliveredProduct) => filesPhrase(p.files.map((f) => fileStateText(latest.get(fileKey(p.id, f.fileId))))), [latest]);
  // Products whose every file is on disk (drawn solid on the map); by value, so a poll does not redraw.
  const doneKey = list.products
    .filter((p) => p.files.length > 0 && p.files.every((f) => latest.get(fileKey(p.id, f.fileId))?.status === 'done'))
    .map((p) => p.id)
    .join('\n');
  const downloaded = useMemo(() => new Set(doneKey ? doneKey.split('\n') : []), [doneKey]);
  const onMap = useDeliveriesOnMap({ map, active, accountId, products: list.products, downloaded });
  const select = onMap.select;
  const onSelect = useCallback((id: string) => select(id, true), [select]);

  const [cancelling, setCancelling] = useState<{ download: Download; file: DeliveredFile } | null>(null);
  const askCancel = useCallback((download: Download, file: DeliveredFile) => setCancelling({ download, file }), []);
  const { start, act } = downloads;
  const onStart = useCallback(
    async (productId: string, fileId?: string) => {
      if (accountId) await start(accountId, productId, fileId);
    },
    [start, accountId],
  );

  const reply = list.reply;
  const asOf = reply?.fetchedAt ? `${reply.offline ? 'Stored copy as of' : 'As of'} ${formatUtc(reply.fetchedAt)}` : '';

  return (
    <section className="panel" aria-labelledby="mydata-title">
      <header className="panel-header">
        <h2 id="mydata-title">My data</h2>
        {account && (
          <button type="button" className="button" onClick={list.refresh} disabled={list.refreshing} aria-busy={list.refreshing} aria-label={`Refresh delivered products of ${account.label}`}>
            {list.refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        )}
      </header>
      <div className="panel-body dl-body">
        <OfflineBanner offline={offline.offline} onRetry={list.refresh} />
        {eligible.length === 0 ? (
          <p className="empty">
            My data lists what OneAtlas delivered into an account’s workspace{others > 0 ? '; GeoAPI legacy and Origen accounts have no workspace to deliver into' : ''}. Add a OneAtlas account in the Accounts section.
          </p>
        ) : (
          <>
            <div className="field">
              <label htmlFor="mydata-account">Account</label>
              <select id="mydata-account" value={accountId ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {eligible.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label} — {PROVIDERS[a.provider].label}
                  </option>
                ))}
              </select>
              {others > 0 && <span className="hint">Only OneAtlas accounts are listed: GeoAPI legacy and Origen deliver into no workspace.</span>}
            </div>
            <DownloadFolder place={place} />
            <OverallProgress overall={overall} />
            <ErrorNote error={downloads.loadError} label="Downloads could not be read" />
            <div className="dl-listhead">
              <h3 className="dl-subhead" id="mydata-list-title">Delivered products{list.products.length > 0 ? ` (${list.products.length})` : ''}</h3>
              {asOf && <span className="dl-asof" role="status">{asOf}</span>}
            </div>
            <ErrorNote error={list.error} label="Delivered products could not be loaded" />
            {list.loading ? (
              <p className="muted">Searching the workspace…</p>
            ) : list.products.length === 0 ? (
              !list.error && <p className="empty">Nothing delivered into this account’s workspace yet. Ordered products appear here once the provider delivers them; Refresh to look again.</p>
            ) : (
              <DeliveryList
                products={list.products}
                filesOf={filesOf}
                selectedId={onMap.selectedId}
                hoveredId={onMap.hoveredId}
                label={`Delivered products of ${account?.label ?? 'this account'}, ${list.products.length}`}
                onHover={onMap.setHoveredId}
                onSelect={onSelect}
              />
            )}
            {onMap.selected ? (
              <DeliveryDetail
                product={onMap.selected}
                latest={latest}
                place={place.place}
                offline={offline.offline}
                quicklook={onMap.quicklook}
                quicklookLoading={onMap.quicklookLoading}
                onZoom={() => onMap.zoomTo(onMap.selected!.id)}
                onStart={onStart}
                onAct={act}
                onAskCancel={askCancel}
                onOpenSource={props.onOpenSource}
              />
            ) : (
              list.products.length > 0 && <p className="hint">Select a product in the list or on the map to see its files and download them.</p>
            )}
          </>
        )}
      </div>
      {cancelling && (
        <CancelDownloadDialog download={cancelling.download} file={cancelling.file} onConfirm={() => act('cancel', cancelling.download.id)} onClose={() => setCancelling(null)} />
      )}
    </section>
  );
}
