import { useCallback, useRef, useState } from 'react';
import { errorOf, type ShownError } from '../../api/errors';

/**
 * The one send behind a confirmation that commits money (an order, an accepted quotation): a ref guards
 * it as well as the disabled button, so a double click cannot send twice, and once it succeeded it is
 * never sent again from the same dialog. A failure is kept to show beside the buttons ("Try again").
 */
export function useSubmitOnce<T>(send: () => Promise<T>, hooks: { onDone?(result: T): void; onFailed?(error: ShownError): void } = {}) {
  const sending = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const { onDone, onFailed } = hooks;
  const submit = useCallback(async () => {
    if (sending.current || result !== null) return;
    sending.current = true;
    setSubmitting(true);
    setError(null);
    try {
      const value = await send();
      setResult(value);
      onDone?.(value);
    } catch (err) {
      const shown = errorOf(err);
      setError(shown);
      onFailed?.(shown);
    } finally {
      sending.current = false;
      setSubmitting(false);
    }
  }, [send, result, onDone, onFailed]);
  return { submit, submitting, result, error };
}
