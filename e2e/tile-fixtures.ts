import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';

/** Test stand-ins for basemaps: an online XYZ tile server on 127.0.0.1 and an MBTiles file. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * A 256×256 RGBA tile: a frame of one colour, `border` pixels wide, transparent inside, so that the
 * map's pixels tell the tiles apart from Natural Earth, which shows through the middle of each tile.
 */
export function frameTilePng(rgb: [number, number, number], border = 12): Buffer {
  const size = 256;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) {
      const edge = x < border || y < border || x >= size - border || y >= size - border;
      if (!edge) continue;
      raw.set([rgb[0], rgb[1], rgb[2], 255], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const ONLINE_TILE_RGB: [number, number, number] = [214, 32, 168];
export const LOCAL_TILE_RGB: [number, number, number] = [24, 170, 64];

export interface TileServer {
  origin: string;
  /** Tile requests served so far. */
  requests: () => number;
  close: () => Promise<void>;
}

/** Serves the same framed PNG for every /{z}/{x}/{y}.png, with CORS (the app asks tiles anonymously). */
export async function startTileServer(): Promise<TileServer> {
  const png = frameTilePng(ONLINE_TILE_RGB);
  let served = 0;
  const server: Server = createServer((req, res) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404).end();
      return;
    }
    served++;
    res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
    res.end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An MBTiles file with every tile of zooms 0–3, as field teams' offline basemaps are laid out (TMS rows). */
export function writeMbtiles(path: string): void {
  const db = new Database(path);
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
           CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);`);
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of [['name', 'Field basemap'], ['format', 'png'], ['minzoom', '0'], ['maxzoom', '3'], ['attribution', 'Test tiles']]) meta.run(k, v);
  const png = frameTilePng(LOCAL_TILE_RGB);
  const tile = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (let z = 0; z <= 3; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) tile.run(z, x, y, png);
  db.close();
}
