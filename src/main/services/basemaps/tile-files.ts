import { open, type FileHandle } from 'node:fs/promises';
import { openSync, readSync, closeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { DeskFailure } from '../../errors';

/** One tile: its bytes and their image type. */
export interface TileBytes {
  data: Buffer;
  type: string;
}

/** A local tile file, opened once and read per tile; raster tiles only. */
export interface TileFile {
  kind: 'mbtiles' | 'pmtiles';
  name: string;
  attribution: string;
  minZoom: number;
  maxZoom: number;
  tile(z: number, x: number, y: number): Promise<TileBytes | null>;
  close(): Promise<void>;
}

const RASTER = new Set(['png', 'jpg', 'jpeg', 'webp']);
const VECTOR_REFUSAL = 'This file holds vector tiles; only raster tiles (PNG, JPEG, WebP) can be shown as a basemap.';

/** The image type from the bytes themselves: a file's metadata may be missing or wrong. */
export function sniffImageType(data: Uint8Array): string {
  if (data[0] === 0x89 && data[1] === 0x50) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data[8] === 0x57 && data[9] === 0x45 && data[10] === 0x42 && data[11] === 0x50) return 'image/webp';
  return 'application/octet-stream';
}

/** MBTiles 1.3: a SQLite file read-only; rows are TMS (y counted from the south), the map asks XYZ. */
function openMbtiles(path: string): TileFile {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new DeskFailure('UNSUPPORTED', `Could not open the MBTiles file: ${err instanceof Error ? err.message : String(err)}`, { field: 'path' });
  }
  try {
    const meta = new Map(db.prepare<[], { name: string; value: string }>('SELECT name, value FROM metadata').all().map((r) => [r.name, r.value]));
    const format = (meta.get('format') ?? 'png').toLowerCase();
    if (!RASTER.has(format)) throw new DeskFailure('UNSUPPORTED', VECTOR_REFUSAL, { field: 'path' });
    const select = db.prepare<[number, number, number], { tile_data: Buffer }>(
      'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
    );
    return {
      kind: 'mbtiles',
      name: meta.get('name') ?? '',
      attribution: meta.get('attribution') ?? '',
      minZoom: Number(meta.get('minzoom') ?? 0) || 0,
      maxZoom: Number(meta.get('maxzoom') ?? 19) || 19,
      tile: (z, x, y) => {
        const row = select.get(z, x, (1 << z) - 1 - y);
        return Promise.resolve(row ? { data: row.tile_data, type: sniffImageType(row.tile_data) } : null);
      },
      close: () => Promise.resolve(void db.close()),
    };
  } catch (err) {
    db.close();
    if (err instanceof DeskFailure) throw err;
    throw new DeskFailure('UNSUPPORTED', 'Not an MBTiles file (no metadata or tiles table).', { field: 'path' });
  }
}

/** pmtiles reads through a Source; this one reads byte ranges from a local file. */
class NodeFileSource implements Source {
  constructor(
    private readonly handle: FileHandle,
    private readonly path: string,
  ) {}
  getKey(): string {
    return this.path;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, offset);
    return { data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + bytesRead) as ArrayBuffer };
  }
}

const PM_TYPES: Partial<Record<TileType, string>> = { [TileType.Png]: 'image/png', [TileType.Jpeg]: 'image/jpeg', [TileType.Webp]: 'image/webp' };

async function openPmtiles(path: string): Promise<TileFile> {
  const handle = await open(path, 'r');
  try {
    const archive = new PMTiles(new NodeFileSource(handle, path));
    const header = await archive.getHeader();
    const type = PM_TYPES[header.tileType];
    if (!type) throw new DeskFailure('UNSUPPORTED', header.tileType === TileType.Mvt ? VECTOR_REFUSAL : 'Unsupported PMTiles tile type.', { field: 'path' });
    const metadata = ((await archive.getMetadata().catch(() => ({}))) ?? {}) as { name?: string; attribution?: string };
    return {
      kind: 'pmtiles',
      name: typeof metadata.name === 'string' ? metadata.name : '',
      attribution: typeof metadata.attribution === 'string' ? metadata.attribution : '',
      minZoom: header.minZoom,
      maxZoom: header.maxZoom,
      tile: async (z, x, y) => {
        const found = await archive.getZxy(z, x, y);
        return found ? { data: Buffer.from(found.data), type } : null;
      },
      close: () => handle.close(),
    };
  } catch (err) {
    await handle.close();
    if (err instanceof DeskFailure) throw err;
    throw new DeskFailure('UNSUPPORTED', `Not a readable PMTiles file: ${err instanceof Error ? err.message : String(err)}`, { field: 'path' });
  }
}

/** Opens a tile file by what its first bytes say it is (SQLite → MBTiles, "PMTiles" → PMTiles). */
export async function openTileFile(path: string): Promise<TileFile> {
  let head = Buffer.alloc(16);
  try {
    const fd = openSync(path, 'r');
    try {
      head = head.subarray(0, readSync(fd, head, 0, 16, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new DeskFailure('NOT_FOUND', `No readable file at ${path}.`, { field: 'path' });
  }
  if (head.toString('latin1', 0, 7) === 'PMTiles') return openPmtiles(path);
  if (head.toString('latin1', 0, 15) === 'SQLite format 3') return openMbtiles(path);
  throw new DeskFailure('UNSUPPORTED', 'Not an MBTiles or PMTiles file.', { field: 'path' });
}
