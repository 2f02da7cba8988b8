import { describe, expect, it } from 'vitest';
import { isLand } from '../geo/landmask';
import { startSandbox } from '../server';

describe('sandbox warm-up after start (#14)', () => {
  it('builds the catalogue set-up in the background, yielding to the event loop many times, and never fails the start', async () => {
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const sandbox = await startSandbox({ port: 0, seed: 7 });
    try {
      await sandbox.warmed;
      counting = false;
      // Each step of the land mask and each satellite's table gives the loop a turn: other requests are served meanwhile.
      expect(turns).toBeGreaterThan(20);
      expect(isLand([2.35, 48.86])).toBe(true); // Paris
      expect(isLand([-30, 0])).toBe(false); // mid-Atlantic
    } finally {
      await sandbox.close();
    }
  });

  it('can be turned off', async () => {
    const sandbox = await startSandbox({ port: 0, warm: false });
    await expect(sandbox.warmed).resolves.toBeUndefined();
    await sandbox.close();
  });
});
