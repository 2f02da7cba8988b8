import { join } from 'node:path';
import { launchDesk } from './launch';
import { startWebHost } from './hosts/web';
import { resolveDataDir } from './paths';
import { createKeychainVault } from './vault/keychain-vault';

// Browser mode under plain Node: the same back end as Electron, served on 127.0.0.1.
async function main(): Promise<void> {
  const dataDir = resolveDataDir();
  const port = process.env['DESK_PORT'] ? Number(process.env['DESK_PORT']) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DESK_PORT must be a port number, not "${process.env['DESK_PORT']}"`);
  const { desk, sandbox, close } = await launchDesk({
    dataDir,
    host: 'web',
    version: process.env['npm_package_version'] ?? '0.1.0',
    vault: createKeychainVault(),
    log: (msg) => console.error(msg),
  });
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
  process.exit(1);
});
