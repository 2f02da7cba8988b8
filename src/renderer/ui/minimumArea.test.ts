import { describe, expect, it } from 'vitest';
import { minimumAreaWarning } from './minimumArea';

describe('minimumAreaWarning', () => {
  const product = { productLabel: 'Pléiades archive', minimumAreaKm2: 25 };
  it('warns below the minimum, naming both areas', () => {
    const text = minimumAreaWarning(12.3, product);
    expect(text).toContain('12.3');
    expect(text).toContain('25');
    expect(text).toContain('Pléiades archive');
  });
  it('is silent at or above the minimum, without a product or without a minimum', () => {
    expect(minimumAreaWarning(25, product)).toBeNull();
    expect(minimumAreaWarning(400, product)).toBeNull();
    expect(minimumAreaWarning(1, null)).toBeNull();
    expect(minimumAreaWarning(1, { productLabel: 'x', minimumAreaKm2: null })).toBeNull();
    expect(minimumAreaWarning(null, product)).toBeNull();
  });
});
