/**
 * Reading the headers of a file download: where a partial answer starts and how long the file is
 * (Content-Range), the file's own name (Content-Disposition) and the whole-file checksum the server vouches
 * for (RFC 9530 `Repr-Digest`, or the older RFC 3230 `Digest`). Pure functions: no I/O.
 */

export interface ContentRange {
  /** First byte of this answer, or null for `bytes *\/size` (a 416 naming the size). */
  start: number | null;
  end: number | null;
  /** The whole representation's length, or null when the server says `*`. */
  size: number | null;
}

/** `bytes 100-199/1000`, `bytes 100-199/*`, `bytes *\/1000`; null when unreadable. */
export function parseContentRange(value: string | null | undefined): ContentRange | null {
  if (!value) return null;
  const m = /^\s*bytes\s+(?:(\d+)-(\d+)|\*)\s*\/\s*(\d+|\*)\s*$/i.exec(value);
  if (!m) return null;
  const size = m[3] === '*' ? null : Number(m[3]);
  if (m[1] === undefined) return size === null ? null : { start: null, end: null, size };
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end < start || (size !== null && end >= size)) return null;
  return { start, end, size };
}

export interface ExpectedDigest {
  /** The algorithm as we name it in Download.checksum (only sha-256 is computed). */
  algorithm: 'sha-256';
  /** Lower-case hex, as `sha256sum` prints it. */
  hex: string;
}

const SHA256_BYTES = 32;

function base64ToHex(b64: string): string | null {
  const clean = b64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return null;
  const bytes = Buffer.from(clean, 'base64');
  return bytes.length === SHA256_BYTES ? bytes.toString('hex') : null;
}

/**
 * The sha-256 a server gives for the whole file: `Repr-Digest: sha-256=:<base64>:` (RFC 9530, a structured
 * dictionary that may list several algorithms) first, else `Digest: SHA-256=<base64>`. Null when neither
 * names a well-formed sha-256.
 */
export function parseDigest(headers: { reprDigest?: string | null; digest?: string | null }): ExpectedDigest | null {
  for (const member of splitMembers(headers.reprDigest)) {
    const m = /^([a-z0-9-]+)\s*=\s*:([^:]*):/i.exec(member);
    if (m?.[1]?.toLowerCase() === 'sha-256') {
      const hex = base64ToHex(m[2] ?? '');
      if (hex) return { algorithm: 'sha-256', hex };
    }
  }
  for (const member of splitMembers(headers.digest)) {
    const eq = member.indexOf('=');
    if (eq > 0 && member.slice(0, eq).trim().toLowerCase() === 'sha-256') {
      const hex = base64ToHex(member.slice(eq + 1));
      if (hex) return { algorithm: 'sha-256', hex };
    }
  }
  return null;
}

// Base64 has no commas, so a plain split separates the members of both headers.
const splitMembers = (value: string | null | undefined): string[] => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** The file name a Content-Disposition proposes (`filename*` in UTF-8 preferred), without any folder part. */
export function parseDispositionName(value: string | null | undefined): string | null {
  if (!value) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(value);
  let name: string | null = null;
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(value);
    name = plain ? (plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : (plain[2] ?? '').trim()) : null;
  }
  if (!name) return null;
  // A server may send a path; only its last part is a name.
  const last = name.split(/[\\/]/).pop()?.trim() ?? '';
  return last || null;
}
