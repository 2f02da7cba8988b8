import { describe, expect, it } from 'vitest';
import { countdown } from './countdown';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('deadline countdown', () => {
  it('is coarse when far and to the second in the last hour', () => {
    expect(countdown(at((2 * 24 + 4) * 3_600_000 + 59_000), NOW)).toEqual({ text: '2 d 4 h', expired: false, urgent: false });
    expect(countdown(at(3 * 3_600_000 + 5 * 60_000), NOW)).toEqual({ text: '3 h 05 min', expired: false, urgent: false });
    expect(countdown(at(12 * 60_000 + 5_000), NOW)).toEqual({ text: '12 min 05 s', expired: false, urgent: true });
  });
  it('says when the deadline has passed', () => {
    expect(countdown(at(0), NOW)).toMatchObject({ expired: true, text: 'deadline passed' });
    expect(countdown(at(-5_000), NOW).expired).toBe(true);
  });
});
