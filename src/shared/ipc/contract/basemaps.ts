import { z } from 'zod';
import { BasemapSourceSchema } from '../../domain/basemaps';
import { ById, channelsOf, Empty, Id } from './define';

const Name = z.string().trim().min(1, 'a name is required').max(120);
const Attribution = z.string().max(300).default('');

export const BasemapAddSchema = z.discriminatedUnion('kind', [
  /** An XYZ template with {z} {x} {y}, e.g. OpenStreetMap's. */
  z.object({ kind: z.literal('xyz'), name: Name, template: z.string().min(1).max(2000), attribution: Attribution, maxZoom: z.number().int().min(0).max(24).default(19) }).strict(),
  /** WMTS in KVP form on a Web Mercator matrix set (see wmtsKvpTemplate). */
  z
    .object({
      kind: z.literal('wmts'),
      name: Name,
      url: z.string().min(1).max(2000),
      layer: z.string().min(1).max(200),
      matrixSet: z.string().min(1).max(200),
      format: z.string().max(40).default('image/png'),
      attribution: Attribution,
    })
    .strict(),
  /** A local MBTiles or PMTiles file, by its path (a file dialog gives it under Electron). */
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(4000), name: z.string().trim().max(120).optional() }).strict(),
]);

export const TileSchema = z.object({ data: z.string(), type: z.string() }).nullable();

export const basemapsContract = channelsOf('basemaps')({
  'basemaps.list': { request: Empty, response: z.array(BasemapSourceSchema) },
  /** Stores a source. An online one changes the CSP: the renderer reloads for it to apply. */
  'basemaps.add': { request: BasemapAddSchema, response: BasemapSourceSchema },
  'basemaps.remove': { request: ById, response: z.object({ removed: z.boolean() }) },
  /** One tile of a local file as base64, or null where the file has none. */
  'basemaps.tile': {
    request: z.object({ sourceId: Id, z: z.number().int().min(0).max(30), x: z.number().int().min(0), y: z.number().int().min(0) }).strict(),
    response: TileSchema,
  },
});
