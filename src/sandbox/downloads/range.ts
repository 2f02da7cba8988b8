/**
 * HTTP range requests (RFC 9110 §14) for one representation of `size` bytes: a single
 * `bytes=first-last`, `bytes=first-` or `bytes=-suffix` range is served as 206; a range starting at or
 * past the end is 416; anything else (other units, several ranges, malformed) is ignored, which the
 * RFC allows, and the whole file is served. `If-Range` with anything but the current strong ETag
 * means the client's partial copy is stale: it gets the whole file.
 */

export type RangeAnswer = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const FULL: RangeAnswer = { kind: 'full' };

/** `end` is exclusive in the answer (the Content-Range header shows it inclusive). */
export function readRange(range: string | undefined, ifRange: string | undefined, etag: string, size: number): RangeAnswer {
  if (range === undefined) return FULL;
  if (ifRange !== undefined && ifRange.trim() !== etag) return FULL;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  if (!m || (m[1] === '' && m[2] === '')) return FULL;
  const [first, last] = [m[1] ?? '', m[2] ?? ''];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return FULL;
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: last === '' ? size : Math.min(size, Number(last) + 1) };
}
