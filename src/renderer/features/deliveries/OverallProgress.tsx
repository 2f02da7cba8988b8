import { memo } from 'react';
import { DownloadProgress } from './DownloadProgress';
import { overallText, type Overall } from './downloadText';

/** Every download under way or paused, summed in one bar: bytes, rate and time left. */
export const OverallProgress = memo(function OverallProgress({ overall }: { overall: Overall | null }) {
  if (!overall) return null;
  return (
    <section className="dl-overall" aria-label="All downloads">
      <h3 className="dl-subhead">Downloads</h3>
      <DownloadProgress label="All downloads" bytesDone={overall.bytesDone} bytesTotal={overall.bytesTotal} text={overallText(overall)} tone={overall.running === 0 ? 'paused' : undefined} />
    </section>
  );
});
