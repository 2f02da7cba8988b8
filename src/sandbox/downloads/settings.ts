import type { SandboxState } from '../state';

/**
 * How product files are served, set through `/__admin/downloads`: the size of every file served from
 * now on, and an optional throttle so a UI can be watched downloading (and paused). A reset restores
 * the defaults, as the state's stores are cleared.
 */

export interface DownloadSettings {
  sizeBytes: number;
  /** null: as fast as the connection goes. */
  bytesPerSecond: number | null;
}

export const DEFAULT_DOWNLOADS: DownloadSettings = { sizeBytes: 4 * 1024 * 1024, bytesPerSecond: null };
export const MIN_SIZE_BYTES = 1024;
export const MAX_SIZE_BYTES = 2 * 1024 * 1024 * 1024;

export const downloadSettings = (state: SandboxState): DownloadSettings => state.store<DownloadSettings>('downloads.settings', () => ({ ...DEFAULT_DOWNLOADS }));

/** Applies a patch from the admin API; returns the error in one sentence, or undefined when applied. */
export function updateDownloadSettings(state: SandboxState, patch: Record<string, unknown>): string | undefined {
  const next = { ...downloadSettings(state) };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'sizeBytes') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_SIZE_BYTES || value > MAX_SIZE_BYTES) {
        return `sizeBytes must be a whole number of bytes from ${MIN_SIZE_BYTES} (1 KiB) to ${MAX_SIZE_BYTES} (2 GiB)`;
      }
      next.sizeBytes = value;
    } else if (key === 'bytesPerSecond') {
      if (value !== null && (typeof value !== 'number' || !Number.isInteger(value) || value < 1)) return 'bytesPerSecond must be a positive whole number, or null for no throttle';
      next.bytesPerSecond = value;
    } else {
      return `unknown download setting "${key}" (known: sizeBytes, bytesPerSecond)`;
    }
  }
  Object.assign(downloadSettings(state), next);
  return undefined;
}
