// `npm start`: builds and launches the Electron app. Electron downloads its runtime on first use; where
// that runtime is missing and cannot be fetched, say so once and serve the same app in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { runWeb } from './web.mjs';

const root = new URL('..', import.meta.url).pathname;
const electronDir = join(root, 'node_modules/electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function ensureElectron() {
  if (!existsSync(join(electronDir, 'install.js'))) return undefined;
  if (!electronBinary()) {
    console.log('Fetching the Electron runtime (first start only)…');
    spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 120_000 });
  }
  return electronBinary();
}

buildIfStale();
const binary = ensureElectron();
if (binary) {
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'The Electron runtime is not installed on this machine and could not be downloaded, so Imagery Desk runs in browser mode instead: open the URL below in Chromium, Chrome, Edge or Firefox.',
  );
  runWeb();
}
