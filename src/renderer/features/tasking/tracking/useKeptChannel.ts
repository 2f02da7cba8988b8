import { useCallback, useMemo, useState } from 'react';
import type { Channel, Request, Response } from '../../../../shared/ipc/contract';
import { useChannel, type Loaded } from '../../../api/useChannel';

interface Hooks<C extends Channel> {
  track?: <T>(work: Promise<T>) => Promise<T>;
  onValue?: (value: Response<C>) => void;
  onError?: (err: unknown) => void;
}

/**
 * useChannel that keeps showing the last good answer for the same request while a reload fails (a
 * provider refusing one refresh must not blank the taskings on screen); the failure is still in
 * `error`, for the note beside the list. A new request (another tasking) starts empty as usual.
 */
export function useKeptChannel<C extends Channel>(channel: C, request: Request<C> | null, hooks: Hooks<C>): Loaded<Response<C>> {
  const key = request === null ? null : JSON.stringify(request);
  const [kept, setKept] = useState<{ key: string; value: Response<C> } | null>(null);
  const { track, onValue, onError } = hooks;
  // Changes with the key, exactly when useChannel reads again anyway.
  const keep = useCallback(
    (value: Response<C>) => {
      if (key !== null) setKept({ key, value });
      onValue?.(value);
    },
    [key, onValue],
  );
  const loaded = useChannel(channel, request, useMemo(() => ({ track, onError, onValue: keep }), [track, onError, keep]));
  const value = loaded.value ?? (kept && kept.key === key ? kept.value : undefined);
  return { ...loaded, value, loading: loaded.loading && value === undefined };
}
