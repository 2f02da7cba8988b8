import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextIndex } from '../../ui/listKeys';
import { scrollToReveal, visibleRange } from './windowing';

describe('visibleRange', () => {
  it('renders the rows in view plus the overscan', () => {
    expect(visibleRange({ count: 5000, rowHeight: 40, scrollTop: 4000, viewportHeight: 400, overscan: 3 })).toEqual({
      start: 97,
      end: 114,
      offsetTop: 3880,
      totalHeight: 200_000,
    });
  });

  it('handles empty lists, the top and a scrollTop left beyond a list that shrank', () => {
    expect(visibleRange({ count: 0, rowHeight: 40, scrollTop: 100, viewportHeight: 400, overscan: 3 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
    expect(visibleRange({ count: 3, rowHeight: 40, scrollTop: 0, viewportHeight: 400, overscan: 3 })).toMatchObject({ start: 0, end: 3 });
    expect(visibleRange({ count: 20, rowHeight: 40, scrollTop: 99_999, viewportHeight: 400, overscan: 0 })).toMatchObject({ start: 10, end: 20 });
  });

  it('always covers every row that intersects the viewport and never renders more than a screenful plus overscan', () => {
    fc.assert(
      fc.property(
        fc.nat(20_000),
        fc.integer({ min: 1, max: 100 }),
        fc.nat(1_000_000),
        fc.integer({ min: 0, max: 2000 }),
        fc.nat(10),
        (count, rowHeight, scrollTop, viewportHeight, overscan) => {
          const r = visibleRange({ count, rowHeight, scrollTop, viewportHeight, overscan });
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(count);
          expect(r.start).toBeLessThanOrEqual(r.end);
          expect(r.offsetTop).toBe(r.start * rowHeight);
          expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan);
          const top = Math.min(scrollTop, Math.max(0, count * rowHeight - viewportHeight));
          for (let i = Math.floor(top / rowHeight); i < count && i * rowHeight < top + viewportHeight; i++) {
            expect(i >= r.start && i < r.end).toBe(true);
          }
        },
      ),
    );
  });
});

describe('scrollToReveal', () => {
  it('moves only as far as needed', () => {
    expect(scrollToReveal({ index: 2, rowHeight: 40, scrollTop: 0, viewportHeight: 400 })).toBe(0);
    expect(scrollToReveal({ index: 10, rowHeight: 40, scrollTop: 0, viewportHeight: 400 })).toBe(40);
    expect(scrollToReveal({ index: 1, rowHeight: 40, scrollTop: 200, viewportHeight: 400 })).toBe(40);
  });

  it('always leaves the row fully visible when the viewport can hold it', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 80 }), fc.nat(500_000), fc.integer({ min: 80, max: 2000 }), (index, rowHeight, scrollTop, viewportHeight) => {
        const top = scrollToReveal({ index, rowHeight, scrollTop, viewportHeight });
        expect(index * rowHeight).toBeGreaterThanOrEqual(top);
        expect((index + 1) * rowHeight).toBeLessThanOrEqual(top + viewportHeight);
      }),
    );
  });
});

describe('nextIndex', () => {
  it('moves with arrows, pages, Home and End, clamped to the list', () => {
    expect(nextIndex('ArrowDown', -1, 10, 5)).toBe(0);
    expect(nextIndex('ArrowUp', -1, 10, 5)).toBe(0);
    expect(nextIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextIndex('ArrowUp', 0, 10, 5)).toBe(0);
    expect(nextIndex('PageDown', 3, 10, 5)).toBe(8);
    expect(nextIndex('PageUp', 3, 10, 5)).toBe(0);
    expect(nextIndex('Home', 5, 10, 5)).toBe(0);
    expect(nextIndex('End', 5, 10, 5)).toBe(9);
    expect(nextIndex('a', 5, 10, 5)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
