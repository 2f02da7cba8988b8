import './feedback.css';
import { useEffect, useState } from 'react';
import type { OfflineInfo } from '../api/useOffline';
import { formatSince } from './format';

/** "Offline — showing data stored <when>", with the provider's reason and a way to try again. */
export function OfflineBanner(props: { offline: OfflineInfo | null; onRetry?: () => void }) {
  // The "3 min ago" wording ages; a coarse clock keeps it honest without re-rendering often.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!props.offline) return null;
  return (
    <div className="banner banner-warn offline-banner" role="status">
      <strong>Offline — showing data stored {formatSince(props.offline.since, now)}</strong>
      <span className="offline-banner__reason">{props.offline.reason}</span>
      {props.onRetry && (
        <button className="button" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
