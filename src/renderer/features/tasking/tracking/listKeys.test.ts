import { describe, expect, it } from 'vitest';
import { nextRow, PAGE_ROWS } from './listKeys';

describe('list keys', () => {
  it('moves within the list and stops at its ends', () => {
    expect(nextRow('ArrowDown', -1, 3)).toBe(0);
    expect(nextRow('ArrowDown', 2, 3)).toBe(2);
    expect(nextRow('ArrowUp', -1, 3)).toBe(0);
    expect(nextRow('ArrowUp', 0, 3)).toBe(0);
    expect(nextRow('PageDown', 0, 20)).toBe(PAGE_ROWS);
    expect(nextRow('PageUp', 3, 20)).toBe(0);
    expect(nextRow('Home', 5, 20)).toBe(0);
    expect(nextRow('End', 5, 20)).toBe(19);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextRow('Enter', 0, 3)).toBeNull();
    expect(nextRow('ArrowDown', 0, 0)).toBeNull();
  });
});
