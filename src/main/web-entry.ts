import { join } from 'node:path';
import { launchWithRecovery } from './launch';
import { DatabaseUnusableError } from './store/database';
import { startWebHost } from './hosts/web';
import { resolveDataDir } from './paths';
import { createKeychainVault } from './vault/keychain-vault';

// Browser mode under plain Node: the same back end as Electron, served on 127.0.0.1.
async function main(): Promise<void> {
  const dataDir = resolveDataDir();
  const port = process.env['DESK_PORT'] ? Number(process.env['DESK_PORT']) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DESK_PORT must be a port number, not "${process.env['DESK_PORT']}"`);
  // Browser mode has no dialog: an unusable database is moved aside (kept) only when asked to by this switch.
  const moveAside = process.env['DESK_MOVE_UNUSABLE_DATABASE'] === '1';
  const { desk, sandbox, close, movedAside } = await launchWithRecovery(
    { dataDir, host: 'web', version: process.env['npm_package_version'] ?? '0.1.0', vault: createKeychainVault(), log: (msg) => console.error(msg) },
    () => moveAside,
  );
  if (movedAside) console.log(`The unusable database was moved aside to ${movedAside}; a new one was started.`);
  const host = await startWebHost({
    registry: desk.registry,
    staticDir: join(__dirname, '../renderer'),
    port,
    tileOrigins: () => desk.tileOrigins(),
  });
  console.log(`Imagery Desk (browser mode) is ready: ${host.url}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(`Provider sandbox: ${sandbox ? sandbox.origin : 'off (DESK_SANDBOX=off)'}`);
  const stop = () => {
    void host
      .close()
      .then(close)
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Imagery Desk could not start: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof DatabaseUnusableError) console.error('To move it aside and start with a new database, start again with DESK_MOVE_UNUSABLE_DATABASE=1.');
  process.exit(1);
});
