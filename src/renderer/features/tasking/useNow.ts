import { useEffect, useState } from 'react';

/** The current time, ticking every `periodMs` while `running` (a countdown needs seconds, a list minutes). */
export function useNow(periodMs: number, running = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    // Catch up at once (the clock may have stood still while not running), then tick.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [periodMs, running]);
  return now;
}
