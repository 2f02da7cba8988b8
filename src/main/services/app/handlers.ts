import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { AppInfo } from '../../../shared/ipc/contract';

/** What the app says about itself: version, host, data folder, keychain and sandbox. */
export function appHandlers(deps: { info(): Promise<AppInfo> }): FeatureHandlers<'app'> {
  return {
    'app.info': () => deps.info(),
  };
}
