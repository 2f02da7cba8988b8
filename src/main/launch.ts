import { startSandbox, type SandboxServer } from '../sandbox/server';
import { join } from 'node:path';
import { createDesk, DATABASE_FILE, type Desk, type DeskOptions } from './desk';
import { DatabaseUnusableError, moveDatabaseAside } from './store/database';

export interface Launched {
  desk: Desk;
  /** Null when DESK_SANDBOX=off: the app then runs on what it stored and on real providers only. */
  sandbox: SandboxServer | null;
  close(): Promise<void>;
}

/**
 * Starts what both hosts need: the embedded provider sandbox on a loopback port (DESK_SANDBOX_PORT or a
 * free one) and the back end wired to it, with the sandbox accounts made or moved to its port.
 * DESK_SANDBOX=off starts the back end alone.
 */
export async function launchDesk(opts: Omit<DeskOptions, 'sandboxOrigin'>, env: NodeJS.ProcessEnv = process.env): Promise<Launched> {
  if (env['DESK_SANDBOX'] === 'off') {
    // Offline rehearsal and locked-down installs: no simulator; sandbox accounts keep their last address.
    const desk = createDesk(opts);
    settleInBackground(desk, opts.log);
    return { desk, sandbox: null, close: async () => desk.close() };
  }
  const port = env['DESK_SANDBOX_PORT'] ? Number(env['DESK_SANDBOX_PORT']) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DESK_SANDBOX_PORT must be a port number, not "${env['DESK_SANDBOX_PORT']}"`);
  const sandbox = await startSandbox({ port });
  try {
    const desk = createDesk({ ...opts, sandboxOrigin: sandbox.origin });
    // For deployments that must not show simulated accounts: decided before the first run.
    if (env['DESK_SANDBOX_ACCOUNTS'] === 'off') await desk.registry.dispatch('settings.set', { createSandboxAccounts: false });
    await desk.syncSandboxAccounts(sandbox.baseUrls);
    settleInBackground(desk, opts.log);
    return {
      desk,
      sandbox,
      close: async () => {
        desk.close();
        await sandbox.close();
      },
    };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}

/** Orders a crash left unconfirmed are looked up once the app is up; the window never waits for it. */
function settleInBackground(desk: Desk, log?: (msg: string) => void): void {
  desk.settleOrders().then(
    (left) => left > 0 && log?.(`${left} order(s) could not be confirmed yet; Orders › Refresh checks again.`),
    (err: unknown) => log?.(`Checking unconfirmed orders failed: ${err instanceof Error ? err.message : String(err)}`),
  );
}

/**
 * Launches; when the database cannot be used, asks the host (a dialog under Electron, an environment
 * switch in browser mode) whether to move it aside — kept under a dated name, never deleted — and start
 * with a new one. Answers where the old file went, or throws the refusal when the user declines.
 */
export async function launchWithRecovery(
  opts: Omit<DeskOptions, 'sandboxOrigin'>,
  moveAside: (err: DatabaseUnusableError) => Promise<boolean> | boolean,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Launched & { movedAside: string | null }> {
  try {
    return { ...(await launchDesk(opts, env)), movedAside: null };
  } catch (err) {
    if (!(err instanceof DatabaseUnusableError) || !(await moveAside(err))) throw err;
    const movedAside = moveDatabaseAside(join(opts.dataDir, DATABASE_FILE));
    return { ...(await launchDesk(opts, env)), movedAside };
  }
}
