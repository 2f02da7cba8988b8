import { useCallback, useState } from 'react';

/** Counts provider calls in flight so the panel knows when to watch for rate-limit waits. */
export function useInFlight(): { busy: boolean; track: <T>(work: Promise<T>) => Promise<T> } {
  const [count, setCount] = useState(0);
  const track = useCallback(<T,>(work: Promise<T>): Promise<T> => {
    setCount((c) => c + 1);
    return work.finally(() => setCount((c) => c - 1));
  }, []);
  return { busy: count > 0, track };
}
