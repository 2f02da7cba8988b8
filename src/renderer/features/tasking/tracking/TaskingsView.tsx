import './tracking.css';
import { useCallback, useMemo, useState } from 'react';
import type { Tasking, TaskingSegment } from '../../../../shared/domain/tasking';
import type { OfflineState } from '../../../api/useOffline';
import { useWorkspace } from '../../../api/workspaceStore';
import type { TaskingMapPort } from '../../../map/taskingPort';
import { ErrorNote } from '../../../ui/ErrorNote';
import { useNow } from '../useNow';
import { SegmentList } from './SegmentList';
import { CancelTaskingDialog, DecisionDialog } from './TaskingDialogs';
import { TaskingDetail } from './TaskingDetail';
import { TaskingList } from './TaskingList';
import { asOfText, sortSegments, sortTaskings } from './taskingText';
import { useSegmentsOnMap } from './useSegmentsOnMap';
import { AUTO_REFRESH_MS, useTaskings } from './useTaskings';

export interface TaskingsViewProps {
  accountId: string;
  contractId: string;
  map: TaskingMapPort | undefined;
  /** False while another section (or the "New tasking" tab) is shown: its layers leave the map. */
  active: boolean;
  offline: OfflineState;
  track: <T>(w: Promise<T>) => Promise<T>;
  notify(text: string): void;
}

type Dialog = { kind: 'accept' | 'refuse'; segment: TaskingSegment } | { kind: 'cancel' } | null;

/** The contract's taskings, one's detail with its segments on the map, and their actions. */
export function TaskingsView(props: TaskingsViewProps) {
  const { accountId, contractId, map, active, offline, track, notify } = props;
  const { state: saved, patch } = useWorkspace();
  const data = useTaskings({ accountId, contractId, taskingId: saved.taskingId, active, offline, track, notify });
  const now = useNow(60_000, active);

  const taskings = useMemo(() => sortTaskings(data.taskings), [data.taskings]);
  const listed = taskings.find((t) => t.id === data.selectedId);
  const detailValue = data.detail.value?.value;
  // The detail read is the fresher one once it answered; the list's row stands in meanwhile.
  const tasking: Tasking | undefined = detailValue && listed && listed.updatedAt > detailValue.updatedAt ? listed : (detailValue ?? listed);
  const segmentsValue = data.segments.value?.value;
  const segments = useMemo(() => sortSegments(segmentsValue ?? []), [segmentsValue]);

  // Each click on the map scrolls the list to its segment, even the same one again.
  const [reveal, setReveal] = useState<{ id: string; n: number } | null>(null);
  const onMapSelect = useCallback((id: string) => setReveal((r) => ({ id, n: (r?.n ?? 0) + 1 })), []);
  const [restoredId] = useState(() => saved.taskingId || null);
  const onMap = useSegmentsOnMap({ map, active, tasking, segments, restoredId, onMapSelect });
  const { zoomToTasking } = onMap;

  // Opening a tasking follows it (kept in the workspace); opening the one shown again brings the map back to it.
  const open = useCallback(
    (id: string) => {
      if (id === data.selectedId) zoomToTasking();
      else patch({ taskingId: id });
    },
    [data.selectedId, zoomToTasking, patch],
  );

  const [dialog, setDialog] = useState<Dialog>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  const scope = { accountId, contractId, track, observeError: offline.observeError };
  const { reloadAll } = data;

  const listReply = data.list.value;
  const listOffline = !!listReply?.offline;
  const asOf = asOfText(listReply?.fetchedAt ?? null, listOffline, now);
  const detailReply = data.detail.value;
  const detailAsOf = detailReply ? asOfText(detailReply.fetchedAt, detailReply.offline, now) : '';

  if (!accountId || !contractId) {
    return <p className="empty tk-empty">Choose an account and a contract above to see the taskings ordered on it.</p>;
  }

  return (
    <div className="tk-view">
      <div className="tk-toolbar">
        <button type="button" className="button" onClick={() => void data.refresh('user')} disabled={data.refreshing} aria-busy={data.refreshing}>
          {data.refreshing ? 'Refreshing…' : 'Refresh taskings'}
        </button>
        <span className="tk-asof" role="status" title={offline.offline ? 'Automatic refresh paused while the provider cannot be reached' : `Refreshed automatically every ${AUTO_REFRESH_MS / 60_000} minutes while shown`}>
          {asOf}
          {offline.offline ? ' · auto-refresh paused' : ''}
        </span>
      </div>
      <ErrorNote error={data.refreshError} label="Refresh failed" />
      <ErrorNote error={data.list.error} label="Taskings could not be loaded" />

      {data.list.loading ? (
        <p className="muted">Loading taskings…</p>
      ) : data.taskings.length === 0 ? (
        !data.list.error && <p className="empty tk-empty">No tasking on this contract yet: order one in New tasking.</p>
      ) : (
        <TaskingList taskings={taskings} selectedId={data.selectedId} onOpen={open} label={`Taskings of contract ${contractId}, ${taskings.length}`} />
      )}

      {tasking ? (
        <TaskingDetail
          tasking={tasking}
          asOf={detailAsOf}
          asOfIso={detailReply?.fetchedAt ?? listReply?.fetchedAt ?? null}
          offline={offline.offline}
          error={data.detail.error}
          canZoom={!!map}
          onZoom={zoomToTasking}
          onCancel={() => setDialog({ kind: 'cancel' })}
          segmentsCount={segments.length}
          segments={
            <>
              <ErrorNote error={data.segments.error} label="Segments could not be loaded" />
              {data.segments.loading ? (
                <p className="muted tk-small">Loading segments…</p>
              ) : (
                <SegmentList
                  taskingId={tasking.id}
                  segments={segments}
                  hoveredId={onMap.hoveredId}
                  selectedId={onMap.selectedId}
                  reveal={reveal}
                  offline={offline.offline}
                  onHover={onMap.setHoveredId}
                  onSelect={(id) => onMap.select(id, true)}
                  onDecide={(kind, segment) => setDialog({ kind, segment })}
                />
              )}
            </>
          }
        />
      ) : (
        data.taskings.length > 0 && <p className="muted tk-small">Open a tasking to see its coverage, its segments on the map and what waits for your decision.</p>
      )}

      {tasking && dialog && dialog.kind !== 'cancel' && (
        <DecisionDialog
          {...scope}
          kind={dialog.kind}
          tasking={tasking}
          segment={dialog.segment}
          onClose={closeDialog}
          onDone={(s) => {
            closeDialog();
            notify(`${s.id} ${dialog.kind === 'accept' ? 'accepted' : 'refused'}: now ${s.status}.`);
            reloadAll();
          }}
        />
      )}
      {tasking && dialog?.kind === 'cancel' && (
        <CancelTaskingDialog
          {...scope}
          tasking={tasking}
          onClose={closeDialog}
          onDone={(t) => {
            closeDialog();
            notify(`${t.id} is now ${t.status}.`);
            reloadAll();
          }}
        />
      )}
    </div>
  );
}
