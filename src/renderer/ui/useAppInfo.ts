import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { call } from '../api/client';

export interface Loadable<T> {
  value?: T;
  error?: string;
}

export function useAppInfo(): Loadable<AppInfo> {
  const [state, setState] = useState<Loadable<AppInfo>>({});
  useEffect(() => {
    call('app.info', {}).then(
      (value) => setState({ value }),
      (err: unknown) => setState({ error: err instanceof Error ? err.message : String(err) }),
    );
  }, []);
  return state;
}
