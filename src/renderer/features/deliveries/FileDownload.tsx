import { memo, useState } from 'react';
import type { DeliveredFile, Download, DownloadPlace } from '../../../shared/domain/deliveries';
import { call } from '../../api/client';
import { needsProvider, type OfflineInfo } from '../../api/useOffline';
import { ErrorNote } from '../../ui/ErrorNote';
import { DownloadProgress } from './DownloadProgress';
import { formatBytes, progressText, statusText } from './downloadText';
import { useAction } from '../../api/useAction';
import type { DownloadAction } from './useDownloads';

const TONE = { done: 'done', paused: 'paused', failed: 'failed' } as const;

/** The finished file's place where the host cannot show it (browser mode): the full path to copy. */
function CopyPath({ path, name }: { path: string; name: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(path);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="dl-path">
      <p className="hint">This window runs in a web browser, which cannot open your file manager: the file is here.</p>
      <div className="inline-row">
        <input className="mono dl-path__input" readOnly value={path} aria-label={`Path of ${name}`} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button dl-small" onClick={() => void copy()} aria-label={`Copy path of ${name}`}>
          Copy path
        </button>
      </div>
      {copied && (
        <span className="hint" role="status">
          {copied === 'yes' ? 'Path copied.' : 'The clipboard refused: select the path and copy it with Ctrl+C.'}
        </span>
      )}
    </div>
  );
}

/**
 * One file of the selected product: Download, or its latest download with progress (bytes, rate, time
 * left), the status in words, and what can be done now: Pause, Resume, Cancel (confirmed by the caller,
 * since it deletes the partial file), Show in folder and Open, or the path to copy where the host
 * cannot show files. Memoised: a poll that did not change this download does not re-render it.
 */
export const FileDownload = memo(function FileDownload(props: {
  productId: string;
  file: DeliveredFile;
  download: Download | undefined;
  place: DownloadPlace | null;
  offline: OfflineInfo | null;
  onStart(productId: string, fileId: string): Promise<void>;
  onAct(action: DownloadAction, downloadId: string): Promise<void>;
  onAskCancel(download: Download, file: DeliveredFile): void;
}) {
  const { file, download: d, place } = props;
  const { busy, error, run } = useAction();
  const name = file.name;
  const provider = needsProvider(props.offline, busy ? 'Working…' : undefined);
  const local = { disabled: busy };
  const fresh = !d || d.status === 'cancelled' || d.status === 'failed';
  const status = d ? statusText(d) : null;
  // The link may not say the size; the first answer of a download does.
  const size = file.size ?? d?.bytesTotal ?? null;

  return (
    <li className="dl-file" aria-label={`File ${name}`}>
      <div className="dl-file__head">
        <span className="mono dl-file__name" title={name}>{name}</span>
        <span className="hint">{size !== null ? formatBytes(size) : 'size not given yet'}</span>
      </div>
      {d && d.status !== 'cancelled' && (
        <>
          <DownloadProgress label={`Download of ${name}`} bytesDone={d.bytesDone} bytesTotal={d.bytesTotal} text={progressText(d)} tone={d.status in TONE ? TONE[d.status as keyof typeof TONE] : undefined} />
          <p className={`dl-status${d.status === 'failed' || (d.status === 'paused' && d.error) ? ' is-problem' : d.status === 'done' ? ' is-done' : ''}`} role="status" aria-label={`Status of ${name}`}>
            {status}
          </p>
        </>
      )}
      {d?.status === 'cancelled' && <p className="hint">Cancelled; the partial file was deleted.</p>}
      <div className="dl-file__actions">
        {fresh && (
          <button type="button" className="button primary dl-small" {...provider} onClick={() => void run(() => props.onStart(props.productId, file.fileId))} aria-label={`${d ? 'Download again' : 'Download'} ${name}`}>
            {d ? 'Download again' : 'Download'}
          </button>
        )}
        {d && (d.status === 'running' || d.status === 'queued') && (
          <button type="button" className="button dl-small" {...local} onClick={() => void run(() => props.onAct('pause', d.id))} aria-label={`Pause ${name}`}>
            Pause
          </button>
        )}
        {d?.status === 'paused' && (
          <button type="button" className="button primary dl-small" {...provider} onClick={() => void run(() => props.onAct('resume', d.id))} aria-label={`Resume ${name}`}>
            Resume
          </button>
        )}
        {d && (d.status === 'running' || d.status === 'queued' || d.status === 'paused') && (
          <button type="button" className="button danger dl-small" {...local} onClick={() => props.onAskCancel(d, file)} aria-label={`Cancel ${name}…`}>
            Cancel…
          </button>
        )}
        {d?.status === 'done' && place?.canReveal && (
          <button type="button" className="button dl-small" {...local} onClick={() => void run(() => call('deliveries.reveal', { downloadId: d.id }))} aria-label={`Show ${name} in folder`}>
            Show in folder
          </button>
        )}
        {d?.status === 'done' && place?.canOpen && (
          <button type="button" className="button dl-small" {...local} onClick={() => void run(() => call('deliveries.open', { downloadId: d.id }))} aria-label={`Open ${name}`}>
            Open
          </button>
        )}
      </div>
      {d?.status === 'done' && place && !place.canReveal && <CopyPath path={d.path} name={name} />}
      <ErrorNote error={error} label={`${name}: the action failed`} />
    </li>
  );
});
