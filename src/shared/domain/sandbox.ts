import type { ProviderKind } from './providers';

/**
 * The embedded provider sandbox's fixed, public credentials: documented in the README and shown on the
 * sandbox accounts. They open nothing but the local simulator, so showing them is safe, and sandbox
 * accounts resolve them from here rather than from the keychain: the sandbox works on a machine without one.
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

/** A sandbox account's secrets by the keys its provider's account form uses (see providers.ts). */
export const SANDBOX_SECRETS: Record<ProviderKind, Record<string, string>> = {
  oneatlas: { apiKey: SANDBOX_CREDENTIALS.oneatlas.apiKey },
  geoapi: {
    clientId: SANDBOX_CREDENTIALS.geoapi.clientId,
    clientSecret: SANDBOX_CREDENTIALS.geoapi.clientSecret,
    searchApiKey: SANDBOX_CREDENTIALS.geoapi.searchApiKey,
  },
  origen: { token: SANDBOX_CREDENTIALS.origen.token },
};

/** A sandbox account's non-secret identity. */
export const SANDBOX_IDENTITY: Record<ProviderKind, Record<string, string>> = {
  // A simulated inbox: sandbox orders notify nobody, but the order bodies carry an address as OneAtlas requires.
  oneatlas: { notificationEmail: 'orders@sandbox.imagery-desk.invalid' },
  geoapi: { username: SANDBOX_CREDENTIALS.geoapi.username },
  origen: {},
};
