import { describe, expect, it } from 'vitest';
import { referenceQuery } from './orders';

describe('the order-search clause for a customer reference', () => {
  it('keeps plain references as they are', () => {
    expect(referenceQuery('guide-002-order')).toBe('(customerReference:guide-002-order)');
    expect(referenceQuery('My order 12')).toBe('(customerReference:My order 12)');
  });
  it('turns query syntax into wildcards (the exact match is checked on the answer)', () => {
    expect(referenceQuery('a (b) "c" d*e:f')).toBe('(customerReference:a *b* *c* d*e*f)');
    expect(referenceQuery('x AND y OR z')).toBe('(customerReference:x*y*z)');
  });
});
