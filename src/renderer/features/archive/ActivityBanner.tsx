import type { Waiting } from './useActivity';

/** "Rate limited by the provider — retrying in N s", with progress, while main waits to retry. */
export function ActivityBanner({ waiting }: { waiting: Waiting | null }) {
  if (!waiting) return null;
  const text =
    waiting.reason === 'rate-limited'
      ? `Rate limited by the provider — retrying in ${waiting.secondsLeft} s`
      : `The provider is unavailable — retrying in ${waiting.secondsLeft} s`;
  return (
    <div className="banner banner-warn archive-activity" role="status" aria-live="polite">
      <span>
        {text} (attempt {waiting.attempt + 1})
      </span>
      <progress aria-label="Waiting for the provider" />
    </div>
  );
}
