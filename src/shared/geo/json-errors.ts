/**
 * Where a JSON text is broken, as line and column an analyst can find in an editor.
 *
 * `JSON.parse` errors carry the position only in their message and only on some engines: V8 in
 * Node 22+ / recent Chromium says "at position N (line L column C)", Firefox says "at line L column
 * C", and Node 20's V8 says neither. So the message is read first, and when it is silent a small
 * scanner finds the first offending character itself (iterative, so a 50 MB file with deep nesting
 * cannot overflow the stack).
 */

export interface JsonErrorLocation {
  /** 0-based offset in UTF-16 code units, as `text[offset]`. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export function lineColumn(text: string, offset: number): JsonErrorLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: end - lineStart + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  return start + column - 1;
}

/** Location of a `JSON.parse` failure on `text`. */
export function locateJsonError(text: string, error: unknown): JsonErrorLocation {
  const message = error instanceof Error ? error.message : String(error);
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) {
    const line = Number(lc[1]);
    const column = Number(lc[2]);
    return { offset: offsetOf(text, line, column), line, column };
  }
  const position = /position (\d+)/i.exec(message);
  if (position) return lineColumn(text, Number(position[1]));
  return lineColumn(text, firstJsonErrorOffset(text) ?? text.length);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Offset of the first character that makes `text` invalid JSON (RFC 8259), or undefined if valid. */
export function firstJsonErrorOffset(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const stack: ('{' | '[')[] = [];
  let state: 'value' | 'key' | 'after' = 'value';
  const skipSpace = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** Consumes a string starting at text[i] === '"'; false (with i at the fault) when malformed. */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return false;
        i = ESCAPE.lastIndex;
        continue;
      }
      if (c < 0x20) return false;
      i++;
    }
    return false;
  };
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };

  for (;;) {
    skipSpace();
    if (state === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"' ? !string() : !(sticky(NUMBER) || sticky(LITERAL))) return i;
      state = 'after';
    } else if (state === 'key') {
      if (text[i] !== '"' || !string()) return i;
      skipSpace();
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (!top) return i < n ? i : undefined;
      const c = text[i];
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
