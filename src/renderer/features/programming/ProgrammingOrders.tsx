import './programming.css';
import type { Polygon } from 'geojson';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import {
  PROGRAMMING_NOT_SENT,
  PROGRAMMING_PROVIDER_INFO,
  PROGRAMMING_SUBMITTING,
  PROGRAMMING_UNCONFIRMED,
  resolutionLabel,
  resolutionOf,
  type ProgrammingOrder,
} from '../../../shared/domain/programming';
import { hasCapability } from '../../../shared/domain/providers';
import type { AccountsState } from '../../api/accountsState';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { needsProvider, useOffline } from '../../api/useOffline';
import { useChannel } from '../../api/useChannel';
import type { TaskingMapPort } from '../../map/taskingPort';
import { ErrorNote } from '../../ui/ErrorNote';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatKm2, formatUtc } from '../../ui/format';
import { recurrenceText } from './programmingForm';

export interface ProgrammingOrdersProps {
  accounts: AccountsState;
  map: TaskingMapPort | undefined;
  active: boolean;
}

/** The status as read: the provider's wording where it gives one, else ours in words. */
export function statusText(o: Pick<ProgrammingOrder, 'status' | 'statusName'>): string {
  if (o.statusName) return o.statusName;
  if (o.status === PROGRAMMING_NOT_SENT) return 'not sent';
  return o.status.replace(/_/g, ' ');
}

/** The Orders section's programming orders: window, resolution, status with its dated history, AOI on the map. */
export function ProgrammingOrders(props: ProgrammingOrdersProps) {
  const { map, active } = props;
  const accounts = props.accounts.list.filter((a) => hasCapability(a.provider, 'programming'));
  const [selected, setSelected] = useState<ProgrammingOrder | null>(null);
  const shown = useRef(false);

  // The selected order's AOI on the map while the section is shown; taken off when unselected or hidden.
  useEffect(() => {
    if (!map) return;
    if (active && selected) {
      map.setTaskingSegments(selected.aoi.geometry as Polygon, []);
      map.zoomToTasking();
      shown.current = true;
    } else if (shown.current) {
      map.setTaskingSegments(null, []);
      shown.current = false;
    }
  }, [map, active, selected]);
  useEffect(
    () => () => {
      if (shown.current) map?.setTaskingSegments(null, []);
      shown.current = false;
    },
    [map],
  );

  const toggle = useCallback((o: ProgrammingOrder) => setSelected((s) => (s?.id === o.id ? null : o)), []);
  if (accounts.length === 0) return null;

  return (
    <section className="programming-orders" aria-labelledby="programming-orders-title">
      <h3 className="programming-orders__heading" id="programming-orders-title">Programming orders</h3>
      {accounts.map((a) => (
        <AccountOrders key={a.id} account={a} many={accounts.length > 1} selectedId={selected?.id ?? null} onToggle={toggle} />
      ))}
    </section>
  );
}

interface OrderList {
  orders: ProgrammingOrder[];
  tracked: boolean;
  fetchedAt: string | null;
}

