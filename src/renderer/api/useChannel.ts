import { useCallback, useEffect, useState } from 'react';
import type { Channel, Request, Response } from '../../shared/ipc/contract';
import { call } from './client';
import { errorOf, type ShownError } from './errors';

export interface Loaded<T> {
  value: T | undefined;
  error: ShownError | null;
  loading: boolean;
  reload(): void;
}

interface Hooks<C extends Channel> {
  track?: <T>(work: Promise<T>) => Promise<T>;
  /** Stable callbacks (useCallback) or the read reruns on every render. */
  onValue?: (value: Response<C>) => void;
  onError?: (err: unknown) => void;
}

/**
 * A read over the contract keyed by its request: `null` skips it. The answer is kept with the key it
 * answered, so a late reply for a previous key is never shown as the current one and "loading" is
 * derived rather than set from the effect.
 */
export function useChannel<C extends Channel>(channel: C, request: Request<C> | null, hooks: Hooks<C> = {}): Loaded<Response<C>> {
  const key = request === null ? null : JSON.stringify(request);
  const [state, setState] = useState<{ key: string; value?: Response<C>; error?: ShownError } | null>(null);
  const [nonce, setNonce] = useState(0);
  const { track, onValue, onError } = hooks;

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    // The key is the request serialised; reading it back keeps the effect's dependencies exact.
    const work = call(channel, JSON.parse(key) as Request<C>);
    (track ? track(work) : work).then(
      (value) => {
        if (cancelled) return;
        setState({ key, value });
        onValue?.(value);
      },
      (err: unknown) => {
        if (cancelled) return;
        setState({ key, error: errorOf(err) });
        onError?.(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [channel, key, nonce, track, onValue, onError]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state && state.key === key ? state : null;
  return { value: current?.value, error: current?.error ?? null, loading: key !== null && current === null, reload };
}
