/**
 * What each provider kind needs to be reached: its base URLs, its non-secret identity and the names of
 * the secrets kept in the OS keychain. The renderer builds its account form from this table, main
 * validates against it, so the two cannot drift.
 */
export const PROVIDER_KINDS = ['oneatlas', 'geoapi', 'origen'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface FieldSpec {
  key: string;
  label: string;
  hint?: string;
}

export interface ProviderSpec {
  kind: ProviderKind;
  label: string;
  endpoints: readonly (FieldSpec & { production: string })[];
  identity: readonly FieldSpec[];
  secrets: readonly FieldSpec[];
}

export const PROVIDERS: Record<ProviderKind, ProviderSpec> = {
  oneatlas: {
    kind: 'oneatlas',
    label: 'Airbus OneAtlas',
    endpoints: [
      { key: 'auth', label: 'Authentication URL', production: 'https://authenticate.foundation.api.oneatlas.airbus.com' },
      { key: 'data', label: 'Data API URL', production: 'https://data.api.oneatlas.airbus.com' },
      { key: 'order', label: 'Order API URL', production: 'https://order.api.oneatlas.airbus.com' },
      { key: 'search', label: 'Search API URL', production: 'https://search.foundation.api.oneatlas.airbus.com' },
    ],
    identity: [],
    secrets: [{ key: 'apiKey', label: 'API key' }],
  },
  geoapi: {
    kind: 'geoapi',
    label: 'Airbus GeoAPI (legacy)',
    endpoints: [
      { key: 'auth', label: 'Authentication URL', production: 'https://is-qual.geoapi-airbusds.com:9443' },
      { key: 'order', label: 'Order API URL', production: 'https://order-qual.geoapi-airbusds.com:8443' },
      { key: 'search', label: 'Search API URL', production: 'https://search-qual.geoapi-airbusds.com' },
    ],
    identity: [{ key: 'username', label: 'Username', hint: 'Sent base64-encoded as X-ADS-Username' }],
    secrets: [
      { key: 'clientId', label: 'Client ID' },
      { key: 'clientSecret', label: 'Client secret' },
      { key: 'searchApiKey', label: 'Search API key' },
    ],
  },
  origen: {
    kind: 'origen',
    label: 'Origen market',
    endpoints: [
      // Origen issues the market-service host with the account, so there is no public default.
      { key: 'market', label: 'Market service URL', production: '' },
    ],
    identity: [],
    secrets: [{ key: 'token', label: 'Access token' }],
  },
};

export const secretKeysOf = (kind: ProviderKind): string[] => PROVIDERS[kind].secrets.map((s) => s.key);
