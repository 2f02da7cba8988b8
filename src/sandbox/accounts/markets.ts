import { PRIMARY_MARKETS, primaryMarket, secondaryMarketsOf } from '../../shared/domain/markets';

/**
 * Commercial reference lists: markets (a primary market is mandatory to order; a secondary market, when
 * given, must belong to it), delivery types and end-user countries. Markets are the shared vocabulary
 * (src/shared/domain/markets.ts).
 */

/**
 * The secondary markets the sandbox offers and accepts for a primary market: exactly the vocabulary's
 * (the 2017 GeoAPI order spec's pairs). A primary market with sub-markets is not its own secondary
 * market (AGRI needs one of AGRI_*), as the spec's `secondaryMarket` enum has it, so it is not offered.
 */
export function offeredSecondaryMarkets(primary: string): { id: string; label: string }[] {
  const label = primaryMarket(primary)?.label ?? primary;
  return secondaryMarketsOf(primary).map((id) => ({ id, label: id === primary ? label : `${label} - ${id.slice(primary.length + 1).toLowerCase()}` }));
}

export function marketsJson() {
  return {
    properties: [],
    markets: PRIMARY_MARKETS.map(({ id, label }) => ({ id, label, secondaryMarket: offeredSecondaryMarkets(id) })),
  };
}

export const DELIVERY_TYPES = [
  { deliveryTypeId: 'network', label: 'FTP + My Data' },
  { deliveryTypeId: 'MEDIA', label: 'MEDIA' },
];

/** End-user countries (ISO 3166-1 alpha-2) with their labels; an end user's country must be one of them. */
export const COUNTRIES: [string, string][] = [
  ['AE', 'United Arab Emirates'], ['AR', 'Argentina'], ['AT', 'Austria'], ['AU', 'Australia'], ['BE', 'Belgium'],
  ['BR', 'Brazil'], ['CA', 'Canada'], ['CH', 'Switzerland'], ['CL', 'Chile'], ['CN', 'China'], ['CZ', 'Czechia'],
  ['DE', 'Germany'], ['DK', 'Denmark'], ['DZ', 'Algeria'], ['EG', 'Egypt'], ['ES', 'Spain'], ['FI', 'Finland'],
  ['FR', 'France'], ['GB', 'United Kingdom'], ['GR', 'Greece'], ['ID', 'Indonesia'], ['IE', 'Ireland'], ['IN', 'India'],
  ['IT', 'Italy'], ['JP', 'Japan'], ['KE', 'Kenya'], ['KR', 'South Korea'], ['MA', 'Morocco'], ['MX', 'Mexico'],
  ['MY', 'Malaysia'], ['NG', 'Nigeria'], ['NL', 'Netherlands'], ['NO', 'Norway'], ['NZ', 'New Zealand'], ['PE', 'Peru'],
  ['PL', 'Poland'], ['PT', 'Portugal'], ['RO', 'Romania'], ['SA', 'Saudi Arabia'], ['SE', 'Sweden'], ['SG', 'Singapore'],
  ['SN', 'Senegal'], ['TH', 'Thailand'], ['TN', 'Tunisia'], ['TR', 'Türkiye'], ['UA', 'Ukraine'], ['US', 'United States'],
  ['VN', 'Viet Nam'], ['ZA', 'South Africa'],
];

export const isCountry = (id: unknown): boolean => COUNTRIES.some(([c]) => c === id);

export function countriesJson() {
  return { countries: COUNTRIES.map(([id, label]) => ({ id, label })) };
}
