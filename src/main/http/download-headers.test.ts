import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseContentRange, parseDigest, parseDispositionName } from './download-headers';

const sha = createHash('sha256').update('imagery').digest();
const b64 = sha.toString('base64');
const hex = sha.toString('hex');

describe('download headers', () => {
  it('Repr-Digest (RFC 9530) is read first, among other algorithms, as hex', () => {
    expect(parseDigest({ reprDigest: `sha-512=:${Buffer.alloc(64).toString('base64')}:, sha-256=:${b64}:` })).toEqual({ algorithm: 'sha-256', hex });
    expect(parseDigest({ reprDigest: `sha-256=:${b64}:`, digest: `SHA-256=${Buffer.alloc(32).toString('base64')}` })?.hex).toBe(hex);
  });

  it('the legacy Digest header is used when Repr-Digest is absent, whatever the case of its algorithm', () => {
    expect(parseDigest({ digest: `MD5=abc, SHA-256=${b64}` })).toEqual({ algorithm: 'sha-256', hex });
    expect(parseDigest({ digest: `sha-256=${b64}` })?.hex).toBe(hex);
  });

  it('no digest, another algorithm only, or a value that is not 32 bytes of base64: null', () => {
    expect(parseDigest({})).toBeNull();
    expect(parseDigest({ reprDigest: `sha-512=:${b64}:` })).toBeNull();
    expect(parseDigest({ reprDigest: 'sha-256=:abcd:' })).toBeNull();
    expect(parseDigest({ digest: 'SHA-256=not base64!' })).toBeNull();
  });

  it('Content-Range: a part, an unknown total, a 416’s size; nonsense is null', () => {
    expect(parseContentRange('bytes 100-199/1000')).toEqual({ start: 100, end: 199, size: 1000 });
    expect(parseContentRange('bytes 100-199/*')).toEqual({ start: 100, end: 199, size: null });
    expect(parseContentRange('bytes */1000')).toEqual({ start: null, end: null, size: 1000 });
    expect(parseContentRange('bytes 200-100/1000')).toBeNull();
    expect(parseContentRange('bytes 0-1000/1000')).toBeNull();
    expect(parseContentRange('items 1-2/3')).toBeNull();
    expect(parseContentRange(null)).toBeNull();
  });

  it('Content-Disposition: filename* (UTF-8) wins over filename; only the last path part is a name', () => {
    expect(parseDispositionName('attachment; filename="IMG_PHR.tif"')).toBe('IMG_PHR.tif');
    expect(parseDispositionName(`attachment; filename="fallback.tif"; filename*=UTF-8''Toulouse%20%C3%A9t%C3%A9.tif`)).toBe('Toulouse été.tif');
    expect(parseDispositionName('attachment; filename=plain.tif')).toBe('plain.tif');
    expect(parseDispositionName('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(parseDispositionName('attachment; filename="a\\\\b\\"c.tif"')).toBe('b"c.tif');
    expect(parseDispositionName('attachment')).toBeNull();
  });
});
