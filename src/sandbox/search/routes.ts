import { SANDBOX_PREFIXES } from '../credentials';
import type { Mount } from '../types';
import { legacySearch } from './geoapi';
import { legacyProductImage, oneAtlasQuicklook, oneAtlasThumbnail } from './images';
import { opensearch } from './oneatlas';

/** Routes of the search module, mounted under the prefixes of src/sandbox/credentials.ts. */
export const searchMounts: Mount[] = [
  {
    prefix: SANDBOX_PREFIXES.oneatlas.search,
    routes: [
      { method: 'GET', pattern: '/api/v2/opensearch', handler: opensearch },
      { method: 'POST', pattern: '/api/v2/opensearch', handler: opensearch },
    ],
  },
  {
    // Quicklooks live on the access host in production; the sandbox serves them with the data host.
    prefix: SANDBOX_PREFIXES.oneatlas.data,
    routes: [
      { method: 'GET', pattern: '/api/v1/items/:id/quicklook', handler: oneAtlasQuicklook },
      { method: 'GET', pattern: '/api/v1/items/:id/thumbnail', handler: oneAtlasThumbnail },
    ],
  },
  {
    prefix: SANDBOX_PREFIXES.geoapi.search,
    routes: [
      { method: 'GET', pattern: '/api/v1/search', handler: legacySearch },
      { method: 'POST', pattern: '/api/v1/search', handler: legacySearch },
      { method: 'GET', pattern: '/api/v1/productTypes/:productType/products/:productId', handler: legacyProductImage },
    ],
  },
];
