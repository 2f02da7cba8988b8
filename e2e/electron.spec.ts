import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// The desktop journey needs Electron's runtime, which Electron downloads on first use. On machines
// where it is not installed (CI here cannot reach Electron's download host) this file reports a skip.
const ROOT = join(__dirname, '..');
const pathFile = join(ROOT, 'node_modules/electron/path.txt');
const binary = existsSync(pathFile) ? join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : '';
const available = binary !== '' && existsSync(binary);

test.describe('Electron app', () => {
  test.skip(!available, 'skipped: the Electron runtime is not installed on this machine (node_modules/electron/dist is missing)');

  test('opens a sandboxed window that shows the map and the accounts section', async () => {
    const app = await electron.launch({
      executablePath: binary,
      args: [ROOT],
      env: { ...process.env, DESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'desk-electron-')) },
    });
    const window = await app.firstWindow();
    await expect(window.getByRole('region', { name: 'Map' })).toBeVisible();
    await expect(window.getByRole('status', { name: 'Connection state' })).toContainText('Desktop');
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as unknown as { desk: object }).desk).sort())).toContain('accounts.list');
    await app.close();
  });
});
