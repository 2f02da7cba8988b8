import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { SettingsRepo } from '../../store/settings-repo';

export function settingsHandlers(settings: SettingsRepo): FeatureHandlers<'settings'> {
  return {
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };
}
