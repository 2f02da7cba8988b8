import type { ArchiveProviderKind } from './providers';

/**
 * The market vocabulary of Airbus orders, one list for the OneAtlas and GeoAPI (legacy) clients and
 * for the sandbox that simulates both. An order names a primary market (mandatory) and may name a
 * secondary market, which must then belong to that primary market.
 *
 * Sources (named as in docs/ARCHITECTURE.md §9):
 * - the 2017 GeoAPI order spec: the `primaryMarket` and `secondaryMarket` enums of its OrderRequest
 *   are the ids and the valid pairs below. A secondary market id is its primary id plus a
 *   sub-market suffix (AGRI -> AGRI_PREC). A primary market without sub-markets (ASSUR, GENIE,
 *   DISTRI…) is listed bare among the secondary markets: it is its own only secondary market. AGRI and
 *   the other markets with sub-markets are not listed bare; TELECOM and TOURISME are listed both ways.
 * - the OneAtlas OpenAPI, whose `primaryMarket` enums add IOT.
 * - the labels of the OneAtlas markets endpoint ("Agriculture", "Civil engineering", … as the
 *   OneAtlas archive guide shows them). Sub-markets have no documented labels.
 */

export interface PrimaryMarket {
  readonly id: string;
  readonly label: string;
  /** Suffixes of its secondary markets (`PREC` is AGRI_PREC); none: the id itself is the only one. */
  readonly subMarkets?: readonly string[];
  /** With sub-markets: whether the bare id is also a valid secondary market (TELECOM, TOURISME). */
  readonly bare?: true;
  /** Not in the 2017 GeoAPI order spec, so not offered on GeoAPI (legacy) accounts. */
  readonly oneAtlasOnly?: true;
}

export const PRIMARY_MARKETS = [
  { id: 'AGRI', label: 'Agriculture', subMarkets: ['AUTRE', 'CTRL', 'ENV', 'INT', 'NQ', 'PREC', 'PROD', 'SI'] },
  { id: 'ASSUR', label: 'Insurance' },
  { id: 'AUTRE', label: 'Other' },
  { id: 'CARTO', label: 'Mapping', subMarkets: ['AUTRE', 'CAD', 'NQ', 'RSMT', 'THEM', 'TOPO'] },
  { id: 'DEFSEC', label: 'Defence and security', subMarkets: ['AUTRE', 'CARTO', 'GEO', 'INT', 'NQ', 'RSGNT'] },
  { id: 'DISTRI', label: 'Distribution' },
  { id: 'ENERGIE', label: 'Energy', subMarkets: ['AUTRE', 'ECO', 'ENV', 'EXPLOIT', 'INFRA', 'NQ', 'PROD'] },
  { id: 'ENV', label: 'Environment', subMarkets: ['AUTRE', 'EAU', 'NQ', 'SURV'] },
  { id: 'FORET', label: 'Forestry', subMarkets: ['AUTRE', 'CARB', 'DEFOR', 'ECO', 'EXPLOIT', 'INV', 'NQ'] },
  { id: 'GDPUBLIC', label: 'General public' },
  { id: 'GENIE', label: 'Civil engineering' },
  { id: 'IOT', label: 'Internet of things', oneAtlasOnly: true },
  { id: 'MARITIME', label: 'Maritime', subMarkets: ['AUTRE', 'CTRL', 'ENV', 'NQ', 'ROUT', 'RSGNT'] },
  { id: 'MOBIL', label: 'Mobility', subMarkets: ['AUTRE', 'COMM', 'GDPUB', 'INSTIT', 'NQ'] },
  { id: 'NQUAL', label: 'Not qualified' },
  { id: 'PRESSE', label: 'Press' },
  { id: 'RISQUE', label: 'Risk management', subMarkets: ['ANTICIP', 'AUTRE', 'CRISE', 'NQ', 'POST', 'PREV'] },
  { id: 'SANTE', label: 'Health' },
  { id: 'TELECOM', label: 'Telecommunications', subMarkets: ['AUTRE', 'NQ'], bare: true },
  { id: 'TOURISME', label: 'Tourism', subMarkets: ['AUTRE', 'NQ'], bare: true },
  { id: 'TRANSPORT', label: 'Transport' },
] as const satisfies readonly PrimaryMarket[];

export type PrimaryMarketId = (typeof PRIMARY_MARKETS)[number]['id'];

const BY_ID: ReadonlyMap<string, PrimaryMarket> = new Map(PRIMARY_MARKETS.map((m) => [m.id, m]));

/** The primary market with this id, or undefined. */
export const primaryMarket = (id: unknown): PrimaryMarket | undefined => (typeof id === 'string' ? BY_ID.get(id) : undefined);

export const isPrimaryMarket = (id: unknown): id is PrimaryMarketId => primaryMarket(id) !== undefined;

/** The primary markets an account of this provider kind can order with. */
export function primaryMarketsOf(provider: ArchiveProviderKind): readonly PrimaryMarket[] {
  return provider === 'geoapi' ? PRIMARY_MARKETS.filter((m: PrimaryMarket) => !m.oneAtlasOnly) : PRIMARY_MARKETS;
}

/**
 * The valid secondary market ids of a primary market, bare id first when it is one: AGRI gives
 * AGRI_AUTRE … AGRI_SI, GENIE gives GENIE, TELECOM gives TELECOM, TELECOM_AUTRE, TELECOM_NQ. Empty for
 * an unknown primary market.
 */
export function secondaryMarketsOf(primary: string): string[] {
  const market = primaryMarket(primary);
  if (!market) return [];
  const subs = (market.subMarkets ?? []).map((s) => `${market.id}_${s}`);
  return subs.length === 0 || market.bare ? [market.id, ...subs] : subs;
}

/** A known primary market and, when a secondary market is given, one of its own. */
export function isValidMarketPair(primary: string, secondary: string | null | undefined): boolean {
  if (!isPrimaryMarket(primary)) return false;
  return secondary === null || secondary === undefined || secondaryMarketsOf(primary).includes(secondary);
}
