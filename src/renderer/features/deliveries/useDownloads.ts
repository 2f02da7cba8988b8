import { useCallback, useEffect, useRef, useState } from 'react';
import type { Download } from '../../../shared/domain/deliveries';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { MOVING, reuseUnchanged } from './downloadText';

/** How often progress is asked for while a download moves (IPC has no push). */
export const POLL_MS = 500;

export type DownloadAction = 'pause' | 'resume' | 'cancel';

/**
 * Every download and its actions. Main drives the transfers; this polls `deliveries.downloads` every
 * POLL_MS only while one is queued, running or verifying, the section is shown and the window visible,
 * and once after every action. Offline (the host is there, the provider not) it still answers: downloads
 * are local records, so the list stays shown.
 */
export function useDownloads(active: boolean) {
  const [downloads, setDownloads] = useState<Download[]>([]);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  const inFlight = useRef(false);

  const poll = useCallback(() => {
    // One read at a time: a slow answer is not overtaken by the next tick's.
    if (inFlight.current) return;
    inFlight.current = true;
    call('deliveries.downloads', {})
      .then(
        (next) => {
          setDownloads((prev) => reuseUnchanged(prev, next));
          setLoadError(null);
        },
        (err: unknown) => setLoadError(errorOf(err)),
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, []);

  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  // Once when shown (and when shown again): paused and finished downloads are listed too.
  useEffect(() => {
    if (active && visible) poll();
  }, [active, visible, poll]);

  const moving = downloads.some((d) => MOVING.has(d.status));
  useEffect(() => {
    if (!active || !visible || !moving) return;
    const timer = setInterval(poll, POLL_MS);
    return () => clearInterval(timer);
  }, [active, visible, moving, poll]);

  /** Replaces the downloads an action answered, then reads the whole list again. */
  const merge = useCallback(
    (changed: readonly Download[]) => {
      setDownloads((prev) => {
        const byId = new Map(changed.map((d) => [d.id, d]));
        const known = new Set(prev.map((d) => d.id));
        const added = changed.filter((d) => !known.has(d.id));
        return [...added, ...prev.map((d) => byId.get(d.id) ?? d)];
      });
      poll();
    },
    [poll],
  );

  const start = useCallback(
    async (accountId: string, productId: string, fileId?: string) => merge(await call('deliveries.download', { accountId, productId, ...(fileId ? { fileId } : {}) })),
    [merge],
  );
  const act = useCallback(
    async (action: DownloadAction, downloadId: string) => {
      const channel = action === 'pause' ? 'deliveries.pause' : action === 'resume' ? 'deliveries.resume' : 'deliveries.cancel';
      merge([await call(channel, { downloadId })]);
    },
    [merge],
  );

  return { downloads, loadError, start, act, reload: poll };
}
export type DownloadsState = ReturnType<typeof useDownloads>;
