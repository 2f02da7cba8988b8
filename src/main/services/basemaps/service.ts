import { randomUUID } from 'node:crypto';
import { basename, isAbsolute } from 'node:path';
import type { z } from 'zod';
import { checkTileTemplate, wmtsKvpTemplate, type BasemapSource } from '../../../shared/domain/basemaps';
import type { BasemapAddSchema } from '../../../shared/ipc/contract/basemaps';
import { DeskFailure } from '../../errors';
import type { BasemapsRepo } from '../../store/basemaps-repo';
import { openTileFile, type TileFile } from './tile-files';

export type BasemapAdd = z.output<typeof BasemapAddSchema>;

export interface BasemapsServiceDeps {
  repo: BasemapsRepo;
  now?: () => string;
}

/**
 * The user's basemaps: online sources (validated templates whose origins the CSP then allows) and
 * local tile files read here, in main, and handed to the renderer tile by tile.
 */
export function createBasemapsService(deps: BasemapsServiceDeps) {
  const now = deps.now ?? (() => new Date().toISOString());
  // Files stay open while the app runs: a basemap asks for dozens of tiles per view.
  const files = new Map<string, Promise<TileFile>>();

  function fileOf(source: BasemapSource): Promise<TileFile> {
    let file = files.get(source.id);
    if (!file) {
      file = openTileFile(source.path ?? '');
      files.set(source.id, file);
      file.catch(() => files.delete(source.id));
    }
    return file;
  }

  function online(name: string, kind: 'xyz' | 'wmts', template: string, attribution: string, maxZoom: number): BasemapSource {
    const check = checkTileTemplate(template);
    if (!check.ok) throw new DeskFailure('INVALID_REQUEST', check.message, { field: kind === 'xyz' ? 'template' : 'url' });
    return { id: randomUUID(), name, kind, template, path: null, attribution, origin: check.origin, minZoom: 0, maxZoom, createdAt: now() };
  }

  async function add(request: BasemapAdd): Promise<BasemapSource> {
    let source: BasemapSource;
    if (request.kind === 'xyz') source = online(request.name, 'xyz', request.template.trim(), request.attribution, request.maxZoom);
    else if (request.kind === 'wmts') {
      const template = wmtsKvpTemplate(request.url.trim(), request.layer, request.matrixSet, request.format);
      source = online(request.name, 'wmts', template, request.attribution, 19);
    } else {
      const path = request.path.trim();
      if (!isAbsolute(path)) throw new DeskFailure('INVALID_REQUEST', 'Give the full path of the file.', { field: 'path' });
      const file = await openTileFile(path);
      source = {
        id: randomUUID(),
        name: request.name || file.name || basename(path),
        kind: file.kind,
        template: null,
        path,
        attribution: file.attribution,
        origin: null,
        minZoom: file.minZoom,
        maxZoom: file.maxZoom,
        createdAt: now(),
      };
      files.set(source.id, Promise.resolve(file));
    }
    deps.repo.add(source);
    return source;
  }

  async function remove(id: string): Promise<{ removed: boolean }> {
    const file = files.get(id);
    files.delete(id);
    if (file) await file.then((f) => f.close()).catch(() => undefined);
    return { removed: deps.repo.remove(id) };
  }

  async function tile(request: { sourceId: string; z: number; x: number; y: number }): Promise<{ data: string; type: string } | null> {
    const source = deps.repo.get(request.sourceId);
    if (!source || !source.path) throw new DeskFailure('NOT_FOUND', 'No such local basemap.');
    if (request.x >= 2 ** request.z || request.y >= 2 ** request.z) return null;
    const found = await (await fileOf(source)).tile(request.z, request.x, request.y);
    return found && { data: found.data.toString('base64'), type: found.type };
  }

  return {
    list: () => deps.repo.list(),
    add,
    remove,
    tile,
    /** What the CSP's img-src allows besides the app itself (read per page load, see security.ts). */
    tileOrigins: () => deps.repo.origins(),
    close: async () => {
      const open = [...files.values()];
      files.clear();
      await Promise.all(open.map((f) => f.then((x) => x.close()).catch(() => undefined)));
    },
  };
}
export type BasemapsService = ReturnType<typeof createBasemapsService>;