/** One Origen account's orders: the stored list (as of its reply), refreshed where the service lists them. */
function AccountOrders(props: { account: Account; many: boolean; selectedId: string | null; onToggle(o: ProgrammingOrder): void }) {
  const { account } = props;
  const offline = useOffline();
  const [data, setData] = useState<OrderList | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<ShownError | null>(null);
  const { observe, observeError } = offline;
  const onValue = useCallback(
    (reply: { value: { orders: ProgrammingOrder[]; tracked: boolean }; fetchedAt: string | null; offline: boolean; offlineReason: string | null }) => {
      observe(reply);
      setData({ ...reply.value, fetchedAt: reply.fetchedAt });
    },
    [observe],
  );
  const list = useChannel('programming.list', { accountId: account.id }, { onValue, onError: observeError });

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      const got = await call('programming.refresh', { accountId: account.id });
      setData({ ...got, fetchedAt: new Date().toISOString() });
      offline.clear();
    } catch (err) {
      setRefreshError(errorOf(err));
      offline.observeError(err);
    } finally {
      setRefreshing(false);
    }
  };

  const orders = [...(data?.orders ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const listId = `programming-orders-${account.id}`;
  return (
    <div className="programming-account">
      <div className="programming-account__bar">
        <span className="programming-account__name" id={`${listId}-title`}>{props.many ? account.label : `Account: ${account.label}`}</span>
        {data?.tracked && (
          <button className="button" onClick={() => void refresh()} aria-busy={refreshing} {...needsProvider(offline.offline, refreshing ? 'Refreshing…' : undefined)} aria-label={`Refresh programming orders of ${account.label}`}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        )}
      </div>
      {/* One line, not a second offline banner: the Orders section already says it is offline above. */}
      {data?.fetchedAt && (
        <span className="hint programming-account__asof">
          {offline.offline ? `Stored copy as of ${formatUtc(data.fetchedAt)} — Origen cannot be reached: ${offline.offline.reason}` : `as of ${formatUtc(data.fetchedAt)}`}
        </span>
      )}
      <ErrorNote error={refreshError} label="Refresh failed" />
      {list.error && !data && <ErrorNote error={list.error} label="Programming orders could not be loaded" />}
      {data && !data.tracked && orders.length > 0 && (
        <p className="hint">This service does not list its orders: what was sent and the order number are shown, the status does not move here.</p>
      )}
      {list.loading && !data ? (
        <p className="muted">Loading programming orders…</p>
      ) : orders.length === 0 ? (
        data && <p className="empty">No programming order yet. Program Jilin-1 or Spacety in the Tasking section with this account.</p>
      ) : (
        <ul className="programming-list" aria-label={`Programming orders of ${account.label}`}>
          {orders.map((o) => (
            <OrderCard key={o.id} order={o} selected={props.selectedId === o.id} onToggle={props.onToggle} />
          ))}
        </ul>
      )}
    </div>
  );
}

function OrderCard({ order: o, selected, onToggle }: { order: ProgrammingOrder; selected: boolean; onToggle(o: ProgrammingOrder): void }) {
  const resolution = resolutionOf(o.resolutionType);
  const unconfirmed = o.status === PROGRAMMING_UNCONFIRMED;
  const name = o.orderNumber ?? (unconfirmed ? 'Unconfirmed order' : o.status === PROGRAMMING_SUBMITTING ? 'Order being sent' : 'Order not created');
  const status = statusText(o);
  const events = [...o.events].sort((a, b) => b.at.localeCompare(a.at));
  const sensor = PROGRAMMING_PROVIDER_INFO[o.provider];
  return (
    <li className={`programming-card${selected ? ' is-selected' : ''}${unconfirmed ? ' is-unconfirmed' : ''}`} aria-label={`Programming order ${name}`}>
      <button className="programming-card__head" aria-pressed={selected} onClick={() => onToggle(o)} aria-label={`${name}, ${sensor.label}, ${status}${selected ? '' : ' — show on the map'}`}>
        <span className="programming-card__title">
          <strong className="mono">{name}</strong>
          {unconfirmed ? <span className="programming-unconfirmed">Unconfirmed</span> : <StatusBadge status={status} />}
        </span>
        <span className="programming-card__line">
          {sensor.label.replace(/ \(.*\)$/, '')} {sensor.sensor} · {resolution ? resolutionLabel(resolution) : `type ${o.resolutionType}`}
        </span>
        <span className="programming-card__line">
          {formatUtc(o.window.start)} → {formatUtc(o.window.end)}
        </span>
        <span className="programming-card__line">
          {recurrenceText(o.recurrence)}
          {o.maxCloud !== null && ` · max cloud ${o.maxCloud} %`} · {o.aoi.name} ({formatKm2(o.aoi.areaKm2)})
        </span>
      </button>
      {unconfirmed && (
        <p className="programming-card__warn" role="note">
          {o.message ?? `Sent at ${formatUtc(o.createdAt)} without an answer.`} Check with Origen before creating it again: Imagery Desk never resends it.
        </p>
      )}
      {!unconfirmed && o.message && <p className="programming-card__message">{o.message}</p>}
      {selected && (
        <div className="programming-card__more">
          <dl className="facts programming-facts">
            <div><dt>Order number</dt><dd className="mono">{o.orderNumber ?? '— (not numbered by Origen)'}</dd></div>
            <div><dt>Sent</dt><dd>{formatUtc(o.createdAt)}</dd></div>
            <div><dt>Updated</dt><dd>{formatUtc(o.updatedAt)}</dd></div>
            {o.imagingTime && <div><dt>Imaged</dt><dd>{formatUtc(o.imagingTime)}</dd></div>}
          </dl>
          <details className="programming-sent">
            <summary>Body sent to Origen</summary>
            <pre className="mono">{JSON.stringify(o.sent, null, 2)}</pre>
          </details>
        </div>
      )}
      <details className="programming-events">
        <summary aria-label={`Status history of ${name} (${events.length})`}>Status history ({events.length})</summary>
        <ol className="programming-events__list" aria-label={`Status events of ${name}`}>
          {events.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{formatUtc(e.at)}</time> — <strong>{statusText({ status: e.status, statusName: null })}</strong>
              {e.note && <span className="muted"> · {e.note}</span>}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
