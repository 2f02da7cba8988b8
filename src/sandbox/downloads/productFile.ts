import { createCipheriv, createHash, type Cipher } from 'node:crypto';
import type { Item } from '../search/query';
import { tiffHeader } from './tiff';

/**
 * The file a delivered product downloads as: a GeoTIFF header (./tiff) followed by pseudo-random
 * pixels, a pure function of the item and the file size. Nothing is ever held whole in memory: any
 * byte range is generated on demand from an AES-128-CTR keystream keyed by the item id, which can
 * start at any offset, so ranges, resumes and full downloads all read the same bytes. The sha-256
 * of a file is computed once, streaming, and cached.
 */

export interface ProductFile {
  item: Item;
  size: number;
  header: Buffer;
  /** Identifies the content: same key, same bytes (and digest). */
  contentKey: string;
}

export interface FileDigest {
  /** sha-256 of the whole file, hex and base64. */
  hex: string;
  base64: string;
}

const BLOCK = 16;
export const CHUNK_BYTES = 64 * 1024;

export function productFile(item: Item, size: number): ProductFile {
  const header = tiffHeader({ sizeBytes: size, bbox: item.bbox, description: `${item.sourceIdentifier} (Imagery Desk sandbox product ${item.id})` });
  return { item, size, header: header.subarray(0, Math.min(header.length, size)), contentKey: `${item.id}|${size}|${createHash('sha256').update(header).digest('hex')}` };
}

function keystream(file: ProductFile, offset: number): { cipher: Cipher; skip: number } {
  const secret = createHash('sha256').update(`imagery-desk-sandbox-product|${file.item.id}`).digest();
  const iv = Buffer.alloc(BLOCK);
  secret.copy(iv, 0, 16, 24);
  // The low 64 bits count blocks from the start of the file: a 2 GiB file never carries into the prefix.
  iv.writeBigUInt64BE(BigInt(Math.floor(offset / BLOCK)), 8);
  return { cipher: createCipheriv('aes-128-ctr', secret.subarray(0, 16), iv), skip: offset % BLOCK };
}

/** The bytes [start, end) in chunks of at most `chunkBytes`, generated as they are asked for. */
export function* fileBytes(file: ProductFile, start: number, end: number, chunkBytes = CHUNK_BYTES): Generator<Buffer> {
  const { cipher, skip } = keystream(file, start);
  if (skip > 0) cipher.update(Buffer.alloc(skip));
  for (let at = start; at < end; ) {
    const n = Math.min(chunkBytes, end - at);
    const chunk = cipher.update(Buffer.alloc(n));
    if (at < file.header.length) file.header.copy(chunk, 0, at, Math.min(file.header.length, at + n));
    yield chunk;
    at += n;
  }
}

const digests = new Map<string, Promise<FileDigest>>();
const MAX_CACHED = 64;

/** The whole file's sha-256: computed once per content, yielding to the event loop as it goes. */
export function digestOf(file: ProductFile): Promise<FileDigest> {
  let cached = digests.get(file.contentKey);
  if (!cached) {
    cached = computeDigest(file);
    if (digests.size >= MAX_CACHED) digests.delete(digests.keys().next().value as string);
    digests.set(file.contentKey, cached);
  }
  return cached;
}

async function computeDigest(file: ProductFile): Promise<FileDigest> {
  const hash = createHash('sha256');
  let sinceYield = 0;
  for (const chunk of fileBytes(file, 0, file.size, 1024 * 1024)) {
    hash.update(chunk);
    sinceYield += chunk.length;
    if (sinceYield >= 8 * 1024 * 1024) {
      sinceYield = 0;
      await new Promise((r) => setImmediate(r));
    }
  }
  const digest = hash.digest();
  return { hex: digest.toString('hex'), base64: digest.toString('base64') };
}
