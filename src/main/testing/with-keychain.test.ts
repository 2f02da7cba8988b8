import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/with-keychain.sh wraps every keychain test run (npm test, CI): it must leave nothing behind and
// show a failing handler's stderr while the run goes on, not when it ends.
const script = join(__dirname, '../../../scripts/with-keychain.sh');
const scratchParent = mkdtempSync(join(tmpdir(), 'wk-test-'));
afterAll(() => rmSync(scratchParent, { recursive: true, force: true }));

function daemonsUsing(folder: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`XDG_RUNTIME_DIR=${folder}`)) pids.push(Number(entry));
    } catch {
      // a process that ended or is not ours to read
    }
  }
  return pids;
}

describe('scripts/with-keychain.sh', () => {
  it('keeps the exit code, streams stderr as it comes, removes its folder and stops its keyring daemon', async () => {
    const child = spawn(script, ['bash', '-c', 'echo "$XDG_RUNTIME_DIR"; echo first-failure >&2; sleep 1.5; exit 7'], {
      env: { ...process.env, TMPDIR: scratchParent },
    });
    let stdout = '';
    let stderrAt = 0;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      if (c.toString().includes('first-failure') && !stderrAt) stderrAt = Date.now();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const endedAt = Date.now();
    expect(code).toBe(7);
    expect(stderrAt, 'stderr line seen').toBeGreaterThan(0);
    expect(endedAt - stderrAt, 'stderr arrived while the command still ran').toBeGreaterThan(1000);
    const runtimeDir = stdout.trim();
    expect(runtimeDir.startsWith(scratchParent)).toBe(true);
    expect(readdirSync(scratchParent).filter((n) => n.startsWith('desk-keychain-'))).toEqual([]);
    expect(daemonsUsing(runtimeDir)).toEqual([]);
  });
});
