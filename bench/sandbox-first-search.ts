import { startSandbox } from '../src/sandbox/server';
import { FRANCE, YEAR } from './sandbox-areas';

/**
 * One fresh process, one sandbox, one country-sized search: prints the search's milliseconds as JSON.
 * `warm` waits for the background warm-up first (as a user does who opens the app and then draws an
 * AOI); `cold` turns it off. Run by sandbox-search.bench.ts, a new process per sample so nothing is shared.
 */
async function main(): Promise<void> {
  const warm = process.argv[2] === 'warm';
  const sandbox = await startSandbox({ port: 0, seed: 42, startTime: new Date('2025-06-01T00:00:00Z'), warm });
  await sandbox.warmed;
  const token = 'bench-token';
  sandbox.state.tokens.set(token, { token, provider: 'oneatlas', expiresAt: sandbox.state.now().getTime() + 86_400_000 });
  const t0 = performance.now();
  const res = await fetch(`${sandbox.baseUrls.oneatlas.search}/api/v2/opensearch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ itemsPerPage: 50, startPage: 1, acquisitionDate: YEAR, geometry: FRANCE }),
  });
  await res.json();
  const ms = performance.now() - t0;
  await sandbox.close();
  process.stdout.write(JSON.stringify({ ms, status: res.status }));
}

void main();
