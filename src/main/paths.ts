import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** DESK_DATA_DIR wins (tests, portable installs); otherwise the platform's app-data folder. */
export function resolveDataDir(platformDefault?: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['DESK_DATA_DIR'];
  if (fromEnv) return fromEnv;
  if (platformDefault) return platformDefault;
  switch (process.platform) {
    case 'win32':
      return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Imagery Desk');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Imagery Desk');
    default:
      return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Imagery Desk');
  }
}

/**
 * Creates the data folder private to the user (0700): it holds order history and account details. A
 * folder from an older version (created 0755) is tightened when it is ours.
 */
export function ensurePrivateDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if ((st.mode & 0o077) !== 0 && typeof process.getuid === 'function' && st.uid === process.getuid()) chmodSync(dir, 0o700);
}
