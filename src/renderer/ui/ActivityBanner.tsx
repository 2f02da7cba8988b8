import './feedback.css';
import type { Waiting } from '../api/useActivity';

/** "Rate limited by the provider — retrying in N s", with progress, while main waits to retry. */
export function ActivityBanner({ waiting }: { waiting: Waiting | null }) {
  if (!waiting) return null;
  const text =
    waiting.reason === 'rate-limited'
      ? `Rate limited by the provider — retrying in ${waiting.secondsLeft} s`
      : `The provider is unavailable — retrying in ${waiting.secondsLeft} s`;
  return (
    <div className="banner banner-warn activity-banner" role="status" aria-live="polite">
      <span>
        {text} (attempt {waiting.attempt + 1})
      </span>
      <progress aria-label="Waiting for the provider" />
    </div>
  );
}
