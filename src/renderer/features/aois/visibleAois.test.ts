import { describe, expect, it } from 'vitest';
import { rowWindow, ROW_HEIGHT } from './AoiList';
import { visibleAois } from './visibleAois';

const many = Array.from({ length: 1000 }, (_, i) => ({ id: `id-${i}`, name: `Site ${i}` }));

describe('visibleAois', () => {
  it('lists every AOI without a filter, in order', () => {
    expect(visibleAois(many, '  ')).toBe(many);
  });
  it('filters by name, case-insensitively', () => {
    expect(visibleAois(many, 'site 99').map((a) => a.name)).toEqual(['Site 99', 'Site 990', 'Site 991', 'Site 992', 'Site 993', 'Site 994', 'Site 995', 'Site 996', 'Site 997', 'Site 998', 'Site 999']);
  });
});

describe('rowWindow', () => {
  it('renders the rows in sight and a few around them, never past the ends', () => {
    expect(rowWindow(0, 5 * ROW_HEIGHT, 3)).toEqual({ start: 0, end: 3 });
    expect(rowWindow(0, 5 * ROW_HEIGHT, 25_000)).toEqual({ start: 0, end: 9 });
    expect(rowWindow(1000 * ROW_HEIGHT, 5 * ROW_HEIGHT, 25_000)).toEqual({ start: 996, end: 1009 });
    expect(rowWindow(24_998 * ROW_HEIGHT, 5 * ROW_HEIGHT, 25_000)).toEqual({ start: 24_994, end: 25_000 });
    expect(rowWindow(0, 5 * ROW_HEIGHT, 0)).toEqual({ start: 0, end: 0 });
  });
});
