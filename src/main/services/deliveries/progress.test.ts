import { describe, expect, it } from 'vitest';
import { etaSeconds, megabytes, progressWords, RateMeter } from './progress';

describe('download rate and time left', () => {
  it('the rate is measured over the last few seconds, so a stall shows at once', () => {
    const m = new RateMeter(3_000);
    expect(m.rate(0)).toBeNull();
    for (let t = 0; t <= 10_000; t += 100) m.add(t, t * 1_000); // 1 MB/s (1,000 bytes per ms)
    expect(m.rate(10_000)).toBeCloseTo(1_000_000, -3);
    // Nothing more arrives for 3 s: the window holds only the stall.
    m.add(13_000, 10_000_000);
    expect(m.rate(13_000)).toBeLessThan(100_000);
  });

  it('needs a quarter of a second before it says anything; reset starts over', () => {
    const m = new RateMeter();
    m.add(0, 0);
    m.add(100, 50_000);
    expect(m.rate(100)).toBeNull();
    m.add(500, 250_000);
    expect(m.rate(500)).toBeCloseTo(500_000, -3);
    m.reset();
    expect(m.rate(600)).toBeNull();
  });

  it('time left is what remains at the rate; unknown without a total or a rate', () => {
    expect(etaSeconds(1_000, 4_000, 1_000)).toBe(3);
    expect(etaSeconds(1_000, null, 1_000)).toBeNull();
    expect(etaSeconds(1_000, 4_000, null)).toBeNull();
    expect(etaSeconds(1_000, 4_000, 0)).toBeNull();
  });

  it('sizes in sentences: one decimal, "of" the total when known', () => {
    expect(megabytes(2_202_009)).toBe('2.1 MB');
    expect(progressWords(2_202_009, 4 * 1_048_576)).toBe('2.1 of 4.0 MB');
    expect(progressWords(0, null)).toBe('0.0 MB');
  });
});
