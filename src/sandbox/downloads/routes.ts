import { Readable } from 'node:stream';
import { requireOneAtlasBearer } from '../auth/guards';
import { SANDBOX_PREFIXES } from '../credentials';
import { findWorkspaceItem } from '../search/workspace';
import type { Handler, Mount, SandboxRequest } from '../types';
import { CHUNK_BYTES, digestOf, fileBytes, productFile } from './productFile';
import { readRange } from './range';
import { downloadSettings } from './settings';

/**
 * `GET|HEAD /api/v1/items/{id}/download` on the OneAtlas data host: the file of a product delivered
 * into the user's workspace (the `_links.download` of its opensearch feature), with the bearer token
 * like the quicklooks. Served in ranges for pause and resume, with its strong ETag and its sha-256
 * (`Repr-Digest`, and the legacy `Digest`) on every answer so a client can check what it stored.
 * The `cutDownloadNext` fault cuts a body halfway; `/__admin/downloads` sets the size and a throttle.
 */

const header = (req: SandboxRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** ASCII letters, digits, dot, dash and underscore only: safe in a quoted filename everywhere. */
const safeFileName = (name: string) => `${name.replace(/[^A-Za-z0-9._-]/g, '_') || 'product'}.tif`;

/** Yields the chunks no faster than `bytesPerSecond` (when set), and stops after `limit` bytes. */
async function* paced(chunks: Iterable<Buffer>, bytesPerSecond: number | null, limit: number): AsyncGenerator<Buffer> {
  const started = Date.now();
  let sent = 0;
  for (const chunk of chunks) {
    if (sent >= limit) return;
    const piece = chunk.length > limit - sent ? chunk.subarray(0, limit - sent) : chunk;
    if (bytesPerSecond) {
      // Each piece leaves when the rate says the bytes up to its end may have been sent.
      const wait = started + ((sent + piece.length) * 1000) / bytesPerSecond - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    yield piece;
    sent += piece.length;
  }
}

const download: Handler = async (req, ctx) => {
  const denied = requireOneAtlasBearer(req, ctx);
  if (denied) return denied;
  const { state } = ctx;
  const id = req.params['id'] ?? '';
  const item = findWorkspaceItem(state, id);
  if (!item) return { status: 404, body: { internalCode: 404, message: `Item ${id} is not in your workspace: only delivered products can be downloaded`, timestamp: Date.now() } };

  const settings = downloadSettings(state);
  const file = productFile(item, settings.sizeBytes);
  const digest = await digestOf(file);
  const etag = `"${digest.hex.slice(0, 32)}"`;
  const headers: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Repr-Digest': `sha-256=:${digest.base64}:`,
    Digest: `SHA-256=${digest.base64}`,
    'Content-Disposition': `attachment; filename="${safeFileName(item.sourceIdentifier || item.id)}"`,
  };
  // Range handling is defined for GET only (RFC 9110 §14.2): HEAD describes the whole file.
  const range = req.method === 'GET' ? readRange(header(req, 'range'), header(req, 'if-range'), etag, file.size) : { kind: 'full' as const };
  if (range.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.size}` }, body: { internalCode: 416, message: `Range not satisfiable: the file has ${file.size} bytes`, timestamp: Date.now() } };
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, file.size];
  headers['Content-Length'] = String(end - start);
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end - 1}/${file.size}`;
  const status = range.kind === 'partial' ? 206 : 200;
  if (req.method === 'HEAD') return { status, headers: { ...headers, 'Content-Type': 'image/tiff' } };

  let limit = end - start;
  if (state.faults.cutDownloadNext > 0) {
    state.faults.cutDownloadNext--;
    limit = Math.floor(limit / 2);
  }
  const rate = settings.bytesPerSecond;
  // Throttled, smaller chunks keep progress smooth (about eight a second).
  const chunkBytes = rate ? Math.min(CHUNK_BYTES, Math.max(1024, Math.floor(rate / 8))) : CHUNK_BYTES;
  return {
    status,
    headers,
    contentType: 'image/tiff',
    stream: () => Readable.from(paced(fileBytes(file, start, end, chunkBytes), rate, limit), { objectMode: false }),
  };
};

/** Downloads live on the data host, beside the quicklooks. */
export const downloadMounts: Mount[] = [
  {
    prefix: SANDBOX_PREFIXES.oneatlas.data,
    routes: [
      { method: 'GET', pattern: '/api/v1/items/:id/download', handler: download },
      { method: 'HEAD', pattern: '/api/v1/items/:id/download', handler: download },
    ],
  },
];
