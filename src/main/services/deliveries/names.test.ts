import { describe, expect, it } from 'vitest';
import { extensionFor, sanitizeFileName, uniqueFileName } from './names';

describe('download file names', () => {
  it('keeps a good name; strips folders, characters Windows refuses, trailing dots and spaces', () => {
    expect(sanitizeFileName('DS_PHR1A_2024.tif')).toBe('DS_PHR1A_2024.tif');
    expect(sanitizeFileName('../../secret.tif')).toBe('secret.tif');
    expect(sanitizeFileName('C:\\x\\a:b*c?.tif')).toBe('a_b_c_.tif');
    expect(sanitizeFileName('name. . ')).toBe('name.tif');
    expect(sanitizeFileName('tab\there\u0001.tif')).toBe('tab_here_.tif');
  });

  it('adds the extension when missing, guards reserved device names and hidden files, bounds the length', () => {
    expect(sanitizeFileName('Toulouse')).toBe('Toulouse.tif');
    expect(sanitizeFileName('Toulouse', '.jp2')).toBe('Toulouse.jp2');
    expect(sanitizeFileName('CON.tif')).toBe('CON_.tif');
    expect(sanitizeFileName('.hidden.tif')).toBe('_hidden.tif');
    expect(sanitizeFileName('')).toBe('product.tif');
    const long = sanitizeFileName(`${'x'.repeat(400)}.tif`);
    expect(long).toHaveLength(180);
    expect(long.endsWith('.tif')).toBe(true);
  });

  it('a taken name becomes “name (1).tif”, then (2) …, compared without case', () => {
    const taken = new Set(['a.tif', 'a (1).tif']);
    expect(uniqueFileName('b.tif', (c) => taken.has(c.toLowerCase()))).toBe('b.tif');
    expect(uniqueFileName('A.tif', (c) => taken.has(c.toLowerCase()))).toBe('A (2).tif');
    expect(uniqueFileName('noext', (c) => c === 'noext')).toBe('noext (1)');
  });

  it('media types map to extensions, TIFF by default', () => {
    expect(extensionFor('image/tiff')).toBe('.tif');
    expect(extensionFor('image/jp2; q=1')).toBe('.jp2');
    expect(extensionFor(null)).toBe('.tif');
  });
});
