import { describe, expect, it } from 'vitest';
import { backoffMs, parseRetryAfter } from './backoff';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('1', NOW)).toBe(1);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });
  it('reads an HTTP date as seconds from now, rounding up, and a past date as 0', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', NOW)).toBe(30);
    expect(parseRetryAfter(new Date(NOW + 1500).toUTCString(), NOW)).toBe(1);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', NOW)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    for (const v of [null, undefined, '', '   ', '-5', '1.5', 'soon', '12abc']) expect(parseRetryAfter(v, NOW)).toBeNull();
  });
});

describe('backoffMs', () => {
  it('grows exponentially with equal jitter: between half and all of the step', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(2, () => 0)).toBe(1000);
    expect(backoffMs(3, () => 1)).toBe(4000);
  });
  it('is capped', () => {
    expect(backoffMs(20, () => 1)).toBe(30_000);
    expect(backoffMs(20, () => 0)).toBe(15_000);
    expect(backoffMs(5, () => 1, { baseMs: 100, capMs: 250 })).toBe(250);
  });
  it('spreads clients out (different random draws, different waits, always in bounds)', () => {
    const waits = Array.from({ length: 50 }, () => backoffMs(2));
    expect(new Set(waits).size).toBeGreaterThan(10);
    for (const w of waits) expect(w >= 1000 && w <= 2000).toBe(true);
  });
});
