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
  /** A closed choice: the form offers these values (the first is the default) instead of free text. */
  choices?: readonly { value: string; label: string }[];
  /** `email`: checked as an e-mail address when given. */
  kind?: 'email';
}

/**
 * What a provider kind can do for the user. The renderer offers a section's accounts by capability and
 * main builds a client only for the capabilities a kind declares (see src/main/providers/index.ts).
 */
export const CAPABILITIES = ['archive', 'quotations', 'orderLookup', 'tasking', 'programming'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface ProviderSpec {
  kind: ProviderKind;
  label: string;
  capabilities: readonly Capability[];
  endpoints: readonly (FieldSpec & { production: string })[];
  identity: readonly FieldSpec[];
  secrets: readonly FieldSpec[];
}

export const PROVIDERS = {
  oneatlas: {
    kind: 'oneatlas',
    label: 'Airbus OneAtlas',
    capabilities: ['archive', 'quotations', 'orderLookup', 'tasking'],
    endpoints: [
      { key: 'auth', label: 'Authentication URL', production: 'https://authenticate.foundation.api.oneatlas.airbus.com' },
      { key: 'data', label: 'Data API URL', production: 'https://data.api.oneatlas.airbus.com' },
      { key: 'order', label: 'Order API URL', production: 'https://order.api.oneatlas.airbus.com' },
      { key: 'search', label: 'Search API URL', production: 'https://search.foundation.api.oneatlas.airbus.com' },
    ],
    // Asked once here, pre-filled in every archive and tasking order form (and editable there).
    identity: [{ key: 'notificationEmail', label: 'Notification e-mail', hint: 'Who OneAtlas e-mails about your orders; pre-filled in each order', kind: 'email' }],
    secrets: [{ key: 'apiKey', label: 'API key' }],
  },
  geoapi: {
    kind: 'geoapi',
    label: 'Airbus GeoAPI (legacy)',
    // The legacy guides document no order search: an ambiguous order stays unconfirmed.
    capabilities: ['archive'],
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
    capabilities: ['programming'],
    endpoints: [
      // Origen issues the market-service host with the account, so there is no public default.
      { key: 'market', label: 'Market service URL', production: '' },
    ],
    // The guide's field table says WKT, its example sends a GeoJSON string: WKT unless set to `geojson`.
    identity: [
      {
        key: 'geometryForm',
        label: 'Geometry form',
        hint: 'How the AOI is written in programming orders: the guide’s field table says WKT, its example sends GeoJSON.',
        choices: [
          { value: 'wkt', label: 'WKT (the guide’s field table)' },
          { value: 'geojson', label: 'GeoJSON string (the guide’s example)' },
        ],
      },
    ],
    secrets: [{ key: 'token', label: 'Access token' }],
  },
} as const satisfies Record<ProviderKind, ProviderSpec>;

export const secretKeysOf = (kind: ProviderKind): string[] => PROVIDERS[kind].secrets.map((s) => s.key);

export const hasCapability = (kind: ProviderKind, capability: Capability): boolean =>
  (PROVIDERS[kind].capabilities as readonly Capability[]).includes(capability);

/** The provider kinds that declare a capability, as a type: e.g. `KindWith<'archive'>` is 'oneatlas' | 'geoapi'. */
export type KindWith<C extends Capability> = {
  [K in ProviderKind]: C extends (typeof PROVIDERS)[K]['capabilities'][number] ? K : never;
}[ProviderKind];

/**
 * Kinds whose archives can be searched and ordered from, as a value for schemas (z.enum). The checks
 * below keep it equal to the kinds that declare 'archive', so it is not a second list to keep in step.
 */
export const ARCHIVE_PROVIDER_KINDS = ['oneatlas', 'geoapi'] as const satisfies readonly KindWith<'archive'>[];
export type ArchiveProviderKind = (typeof ARCHIVE_PROVIDER_KINDS)[number];
const _everyArchiveKindListed: Exclude<KindWith<'archive'>, ArchiveProviderKind> extends never ? true : never = true;
void _everyArchiveKindListed;
export const isArchiveKind = (kind: ProviderKind): kind is ArchiveProviderKind => hasCapability(kind, 'archive');
