import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTileTemplate } from '../../../shared/domain/basemaps';
import { createBasemapsRepo } from '../../store/basemaps-repo';
import { openDatabase } from '../../store/database';
import { createBasemapsService } from './service';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const dirs: string[] = [];
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'basemaps-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'desk.sqlite'));
  return { dir, service: createBasemapsService({ repo: createBasemapsRepo(db) }) };
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function mbtiles(path: string, format = 'png') {
  const db = new Database(path);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  db.prepare('INSERT INTO metadata VALUES (?, ?)').run('format', format);
  db.prepare('INSERT INTO metadata VALUES (?, ?)').run('name', 'Field');
  // TMS row 1 at zoom 1 is the northern row: XYZ y = 0.
  db.prepare('INSERT INTO tiles VALUES (1, 0, 1, ?)').run(Buffer.concat([PNG, Buffer.from('north')]));
  db.close();
}

describe('tile URL templates', () => {
  it('accepts https and loopback http with {z} {x} {y}, and answers the exact origin', () => {
    expect(checkTileTemplate('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual({ ok: true, origin: 'https://tile.openstreetmap.org' });
    expect(checkTileTemplate('http://127.0.0.1:8080/t/{z}/{x}/{-y}.png')).toEqual({ ok: true, origin: 'http://127.0.0.1:8080' });
  });
  it('refuses http elsewhere, credentials, placeholders in the host and unknown placeholders', () => {
    for (const bad of [
      'http://tiles.example.com/{z}/{x}/{y}.png',
      'https://u:p@tiles.example.com/{z}/{x}/{y}.png',
      'https://{s}.tile.example.com/{z}/{x}/{y}.png',
      'https://{z}.example.com/{x}/{y}.png',
      'https://tiles.example.com/{z}/{x}.png',
      'javascript:alert(1)//{z}/{x}/{y}',
    ]) expect(checkTileTemplate(bad).ok, bad).toBe(false);
  });
});

describe('basemaps service', () => {
  it('stores online sources and lists their origins for the CSP', async () => {
    const { service } = setup();
    await service.add({ kind: 'xyz', name: 'OSM', template: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', maxZoom: 19 });
    const wmts = await service.add({ kind: 'wmts', name: 'Ortho', url: 'https://wmts.example.com/wmts', layer: 'ORTHO', matrixSet: 'PM', format: 'image/jpeg', attribution: '' });
    expect(wmts.template).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
    expect(service.tileOrigins()).toEqual(['https://tile.openstreetmap.org', 'https://wmts.example.com']);
    await service.remove(wmts.id);
    expect(service.tileOrigins()).toEqual(['https://tile.openstreetmap.org']);
    await expect(service.add({ kind: 'xyz', name: 'Bad', template: 'http://evil.example/{z}/{x}/{y}', attribution: '', maxZoom: 19 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('reads MBTiles tiles with the TMS row flipped, and null where there is none', async () => {
    const { dir, service } = setup();
    mbtiles(join(dir, 'field.mbtiles'));
    const source = await service.add({ kind: 'file', path: join(dir, 'field.mbtiles') });
    expect(source).toMatchObject({ kind: 'mbtiles', name: 'Field', origin: null });
    const north = await service.tile({ sourceId: source.id, z: 1, x: 0, y: 0 });
    expect(Buffer.from(north!.data, 'base64').subarray(8).toString()).toBe('north');
    expect(north!.type).toBe('image/png');
    expect(await service.tile({ sourceId: source.id, z: 1, x: 0, y: 1 })).toBeNull();
    expect(service.tileOrigins()).toEqual([]);
    await service.close();
  });

  it('refuses vector MBTiles, unknown files and relative paths with a clear message', async () => {
    const { dir, service } = setup();
    mbtiles(join(dir, 'vector.mbtiles'), 'pbf');
    await expect(service.add({ kind: 'file', path: join(dir, 'vector.mbtiles') })).rejects.toThrow(/vector tiles/);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    await expect(service.add({ kind: 'file', path: join(dir, 'notes.txt') })).rejects.toThrow(/Not an MBTiles or PMTiles/);
    await expect(service.add({ kind: 'file', path: 'relative.mbtiles' })).rejects.toThrow(/full path/);
  });
});
