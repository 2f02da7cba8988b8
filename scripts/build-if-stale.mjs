// Builds with electron-vite when the output is missing or older than any source file, so `npm start`
// and `npm run web` always serve what is in src/ without paying for a rebuild every time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outputs = ['out/main/index.js', 'out/main/web.js', 'out/main/sandbox.js', 'out/preload/index.js', 'out/renderer/index.html'].map((f) => join(root, f));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function buildIfStale() {
  const sources = Math.max(
    newestMtime(join(root, 'src')),
    ...['electron.vite.config.ts', 'package.json'].map((f) => statSync(join(root, f)).mtimeMs),
  );
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  if (built >= sources) return;
  console.log('Building Imagery Desk…');
  const result = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
}
