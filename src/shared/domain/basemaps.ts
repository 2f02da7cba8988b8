import { z } from 'zod';

/**
 * Basemaps besides the offline Natural Earth one: online tile services the user adds (XYZ templates,
 * WMTS in KVP form) and local tile files (MBTiles, PMTiles) that field teams carry. Main stores them;
 * the CSP allows exactly the origins of the stored online ones (src/main/security.ts).
 */
export const BasemapKindSchema = z.enum(['xyz', 'wmts', 'mbtiles', 'pmtiles']);
export type BasemapKind = z.infer<typeof BasemapKindSchema>;

export const BasemapSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: BasemapKindSchema,
  /** Online: the tile URL with {z} {x} {y}. */
  template: z.string().nullable(),
  /** Local: the file's path on this machine. */
  path: z.string().nullable(),
  attribution: z.string(),
  /** Online: the origin the CSP must allow. */
  origin: z.string().nullable(),
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
  createdAt: z.string(),
});
export type BasemapSource = z.infer<typeof BasemapSourceSchema>;

/** The workspace's basemap id for the built-in offline one. */
export const OFFLINE_BASEMAP_ID = 'offline';

export const OSM_PRESET = {
  name: 'OpenStreetMap',
  template: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
  maxZoom: 19,
} as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const PLACEHOLDER = /\{[^}]*\}/g;
const ALLOWED_PLACEHOLDERS = new Set(['{z}', '{x}', '{y}', '{-y}']);

export type TemplateCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * A tile URL the app may fetch: https (http only on the loopback, for local tile servers and tests),
 * no credentials in it, and {z} {x} {y} (or {-y} for TMS) as its only placeholders. The origin it
 * answers is what the CSP will allow: one exact scheme://host:port, never a wildcard.
 */
export function checkTileTemplate(template: string): TemplateCheck {
  const placeholders = template.match(PLACEHOLDER) ?? [];
  const unknown = placeholders.find((p) => !ALLOWED_PLACEHOLDERS.has(p));
  if (unknown) return { ok: false, message: `Unknown placeholder ${unknown}: use {z}, {x} and {y} (or {-y}).` };
  if (!template.includes('{z}') || !template.includes('{x}') || !(template.includes('{y}') || template.includes('{-y}'))) {
    return { ok: false, message: 'The URL needs {z}, {x} and {y} placeholders.' };
  }
  let url: URL;
  try {
    url = new URL(template.replace(PLACEHOLDER, '0'));
  } catch {
    return { ok: false, message: 'Not a valid URL.' };
  }
  if (url.username || url.password) return { ok: false, message: 'Credentials in the URL are not allowed.' };
  // The origin is what the CSP allows, so it must be one fixed host: no placeholder before the path.
  if ((template.split('/')[2] ?? '').includes('{')) return { ok: false, message: 'Placeholders belong in the path, not the host.' };
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { ok: true, origin: url.origin };
  return { ok: false, message: 'Only https tile URLs are allowed (http only on this machine, 127.0.0.1).' };
}

/**
 * A WMTS service in KVP form as a tile template. Valid for tile matrix sets on the Web Mercator
 * grid with zoom levels as matrix ids (GoogleMapsCompatible and its kin), which is what the map's
 * XYZ source can draw; other grids would need the capabilities document.
 */
export function wmtsKvpTemplate(base: string, layer: string, matrixSet: string, format = 'image/png', style = 'default'): string {
  const url = base.split('?')[0] ?? base;
  const params = [
    'SERVICE=WMTS',
    'REQUEST=GetTile',
    'VERSION=1.0.0',
    `LAYER=${encodeURIComponent(layer)}`,
    `STYLE=${encodeURIComponent(style)}`,
    `TILEMATRIXSET=${encodeURIComponent(matrixSet)}`,
    'TILEMATRIX={z}',
    'TILEROW={y}',
    'TILECOL={x}',
    `FORMAT=${encodeURIComponent(format)}`,
  ];
  return `${url}?${params.join('&')}`;
}
