import { SettingsPatchSchema, SettingsSchema } from '../../domain/settings';
import { channelsOf, Empty } from './define';

export const settingsContract = channelsOf('settings')({
  'settings.get': { request: Empty, response: SettingsSchema },
  'settings.set': { request: SettingsPatchSchema, response: SettingsSchema },
});
