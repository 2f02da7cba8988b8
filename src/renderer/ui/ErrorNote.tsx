import './feedback.css';
import type { ShownError } from '../api/errors';

/** A failure shown beside the control it concerns: the code (for support) and the message. */
export function ErrorNote({ error, label }: { error: ShownError | null | undefined; label?: string }) {
  if (!error) return null;
  return (
    <p className="banner banner-error error-note" role="alert" aria-label={label}>
      <span className="mono error-note__code">{error.code}</span> {error.message}
    </p>
  );
}
