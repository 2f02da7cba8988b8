import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstJsonErrorOffset, lineColumn, locateJsonError } from './json-errors';

describe('locateJsonError', () => {
  const text = '{\n  "type": "Polygon",\n  "coordinates": [x]\n}';
  const offset = text.indexOf('x');

  it('reads "line L column C" (Firefox, recent V8)', () => {
    expect(locateJsonError(text, new SyntaxError('Unexpected token at line 3 column 19 of the JSON data'))).toEqual({ offset, line: 3, column: 19 });
  });

  it('reads "position N" (V8 in Node 21–22)', () => {
    expect(locateJsonError(text, new SyntaxError(`Unexpected token 'x', ... is not valid JSON at position ${offset}`))).toEqual({ offset, line: 3, column: 19 });
  });

  it('finds the place itself when the message is silent (Node 20)', () => {
    expect(locateJsonError(text, new SyntaxError(`Unexpected token 'x', "..." is not valid JSON`))).toEqual({ offset, line: 3, column: 19 });
  });

  it('agrees with whatever this engine reports', () => {
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    expect(locateJsonError(text, error)).toEqual({ offset, line: 3, column: 19 });
  });

  it('counts columns from 1 and lines from 1', () => {
    expect(lineColumn('abc', 0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(lineColumn('a\r\nbc', 4)).toEqual({ offset: 4, line: 2, column: 2 });
  });
});

describe('firstJsonErrorOffset', () => {
  it.each([
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['"unterminated', 13],
    ['[01]', 2],
    ['{"a": tru}', 6],
    ['"bad \\x escape"', 5],
    ['{} {}', 3],
    ['', 0],
  ])('%j fails at %i', (input, at) => {
    expect(firstJsonErrorOffset(input)).toBe(at);
  });

  it('accepts exactly what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, -1)), fc.json().map((j) => `${j},`)), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(firstJsonErrorOffset(text) === undefined).toBe(valid);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles deep nesting without recursion', () => {
    expect(firstJsonErrorOffset('['.repeat(200_000) + ']'.repeat(200_000))).toBeUndefined();
  });
});
