/**
 * Commercial reference lists: markets (a primary market is mandatory to order; a secondary market, when
 * given, must belong to it), delivery types and end-user countries.
 */

const PRIMARY: [string, string][] = [
  ['AGRI', 'Agriculture'],
  ['ASSUR', 'Insurance'],
  ['AUTRE', 'Other'],
  ['CARTO', 'Mapping'],
  ['DEFSEC', 'Defence and security'],
  ['DISTRI', 'Distribution'],
  ['ENERGIE', 'Energy'],
  ['ENV', 'Environment'],
  ['FORET', 'Forestry'],
  ['GDPUBLIC', 'General public'],
  ['GENIE', 'Civil engineering'],
  ['IOT', 'Internet of things'],
  ['MARITIME', 'Maritime'],
  ['MOBIL', 'Mobility'],
  ['NQUAL', 'Not qualified'],
  ['PRESSE', 'Press'],
  ['RISQUE', 'Risk management'],
  ['SANTE', 'Health'],
  ['TELECOM', 'Telecommunications'],
  ['TOURISME', 'Tourism'],
  ['TRANSPORT', 'Transport'],
];

// Sub-markets per primary market; a primary market is always its own generic secondary market.
const SECONDARY: Record<string, string[]> = {
  AGRI: ['AUTRE', 'CTRL', 'ENV', 'INT', 'NQ', 'PREC', 'PROD', 'SI'],
  CARTO: ['AUTRE', 'CAD', 'NQ', 'RSMT', 'THEM', 'TOPO'],
  DEFSEC: ['AUTRE', 'CARTO', 'GEO', 'INT', 'NQ', 'RSGNT'],
  ENERGIE: ['AUTRE', 'ECO', 'ENV', 'EXPLOIT', 'INFRA', 'NQ', 'PROD'],
  ENV: ['AUTRE', 'EAU', 'NQ', 'SURV'],
  FORET: ['AUTRE', 'CARB', 'DEFOR', 'ECO', 'EXPLOIT', 'INV', 'NQ'],
  MARITIME: ['AUTRE', 'CTRL', 'ENV', 'NQ', 'ROUT', 'RSGNT'],
  MOBIL: ['AUTRE', 'COMM', 'GDPUB', 'INSTIT', 'NQ'],
  RISQUE: ['ANTICIP', 'AUTRE', 'CRISE', 'NQ', 'POST', 'PREV'],
  TELECOM: ['AUTRE', 'NQ'],
  TOURISME: ['AUTRE', 'NQ'],
};

export function secondaryMarketsOf(primary: string): { id: string; label: string }[] {
  const label = PRIMARY.find(([id]) => id === primary)?.[1] ?? primary;
  return [{ id: primary, label }, ...(SECONDARY[primary] ?? []).map((s) => ({ id: `${primary}_${s}`, label: `${label} - ${s.toLowerCase()}` }))];
}

export const isPrimaryMarket = (id: unknown): boolean => PRIMARY.some(([p]) => p === id);

export function marketsJson() {
  return {
    properties: [],
    markets: PRIMARY.map(([id, label]) => ({ id, label, secondaryMarket: secondaryMarketsOf(id) })),
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
