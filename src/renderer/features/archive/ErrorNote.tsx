import type { ShownError } from './errors';

/** A failure shown beside the control it concerns: the code (for support) and the message. */
export function ErrorNote({ error, label }: { error: ShownError | null | undefined; label?: string }) {
  if (!error) return null;
  return (
    <p className="banner banner-error archive-error" role="alert" aria-label={label}>
      <span className="mono archive-error__code">{error.code}</span> {error.message}
    </p>
  );
}
