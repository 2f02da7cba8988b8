import { requireOneAtlasBearer } from '../auth/guards';
import type { Handler, SandboxResponse } from '../types';
import { findScene } from './catalogue';
import { GEOAPI_PRODUCT_TYPE, legacyError, requireSearchKey } from './geoapi';
import { scenePng } from './render';
import { findWorkspaceItem } from './workspace';

/**
 * Quicklooks and thumbnails, authenticated like the real ones: OneAtlas items on the data/access
 * host with the bearer token; legacy GeoAPI products on the search host with the APIKEY.
 */

/** Longest side in pixels per legacy size, and for the OneAtlas endpoints. */
const LEGACY_SIZES: Record<string, number> = { SMALL: 128, MEDIUM: 512, LARGE: 1024 };
const ONEATLAS_SIZES = { quicklook: 512, thumbnail: 128 } as const;
const PROJECTIONS = ['EPSG:4326', 'EPSG:3857'];

const png = (body: Buffer): SandboxResponse => ({ status: 200, body, contentType: 'image/png', headers: { 'Cache-Control': 'private, max-age=3600' } });

function oneAtlasImage(kind: keyof typeof ONEATLAS_SIZES): Handler {
  return (req, ctx) => {
    const denied = requireOneAtlasBearer(req, ctx);
    if (denied) return denied;
    const id = req.params['id'] ?? '';
    // Delivered products of the workspace have their own ids, and quicklooks like catalogue items.
    const scene = findScene(ctx.state.seed, id) ?? findWorkspaceItem(ctx.state, id);
    if (!scene || scene.publicationTime > ctx.state.now().getTime()) {
      return { status: 404, body: { internalCode: 404, message: `Item ${id} not found in catalog`, timestamp: Date.now() } };
    }
    return png(scenePng(ctx.state.seed, scene, ONEATLAS_SIZES[kind]));
  };
}

export const oneAtlasQuicklook = oneAtlasImage('quicklook');
export const oneAtlasThumbnail = oneAtlasImage('thumbnail');

/** `GET /api/v1/productTypes/{pt}/products/{sourceId}?size=SMALL|MEDIUM|LARGE[&projection=EPSG:…]`. */
export const legacyProductImage: Handler = (req, ctx) => {
  const denied = requireSearchKey(req);
  if (denied) return denied;
  const size = (req.query.get('size') ?? 'MEDIUM').toUpperCase();
  const longest = LEGACY_SIZES[size];
  if (!longest) return legacyError(400, { field: 'size', message: 'size must be SMALL, MEDIUM or LARGE' }, req);
  const projection = req.query.get('projection');
  if (projection !== null && !PROJECTIONS.includes(projection)) return legacyError(400, { field: 'projection', message: `projection must be ${PROJECTIONS.join(' or ')}` }, req);
  const scene = findScene(ctx.state.seed, req.params['productId'] ?? '');
  const pt = req.params['productType'];
  if (!scene || scene.constellation === 'PNEO' || GEOAPI_PRODUCT_TYPE[scene.constellation] !== pt || scene.publicationTime > ctx.state.now().getTime()) {
    return legacyError(404, { field: 'productId', message: `No product ${req.params['productId']} for product type ${pt}` }, req);
  }
  // Projected quicklooks are the same picture here: the sandbox does not resample.
  return png(scenePng(ctx.state.seed, scene, longest));
};
