// `npm run web`: browser mode. Builds if needed, then serves the main-process handlers and the built
// renderer on 127.0.0.1 (DESK_PORT, DESK_DATA_DIR honoured) and prints the URL to open.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

const root = new URL('..', import.meta.url).pathname;

export function runWeb() {
  buildIfStale();
  const child = spawn(process.execPath, [join(root, 'out/main/web.js')], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) runWeb();
