import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerReferenceError, newCustomerReference } from './customerReference';

describe('customer reference', () => {
  it('carries the UTC day and a random suffix', () => {
    expect(newCustomerReference(new Date('2024-05-02T23:30:00Z'), () => 0)).toBe('desk-20240502-aaaaaa');
    expect(newCustomerReference(new Date('2024-05-02T10:00:00Z'), () => 0.999999)).toBe('desk-20240502-999999');
  });

  it('is valid and shaped alike for any random source, and differs between calls by default', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (r) => {
        const ref = newCustomerReference(new Date('2025-01-01T00:00:00Z'), () => r);
        expect(ref).toMatch(/^desk-20250101-[a-z2-9]{6}$/);
        expect(customerReferenceError(ref)).toBeNull();
      }),
    );
    const refs = new Set(Array.from({ length: 50 }, () => newCustomerReference()));
    expect(refs.size).toBe(50);
  });

  it('refuses blank and over-long references', () => {
    expect(customerReferenceError('  ')).toBe('A customer reference is required.');
    expect(customerReferenceError('x'.repeat(101))).toBe('At most 100 characters.');
    expect(customerReferenceError(' PO-4411 ')).toBeNull();
  });
});
