import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { createKeychainVault } from '../src/main/vault/keychain-vault';
import { PROVIDERS, type ProviderKind } from '../src/shared/domain/providers';
import { waitForLine } from '../e2e/child-process';

/**
 * Spawning the browser-mode host (`node out/main/web.js`) for benches, as bench/cold-start.bench.ts
 * does: a first run with the sandbox on a free port, the `ready: <url>` line read from its output.
 */

export const ROOT = join(__dirname, '..');
export const WEB_JS = join(ROOT, 'out/main/web.js');
export const INDEX_HTML = join(ROOT, 'out/renderer/index.html');

/**
 * A private copy of the built app (out/main + out/renderer) in a temp folder, so a rebuild by someone
 * else mid-bench cannot pull it away; its bare imports resolve through NODE_PATH (see hostEnv).
 * Returns the copied web.js; remove `dirname(dirname(dirname(webJs)))` afterwards.
 */
export function snapshotApp(): string {
  const html = readFileSync(INDEX_HTML, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-app-'));
  cpSync(join(ROOT, 'out'), join(dir, 'out'), { recursive: true });
  const copied = join(dir, 'out/renderer');
  const missing = [...html.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+)"/g)].map((m) => m[1]!).filter((a) => !existsSync(join(copied, a)));
  if (!existsSync(join(dir, 'out/main/web.js')) || missing.length > 0) throw new Error(`out/ changed while it was copied (missing ${missing.join(', ') || 'web.js'}): rebuild and retry`);
  return join(dir, 'out/main/web.js');
}

export const snapshotRoot = (webJs: string): string => dirname(dirname(dirname(webJs)));

export function hostEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DESK_DATA_DIR: dataDir, DESK_PORT: '0', NODE_PATH: join(ROOT, 'node_modules') };
  delete env['DESK_SANDBOX'];
  delete env['DESK_SANDBOX_PORT'];
  delete env['DESK_SANDBOX_ACCOUNTS'];
  return env;
}

export function spawnHost(dataDir: string, webJs = WEB_JS): ChildProcess {
  return spawn(process.execPath, [webJs], { cwd: ROOT, env: hostEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves to the launch URL (`http://127.0.0.1:<port>/#token=…`). */
export const waitForReady = (child: ChildProcess): Promise<string> => waitForLine(child, /ready: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/, 'host', 30_000);

/** The query turns the map test hook on; the token stays in the fragment where the client looks for it. */
export const withTestHook = (url: string): string => url.replace('/#', '/?map-test-hook#');

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Removes the keychain entries the host made for the sandbox accounts of this data folder (none without a keychain). */
export async function forgetSecrets(dataDir: string): Promise<void> {
  const file = join(dataDir, 'imagery-desk.sqlite');
  if (!existsSync(file)) return;
  const db = new Database(file, { readonly: true });
  let rows: { id: string; provider: ProviderKind }[];
  try {
    rows = db.prepare('SELECT id, provider FROM accounts').all() as { id: string; provider: ProviderKind }[];
  } finally {
    db.close();
  }
  const vault = createKeychainVault();
  if (!(await vault.status()).available) return;
  for (const row of rows) {
    for (const spec of PROVIDERS[row.provider]?.secrets ?? []) await vault.delete(row.id, spec.key).catch(() => undefined);
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
