import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { call } from '../api/client';
import { messageOf } from '../api/errors';

export interface Loadable<T> {
  value?: T;
  error?: string;
}

export function useAppInfo(): Loadable<AppInfo> {
  const [state, setState] = useState<Loadable<AppInfo>>({});
  useEffect(() => {
    call('app.info', {}).then(
      (value) => setState({ value }),
      (err: unknown) => setState({ error: messageOf(err) }),
    );
  }, []);
  return state;
}
