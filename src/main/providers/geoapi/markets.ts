/**
 * The legacy API has no markets or delivery-types endpoint: its order spec (OrderRequest) lists the
 * allowed `primaryMarket` and `secondaryMarket` values as enums, and names `network` as the delivery
 * type. This is that list. A secondary market belongs to the primary market it is prefixed with; a
 * primary market without sub-markets has itself as its only secondary market.
 */

const PRIMARY = ['AGRI', 'ASSUR', 'AUTRE', 'CARTO', 'DEFSEC', 'DISTRI', 'ENERGIE', 'ENV', 'FORET', 'GDPUBLIC', 'GENIE', 'MARITIME', 'MOBIL', 'NQUAL', 'PRESSE', 'RISQUE', 'SANTE', 'TELECOM', 'TOURISME', 'TRANSPORT'];

const SUB: Record<string, string[]> = {
  AGRI: ['AUTRE', 'CTRL', 'ENV', 'INT', 'NQ', 'PREC', 'PROD', 'SI'],
  CARTO: ['AUTRE', 'CAD', 'NQ', 'RSMT', 'THEM', 'TOPO'],
  DEFSEC: ['AUTRE', 'CARTO', 'GEO', 'INT', 'NQ', 'RSGNT'],
  ENERGIE: ['AUTRE', 'ECO', 'ENV', 'EXPLOIT', 'INFRA', 'NQ', 'PROD'],
  ENV: ['AUTRE', 'EAU', 'NQ', 'SURV'],
  FORET: ['AUTRE', 'CARB', 'DEFOR', 'ECO', 'EXPLOIT', 'INV', 'NQ'],
  MARITIME: ['AUTRE', 'CTRL', 'ENV', 'NQ', 'ROUT', 'RSGNT'],
  MOBIL: ['AUTRE', 'COMM', 'GDPUB', 'INSTIT', 'NQ'],
  RISQUE: ['ANTICIP', 'AUTRE', 'CRISE', 'NQ', 'POST', 'PREV'],
  // The spec lists TELECOM and TOURISME both bare and with sub-markets.
  TELECOM: ['', 'AUTRE', 'NQ'],
  TOURISME: ['', 'AUTRE', 'NQ'],
};

const item = (id: string) => ({ value: id, label: id });

export const GEOAPI_PRIMARY_MARKETS = PRIMARY.map(item);

export const GEOAPI_SECONDARY_MARKETS: Record<string, { value: string; label: string }[]> = Object.fromEntries(
  PRIMARY.map((p) => [p, (SUB[p] ?? ['']).map((s) => item(s ? `${p}_${s}` : p))]),
);

export const GEOAPI_DELIVERY_TYPES = [{ value: 'network', label: 'Network (FTP)' }];
