/**
 * The embedded provider sandbox's fixed, public credentials: documented in the README and shown on the
 * sandbox accounts. They open nothing but the local simulator, so showing them is safe.
 */
export const SANDBOX_CREDENTIALS = {
  oneatlas: { apiKey: 'sandbox-oneatlas-key' },
  geoapi: { clientId: 'sandbox-client', clientSecret: 'sandbox-secret', username: 'sandbox-user', searchApiKey: 'sandbox-search-key' },
  origen: { token: 'sandbox-origen-token' },
} as const;

/** Path prefixes, one per real host, so base URLs are the only difference with production. */
export const SANDBOX_PREFIXES = {
  oneatlas: { auth: '/oneatlas/auth', data: '/oneatlas/data', order: '/oneatlas/order', search: '/oneatlas/search' },
  geoapi: { auth: '/geoapi/auth', order: '/geoapi/order', search: '/geoapi/search' },
  origen: { market: '/origen/market_service' },
} as const;
