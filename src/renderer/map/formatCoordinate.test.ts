import { describe, expect, it } from 'vitest';
import { formatLatLon } from './formatCoordinate';

describe('formatLatLon', () => {
  it('shows latitude first with five decimals and hemisphere letters', () => {
    expect(formatLatLon(48.856614, 2.3522219)).toBe('48.85661° N 2.35222° E');
    expect(formatLatLon(-33.8688, -151.2093)).toBe('33.86880° S 151.20930° W');
  });

  it('never labels a value that rounds to zero as south or west', () => {
    expect(formatLatLon(-0.000001, -0.000004)).toBe('0.00000° N 0.00000° E');
  });
});
