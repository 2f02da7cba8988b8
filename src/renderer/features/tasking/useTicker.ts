import { useSyncExternalStore } from 'react';

/**
 * One shared one-second clock for every countdown on screen: each countdown re-renders alone, every
 * second, instead of the list (and the panel) that holds it. The timer runs only while one is shown.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export const useTicker = (): number => useSyncExternalStore(subscribe, () => now);
