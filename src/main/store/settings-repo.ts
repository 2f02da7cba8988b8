import type { Database } from 'better-sqlite3';
import { SETTINGS_DEFAULTS, type Settings } from '../../shared/domain/settings';

export function createSettingsRepo(db: Database) {
  const selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const setMany = db.transaction((patch: Partial<Settings>) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
  });

  return {
    get(): Settings {
      const stored: Record<string, unknown> = {};
      for (const row of selectAll.all()) stored[row.key] = JSON.parse(row.value);
      const merged: Record<string, unknown> = { ...SETTINGS_DEFAULTS };
      for (const key of Object.keys(SETTINGS_DEFAULTS)) {
        if (key in stored && typeof stored[key] === typeof merged[key]) merged[key] = stored[key];
      }
      return merged as Settings;
    },
    set(patch: Partial<Settings>): Settings {
      setMany(patch);
      return this.get();
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
