import { percentDone } from './downloadText';

/**
 * A bar (role progressbar, named by `label`) with its text beside it. Without a known size the bar has
 * no value (indeterminate for assistive technology) and the text says the bytes so far.
 */
export function DownloadProgress(props: { label: string; bytesDone: number; bytesTotal: number | null; text: string; tone?: 'done' | 'paused' | 'failed' }) {
  const pct = percentDone(props);
  return (
    <div className={`dl-progress${props.tone ? ` is-${props.tone}` : ''}`}>
      <div
        className="dl-progress__bar"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.bytesTotal ?? undefined}
        aria-valuenow={props.bytesTotal === null ? undefined : props.bytesDone}
        aria-valuetext={props.text}
      >
        {/* Scaled, not resized: a transform is composited, so a poll's update costs no layout. */}
        <span className="dl-progress__fill" style={{ transform: `scaleX(${(pct ?? 0) / 100})` }} />
      </div>
      <span className="dl-progress__text">{props.text}</span>
    </div>
  );
}
