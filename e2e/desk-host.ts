import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { stopChild, waitForLine } from './child-process';

const ROOT = join(__dirname, '..');

/** One browser-mode host process with its own data folder; restartable to prove nothing is lost. */
export class DeskHost {
  private child?: ChildProcess;
  url = '';
  readonly dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));

  /** Extra environment for the host, e.g. `{ DESK_SANDBOX: 'off' }` to start without the sandbox. */
  async start(env: Record<string, string> = {}): Promise<string> {
    const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js')], {
      cwd: ROOT,
      env: { ...process.env, ...env, DESK_DATA_DIR: this.dataDir, DESK_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.url = await waitForLine(child, /ready: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/, 'host');
    return this.url;
  }

  async stop(): Promise<void> {
    await stopChild(this.child);
  }

  /** Stops and starts again on the same data folder; `env` applies to the new process only. */
  async restart(env: Record<string, string> = {}): Promise<string> {
    await this.stop();
    return this.start(env);
  }

  dispose(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export const test = base.extend<{ desk: DeskHost }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    const host = new DeskHost();
    await host.start();
    await use(host);
    await host.stop();
    host.dispose();
  },
});
export { expect } from '@playwright/test';
