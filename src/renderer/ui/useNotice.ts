import { useCallback, useEffect, useState } from 'react';

/** How long a notice stays up. */
const NOTICE_MS = 8000;

/**
 * The app's one-line notice ("Created …", "Order … placed", a refusal). A notice is news, not state:
 * it fades after a while so it never contradicts what is on screen.
 */
export function useNotice() {
  const [notice, setNotice] = useState<string>();
  const notify = useCallback((text: string) => setNotice(text), []);
  const clear = useCallback(() => setNotice(undefined), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return { notice, notify, clear };
}
