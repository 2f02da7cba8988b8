import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, pdfFileName } from './pdf';

const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));

describe('quotation PDF', () => {
  it('decodes base64, line breaks included', () => {
    expect([...base64ToBytes('JVBERi0x\nLjQ=')]).toEqual([...new TextEncoder().encode('%PDF-1.4')]);
    expect(() => base64ToBytes('@@@')).toThrow();
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect([...base64ToBytes(toBase64(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it('names the file safely', () => {
    expect(pdfFileName('QUO22054547.pdf', 'x')).toBe('QUO22054547.pdf');
    expect(pdfFileName('a/b:c', 'x')).toBe('a_b_c.pdf');
    expect(pdfFileName('  ', 'QUO1')).toBe('QUO1.pdf');
  });
});
