import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDataDir } from './paths';

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'desk-paths-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ensurePrivateDataDir (#14)', () => {
  it('creates the data folder 0700', () => {
    const dir = join(root, 'a', 'Imagery Desk');
    ensurePrivateDataDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('tightens a folder an older version created 0755', () => {
    const dir = join(root, 'Imagery Desk');
    ensurePrivateDataDir(dir);
    chmodSync(dir, 0o755);
    ensurePrivateDataDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
